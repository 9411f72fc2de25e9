import { msg } from '../../core/api/message';
import { HTTP_PROTOCOL, type Bridge } from '../../core/api/bridge';
import { decodeEnvelope, ENVELOPE_CONTENT_TYPE, encodeEnvelope } from '../../core/api/http-envelope';
import { failed, type ApiResult } from '../../core/api/result';
import type { Events } from '../../core/api/events';
import { RECORD_TABLES } from '../../core/api/tables';

/**
 * The browser host's transport: the contract over HTTP to 127.0.0.1 with the per-launch secret.
 * Calls and their results travel as envelopes (core/api/http-envelope.ts), so bytes are never
 * base64; push events arrive as server-sent events. It touches no page globals, so the same code
 * runs in tests and benchmarks under Node.
 */
export type HttpBridgeOptions = {
  /** Where the host is: '' in the page (same origin), `http://127.0.0.1:<port>` elsewhere. */
  baseUrl: string;
  /** The per-launch secret, read for every request; '' when the page relies on the host's access cookie. */
  secret: () => string;
};

/** The secret header, or none when there is no secret (the browser sends the access cookie). */
function secretHeaders(secret: string): Record<string, string> {
  return secret === '' ? {} : { [HTTP_PROTOCOL.secretHeader]: secret };
}

/**
 * The whole body of an answer, read into one buffer of its Content-Length (the host always sends
 * one): a 40 MB export is held once, not as chunks plus their join. Where the body is a byte
 * stream (browsers, Node) the reads land in that buffer directly (a BYOB reader); otherwise each
 * chunk is copied in as it arrives.
 */
async function readBody(res: Response): Promise<Uint8Array> {
  const length = Number(res.headers.get('content-length') ?? Number.NaN);
  if (!res.body || !Number.isSafeInteger(length) || length <= 0) return new Uint8Array(await res.arrayBuffer());
  let byob: ReadableStreamBYOBReader | null = null;
  try {
    byob = res.body.getReader({ mode: 'byob' });
  } catch {
    // Not a byte stream: read chunk by chunk below.
  }
  const tooLong = `the answer is longer than the ${length} bytes it announced`;
  if (byob) {
    // Each read hands the buffer over and back (it is transferred), so keep the one it returns.
    let buffer = new ArrayBuffer(length);
    let at = 0;
    while (at < length) {
      const { value, done } = await byob.read(new Uint8Array(buffer, at, length - at));
      if (done || !value) break;
      buffer = value.buffer;
      at += value.byteLength;
    }
    if (at !== length) throw new Error(`the answer ended after ${at} of the ${length} bytes it announced`);
    if (!(await byob.read(new Uint8Array(1))).done) throw new Error(tooLong);
    return new Uint8Array(buffer);
  }
  const body = new Uint8Array(length);
  const reader = res.body.getReader();
  let at = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    if (at + value.byteLength > length) throw new Error(tooLong);
    body.set(value, at);
    at += value.byteLength;
  }
  if (at !== length) throw new Error(`the answer ended after ${at} of the ${length} bytes it announced`);
  return body;
}

export function createHttpBridge({ baseUrl, secret }: HttpBridgeOptions): Bridge {
  const listeners = new Map<string, Set<(payload: never) => void>>();
  let streaming = false;
  // Learnt from the answers to calls (HTTP_PROTOCOL.blobTokenHeader); the app makes its first
  // call (settings.get) before it shows anything, so blob URLs always have it.
  let blobToken = '';

  const deliver = (name: string, payload: unknown): void => {
    for (const l of listeners.get(name) ?? []) l(payload as never);
  };

  async function stream(): Promise<void> {
    // fetch, not EventSource: EventSource cannot send the secret header (a tab opened from the printed link sends it).
    let connectedBefore = false;
    for (;;) {
      try {
        const res = await fetch(baseUrl + HTTP_PROTOCOL.eventsPath, { headers: secretHeaders(secret()) });
        if (!res.ok || !res.body) throw new Error(`events: HTTP ${res.status}`);
        // Changes made while the stream was down (another tab saved, the host restarted) were never
        // announced here: after a gap, everything shown may be stale. No commit has number 0.
        if (connectedBefore) deliver('data.changed', { tables: [...RECORD_TABLES], ids: [], seq: 0 } satisfies Events['data.changed']);
        connectedBefore = true;
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const name = /^event: (.+)$/m.exec(frame)?.[1];
            const data = /^data: (.+)$/m.exec(frame)?.[1];
            if (name && data) deliver(name, JSON.parse(data));
          }
        }
      } catch {
        // the host went away (restart, sleep): retry shortly
      }
      await new Promise((r) => setTimeout(r, 2000));
    }
  }

  return {
    async call(method, args) {
      let parts: Uint8Array[];
      try {
        parts = encodeEnvelope({ method, args });
      } catch (error) {
        return failed('bad_request', msg('error.argsNotSendable', { call: method, detail: error instanceof Error ? error.message : String(error) }));
      }
      let res: Response;
      try {
        res = await fetch(baseUrl + HTTP_PROTOCOL.callPath, {
          method: 'POST',
          headers: { 'content-type': ENVELOPE_CONTENT_TYPE, ...secretHeaders(secret()) },
          // The parts go into the request as they are; our views never sit on a SharedArrayBuffer.
          body: new Blob(parts as Uint8Array<ArrayBuffer>[]),
        });
      } catch {
        return failed('unavailable', msg('error.hostUnreachable'));
      }
      if (res.status === 401) {
        return failed('unavailable', msg('error.noAccessKey'));
      }
      if (res.status !== 200) {
        return failed('unavailable', msg('error.hostRefused', { status: res.status, detail: (await res.text()).slice(0, 300) }));
      }
      blobToken = res.headers.get(HTTP_PROTOCOL.blobTokenHeader) ?? blobToken;
      try {
        return decodeEnvelope(await readBody(res)) as ApiResult<unknown>;
      } catch (error) {
        return failed('unavailable', msg('error.answerUnreadable', { call: method, detail: error instanceof Error ? error.message : String(error) }));
      }
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (payload: never) => void);
      if (!streaming) {
        streaming = true;
        void stream();
      }
      return () => set.delete(listener as (payload: never) => void);
    },
    blobUrl(sha256) {
      return `${baseUrl}${HTTP_PROTOCOL.blobPath}${encodeURIComponent(sha256)}?${HTTP_PROTOCOL.blobTokenParam}=${encodeURIComponent(blobToken)}`;
    },
    printReady() {
      // Nothing prints the page by itself in a browser: the user opens the print dialog.
    },
    onClosing() {
      // A tab closes without waiting for anyone: autosave's pagehide sends and keeps copies instead.
    },
  };
}
