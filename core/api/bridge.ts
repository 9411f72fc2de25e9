import type { ApiResult } from './result';
import type { EventName, Events } from './contract';

/**
 * What the Electron preload exposes as `window.bridge` (checked there with `satisfies`), and what
 * the browser host's HTTP transport implements too: one untyped-at-runtime call and one event
 * subscription. The renderer wraps it with the contract's types in renderer/lib/api.ts.
 */
export type Bridge = {
  call(method: string, args: unknown): Promise<ApiResult<unknown>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
};

/** The browser host's wire protocol (see electron/web). */
export const HTTP_PROTOCOL = {
  /** POST {"method", "args"} -> ApiResult JSON (HTTP 200 whenever the call was dispatched). */
  callPath: '/api/call',
  /** GET -> text/event-stream of "event: <name>\ndata: <json>\n\n". */
  eventsPath: '/api/events',
  /** Every /api request carries the per-launch secret in this header. */
  secretHeader: 'x-fieldbench-secret',
  /** The page receives the secret in its URL fragment (#k=...), which is never sent to a server. */
  fragmentKey: 'k',
  /** Largest request body the host accepts: an attachment of 25 MB travels as ~34 MB of base64. */
  maxBodyBytes: 36_000_000,
} as const;
