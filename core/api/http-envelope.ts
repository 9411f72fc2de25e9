/**
 * The browser host's wire format for calls and their results (`application/x-fieldbench`): JSON
 * for the structure and the raw bytes of every Uint8Array appended after it, so files never
 * travel as base64. It is the only place binary data is encoded; Electron's MessagePort carries
 * Uint8Array as it is.
 *
 *   [u32 big-endian: header length H] [H bytes: UTF-8 JSON header] [blob 0] [blob 1] …
 *
 * The header is `{"json": <the value, with null where each Uint8Array was>, "blobs": [{"path":
 * [<keys and indexes to that null>], "size": <bytes>}, …]}`; the blobs follow in that order and
 * the body ends exactly after the last one. Paths name positions instead of marking values, so no
 * JSON the app sends can be mistaken for a blob.
 */

export const ENVELOPE_CONTENT_TYPE = 'application/x-fieldbench';

/** A body that is not a well-formed envelope; the message says what is wrong and where. */
export class EnvelopeError extends Error {
  override name = 'EnvelopeError';
}

type PathSegment = string | number;
type BlobEntry = { path: PathSegment[]; size: number };

// TextEncoder/TextDecoder exist in every runtime Fieldbench runs in (browsers, Electron, Node);
// core's lib has no DOM, so the two methods used here are typed here.
type Utf8 = { encode(text: string): Uint8Array; decode(bytes: Uint8Array): string };
const runtime = globalThis as unknown as {
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(bytes: Uint8Array): string };
};
let utf8: Utf8 | null = null;
function textCodec(): Utf8 {
  if (utf8 === null) {
    const encoder = new runtime.TextEncoder();
    const decoder = new runtime.TextDecoder('utf-8', { fatal: true });
    utf8 = { encode: (text) => encoder.encode(text), decode: (bytes) => decoder.decode(bytes) };
  }
  return utf8;
}

const HEADER_LENGTH_BYTES = 4;

function isBinary(value: unknown): boolean {
  return ArrayBuffer.isView(value) || value instanceof ArrayBuffer;
}

/**
 * Replaces every Uint8Array in `value` with null and records where it was. Containers without
 * bytes are reused as they are; only those on the way to a Uint8Array are copied.
 */
function takeBlobs(value: unknown, path: PathSegment[], found: { entry: BlobEntry; bytes: Uint8Array }[], onPath: Set<object>): unknown {
  if (value instanceof Uint8Array) {
    found.push({ entry: { path: [...path], size: value.byteLength }, bytes: value });
    return null;
  }
  if (isBinary(value)) {
    throw new EnvelopeError(`cannot send the binary value at ${describePath(path)}: only Uint8Array is carried (got ${Object.prototype.toString.call(value).slice(8, -1)})`);
  }
  if (typeof value !== 'object' || value === null) return value;
  if (onPath.has(value)) throw new EnvelopeError(`cannot send a value that contains itself (at ${describePath(path)})`);
  onPath.add(value);
  let copy: Record<string, unknown> | unknown[] | null = null;
  const entries: [PathSegment, unknown][] = Array.isArray(value) ? value.map((item, i) => [i, item]) : Object.entries(value);
  for (const [key, item] of entries) {
    path.push(key);
    const replaced = takeBlobs(item, path, found, onPath);
    path.pop();
    if (replaced !== item) {
      copy ??= Array.isArray(value) ? [...(value as unknown[])] : { ...(value as Record<string, unknown>) };
      (copy as Record<PathSegment, unknown>)[key] = replaced;
    }
  }
  onPath.delete(value);
  return copy ?? value;
}

function describePath(path: readonly PathSegment[]): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

/**
 * The envelope of `value` as a list of parts to send one after another (header first, then each
 * Uint8Array as it is — nothing is copied). Throws EnvelopeError for values it cannot carry.
 */
export function encodeEnvelope(value: unknown): Uint8Array[] {
  const found: { entry: BlobEntry; bytes: Uint8Array }[] = [];
  const json = takeBlobs(value, [], found, new Set());
  const header = textCodec().encode(JSON.stringify({ json: json === undefined ? null : json, blobs: found.map((f) => f.entry) }));
  const head = new Uint8Array(HEADER_LENGTH_BYTES + header.byteLength);
  new DataView(head.buffer).setUint32(0, header.byteLength);
  head.set(header, HEADER_LENGTH_BYTES);
  return [head, ...found.map((f) => f.bytes)];
}

