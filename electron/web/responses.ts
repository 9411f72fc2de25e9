import type http from 'node:http';
import { ENVELOPE_CONTENT_TYPE, encodeEnvelope, envelopeLength } from '../../core/api/http-envelope';

/** Sent on every response, API and static alike. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

/** A complete response. Never any Access-Control-* header: the host grants no cross-origin access. */
export function send(res: http.ServerResponse, status: number, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(body);
}

/**
 * A value as an envelope (core/api/http-envelope.ts): the header, then each Uint8Array written as
 * it is — a 40 MB export is never copied, let alone base64-encoded, on its way out.
 */
export function sendEnvelope(res: http.ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const parts = encodeEnvelope(value);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': ENVELOPE_CONTENT_TYPE,
    'content-length': String(envelopeLength(parts)),
    'cache-control': 'no-store',
    ...headers,
  });
  for (const part of parts) res.write(part);
  res.end();
}

/** True for the envelope's content type, with or without parameters. */
export function isEnvelopeContentType(header: string | undefined): boolean {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() === ENVELOPE_CONTENT_TYPE;
}

/**
 * Reads the request body, at most `limit` bytes. Past the limit it stops keeping data and answers
 * 'too-large' once the client has finished sending, so the client can read our 413. With a
 * Content-Length the body goes straight into one buffer of that size (a 25 MB upload is held once,
 * not as chunks plus their concatenation); 'incomplete' when the client sent less.
 */
export async function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'incomplete'> {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (Number.isSafeInteger(declared) && declared >= 0 && declared <= limit) {
    const body = Buffer.allocUnsafe(declared);
    let at = 0;
    for await (const chunk of req) {
      const buffer = chunk as Buffer;
      // Node's parser never delivers more than Content-Length; checked anyway, as the copy needs it.
      if (at + buffer.length > declared) return 'incomplete';
      buffer.copy(body, at);
      at += buffer.length;
    }
    return at === declared ? body : 'incomplete';
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size <= limit) chunks.push(buffer);
  }
  return size > limit ? 'too-large' : Buffer.concat(chunks);
}
