import { describe, expect, it } from 'vitest';
import { decodeEnvelope, EnvelopeError, encodeEnvelope, envelopeLength } from '../../core/api/http-envelope';

/** The browser host's wire format: JSON plus raw bytes, never base64 (core/api/http-envelope.ts). */

/** The parts joined, as they arrive in one body. */
function join(parts: Uint8Array[]): Uint8Array {
  const body = new Uint8Array(envelopeLength(parts));
  let at = 0;
  for (const part of parts) {
    body.set(part, at);
    at += part.byteLength;
  }
  return body;
}

/** An envelope written by hand: the header JSON as given, then the blob bytes. */
function raw(header: string, blobs: number[] = []): Uint8Array {
  const json = new TextEncoder().encode(header);
  const body = new Uint8Array(4 + json.length + blobs.length);
  new DataView(body.buffer).setUint32(0, json.length);
  body.set(json, 4);
  body.set(blobs, 4 + json.length);
  return body;
}

describe('http envelope', () => {
  it('carries JSON and every Uint8Array, wherever it sits, exactly', () => {
    const photo = new Uint8Array([137, 80, 78, 71, 0, 255]);
    const value = {
      method: 'attachments.add',
      args: { name: '站点照片.png', data: photo, nested: [{ data: new Uint8Array(0) }, 'x', null, 3.5, true], empty: {} },
      list: [new Uint8Array([1, 2, 3])],
    };
    const decoded = decodeEnvelope(join(encodeEnvelope(value)));
    expect(decoded).toEqual(value);
    const args = (decoded as typeof value).args;
    expect(args.data).toBeInstanceOf(Uint8Array);
    expect(Array.from(args.data)).toEqual(Array.from(photo));
  });

  it('sends the bytes as they are: the parts are the caller’s own arrays, and the body is JSON plus the bytes', () => {
    const big = new Uint8Array(1 << 20).fill(7);
    const parts = encodeEnvelope({ ok: true, value: { fileName: 'r.docx', data: big } });
    expect(parts).toHaveLength(2);
    expect(parts[1]).toBe(big);
    expect(envelopeLength(parts)).toBeLessThan(big.byteLength + 200);
  });

  it('decodes blobs as views into the body, not copies', () => {
    const body = join(encodeEnvelope({ a: new Uint8Array([1, 2]), b: [new Uint8Array([3])] }));
    const decoded = decodeEnvelope(body) as { a: Uint8Array; b: Uint8Array[] };
    expect(decoded.a.buffer).toBe(body.buffer);
    expect(decoded.b[0]?.buffer).toBe(body.buffer);
  });

  it('carries a Node Buffer (a Uint8Array) without calling its toJSON', () => {
    const buffer = Buffer.from('hello');
    const decoded = decodeEnvelope(join(encodeEnvelope({ data: buffer }))) as { data: Uint8Array };
    expect(Buffer.from(decoded.data).toString()).toBe('hello');
  });

  it('carries a Uint8Array as the whole value, and values without bytes', () => {
    expect(Array.from(decodeEnvelope(join(encodeEnvelope(new Uint8Array([9, 8])))) as Uint8Array)).toEqual([9, 8]);
    for (const value of [null, 0, 'text', [], { a: [1, { b: 'c' }] }]) expect(decodeEnvelope(join(encodeEnvelope(value)))).toEqual(value);
  });

  it('never mistakes the app’s own JSON for a blob, and keeps odd keys as plain properties', () => {
    const value = { $bytes: 0, path: ['json'], blobs: [{ path: [], size: 1 }], ['__proto__']: { polluted: true } };
    const sent = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
    const decoded = decodeEnvelope(join(encodeEnvelope(sent))) as Record<string, unknown>;
    expect(decoded).toEqual(sent);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A blob under a "__proto__" key lands on an ordinary property, not on the prototype.
    const tricky = decodeEnvelope(raw('{"json": {"__proto__": null}, "blobs": [{"path": ["__proto__"], "size": 1}]}', [5])) as Record<string, unknown>;
    expect(Object.getPrototypeOf(tricky)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(tricky, '__proto__')?.value).toEqual(new Uint8Array([5]));
  });

  it('refuses values it cannot carry, saying where', () => {
    expect(() => encodeEnvelope({ args: { data: new Uint16Array(2) } })).toThrow(/binary value at args\.data: only Uint8Array is carried \(got Uint16Array\)/);
    expect(() => encodeEnvelope({ data: new ArrayBuffer(4) })).toThrow(/at data.*ArrayBuffer/);
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = { back: loop };
    expect(() => encodeEnvelope(loop)).toThrow(EnvelopeError);
    expect(() => encodeEnvelope(loop)).toThrow(/contains itself \(at self\.back\)/);
  });

  it('refuses malformed bodies, naming what is wrong', () => {
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array([0, 0]), /the body has 2 bytes; an envelope has at least 4/],
      [new Uint8Array([0, 0, 1, 0, 32]), /the header is said to have 256 bytes, but the body has only 1/],
      [raw('{"json": '), /the header is not valid UTF-8 JSON/],
      [raw('[]'), /must be a JSON object/],
      [raw('{"json": null, "blobs": {}}'), /"blobs" must be an array/],
      [raw('{"json": {"a": null}, "blobs": [{"path": [{}], "size": 0}]}'), /blob 0: "path" must be a list of keys and indexes/],
      [raw('{"json": {"a": null}, "blobs": [{"path": ["a"], "size": -1}]}'), /blob 0: "size" must be a whole number/],
      [raw('{"json": {"a": null}, "blobs": [{"path": ["a"], "size": 2}]}', [1]), /the blobs add up to 2 bytes, but 1 follow the header/],
      [raw('{"json": {"a": null}, "blobs": []}', [1]), /the blobs add up to 0 bytes, but 1 follow/],
      [raw('{"json": {"a": 1}, "blobs": [{"path": ["a"], "size": 1}]}', [1]), /blob 0: the JSON has no null at a/],
      [raw('{"json": {"a": null}, "blobs": [{"path": ["b"], "size": 1}]}', [1]), /blob 0: the JSON has no null at b/],
      [raw('{"json": {"a": "x"}, "blobs": [{"path": ["a", "b"], "size": 1}]}', [1]), /blob 0: nothing in the JSON at a\.b/],
      [raw('{"json": [null], "blobs": [{"path": ["length"], "size": 1}]}', [1]), /blob 0: the JSON has no null at length/],
      [raw('{"json": {"a": null}, "blobs": [{"path": ["a"], "size": 1}, {"path": ["a"], "size": 1}]}', [1, 2]), /blob 1: the JSON has no null at a/],
      [raw('{"json": 1, "blobs": [{"path": [], "size": 1}]}', [1]), /blob 0: the JSON has no null at \(root\)/],
    ];
    for (const [body, message] of cases) {
      expect(() => decodeEnvelope(body), String(message)).toThrow(EnvelopeError);
      expect(() => decodeEnvelope(body), String(message)).toThrow(message);
    }
    // Invalid UTF-8 in the header is refused rather than read as replacement characters.
    const badUtf8 = raw('{"json": "xx"}');
    badUtf8[13] = 0xff;
    expect(() => decodeEnvelope(badUtf8)).toThrow(/not valid UTF-8 JSON/);
  });
});