/** Total bytes of the parts (the Content-Length). */
export function envelopeLength(parts: readonly Uint8Array[]): number {
  return parts.reduce((n, p) => n + p.byteLength, 0);
}

function readBlobEntries(raw: unknown): BlobEntry[] {
  if (!Array.isArray(raw)) throw new EnvelopeError('the header\'s "blobs" must be an array');
  return raw.map((item: unknown, i) => {
    const entry = item as { path?: unknown; size?: unknown } | null;
    const path = entry?.path;
    const size = entry?.size;
    if (!Array.isArray(path) || !path.every((p) => typeof p === 'string' || (typeof p === 'number' && Number.isInteger(p) && p >= 0))) {
      throw new EnvelopeError(`blob ${i}: "path" must be a list of keys and indexes`);
    }
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) throw new EnvelopeError(`blob ${i}: "size" must be a whole number of bytes`);
    return { path: path as PathSegment[], size };
  });
}

/** Puts `bytes` where the JSON holds null at `path`; the position must exist as an own property. */
function placeBlob(root: { value: unknown }, entry: BlobEntry, bytes: Uint8Array, index: number): void {
  let container: unknown = root;
  let key: PathSegment = 'value';
  for (const segment of entry.path) {
    const next: unknown = (container as Record<PathSegment, unknown>)[key];
    if (typeof next !== 'object' || next === null) throw new EnvelopeError(`blob ${index}: nothing in the JSON at ${describePath(entry.path)}`);
    container = next;
    key = segment;
  }
  const holder = container as Record<PathSegment, unknown>;
  const ownKey = Array.isArray(holder) ? typeof key === 'number' && key < holder.length : typeof key === 'string' && Object.prototype.hasOwnProperty.call(holder, key);
  if (!ownKey || holder[key] !== null) throw new EnvelopeError(`blob ${index}: the JSON has no null at ${describePath(entry.path)} to put the bytes in`);
  // defineProperty, not assignment: a key such as "__proto__" stays an ordinary property.
  Object.defineProperty(holder, key, { value: bytes, writable: true, enumerable: true, configurable: true });
}

/**
 * The value carried by an envelope. The Uint8Arrays in it are views into `body` (no copies).
 * Throws EnvelopeError saying what is wrong when the body is not a well-formed envelope.
 */
export function decodeEnvelope(body: Uint8Array): unknown {
  if (body.byteLength < HEADER_LENGTH_BYTES) throw new EnvelopeError(`the body has ${body.byteLength} bytes; an envelope has at least ${HEADER_LENGTH_BYTES}`);
  const headerLength = new DataView(body.buffer, body.byteOffset, body.byteLength).getUint32(0);
  const headerEnd = HEADER_LENGTH_BYTES + headerLength;
  if (headerEnd > body.byteLength) throw new EnvelopeError(`the header is said to have ${headerLength} bytes, but the body has only ${body.byteLength - HEADER_LENGTH_BYTES} after the length`);
  let header: unknown;
  try {
    header = JSON.parse(textCodec().decode(body.subarray(HEADER_LENGTH_BYTES, headerEnd)));
  } catch (error) {
    throw new EnvelopeError(`the header is not valid UTF-8 JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header) || !('json' in header)) {
    throw new EnvelopeError('the header must be a JSON object {"json": …, "blobs": […]}');
  }
  const entries = readBlobEntries((header as { blobs?: unknown }).blobs ?? []);
  const expected = headerEnd + entries.reduce((n, e) => n + e.size, 0);
  if (expected !== body.byteLength) {
    throw new EnvelopeError(`the blobs add up to ${expected - headerEnd} bytes, but ${body.byteLength - headerEnd} follow the header`);
  }
  const root = { value: (header as { json: unknown }).json };
  let offset = headerEnd;
  entries.forEach((entry, i) => {
    if (entry.path.length === 0) {
      if (root.value !== null) throw new EnvelopeError(`blob ${i}: the JSON has no null at (root) to put the bytes in`);
      root.value = body.subarray(offset, offset + entry.size);
    } else {
      placeBlob(root, entry, body.subarray(offset, offset + entry.size), i);
    }
    offset += entry.size;
  });
  return root.value;
}
