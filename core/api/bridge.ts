import type { ApiResult } from './result';
import type { EventName, Events } from './contract';

/**
 * What the Electron preload exposes as `window.bridge` (checked there with `satisfies`), and what
 * the browser host's HTTP transport implements too. The renderer wraps it with the contract's
 * types in renderer/lib/api.ts.
 */
export type Bridge = {
  /** One call into the contract (untyped at run time: the backend validates it). */
  call(method: string, args: unknown): Promise<ApiResult<unknown>>;
  /** Subscribes to a push event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  /**
   * The read-only URL of a stored attachment, for a plain <img src> (`app://blob/<sha256>` in
   * Electron, `/api/blob/<sha256>?t=<token>` in the browser host).
   */
  blobUrl(sha256: string): string;
  /**
   * A print page (assessment report, proposal) says it is complete: data shown, every image loaded
   * or failed. Electron's main process waits for this before printing to PDF; in the browser host
   * the user prints, so nothing listens.
   */
  printReady(): void;
  /**
   * What to run when the window is about to close. Electron's main process waits for it (a few
   * seconds at most) before it closes the window; a browser tab has no such moment (the page's
   * pagehide does what it can), so the browser host ignores it.
   */
  onClosing(flush: () => Promise<void>): void;
};

/** The browser host's wire protocol (see electron/web). */
export const HTTP_PROTOCOL = {
  /** POST an envelope {method, args} (core/api/http-envelope.ts) -> the ApiResult as an envelope (HTTP 200 whenever the call was dispatched). */
  callPath: '/api/call',
  /** GET -> text/event-stream of "event: <name>\ndata: <json>\n\n". */
  eventsPath: '/api/events',
  /** GET <blobPath><sha256>?<blobTokenParam>=<token> -> a stored attachment's bytes, read-only. */
  blobPath: '/api/blob/',
  /** The query parameter that carries the blob token: an <img> cannot send the secret header. */
  blobTokenParam: 't',
  /** Every call's answer carries the per-launch blob token in this header. */
  blobTokenHeader: 'x-fieldbench-blob-token',
  /** Every other /api request carries the per-launch secret in this header, or the access cookie. */
  secretHeader: 'x-fieldbench-secret',
  /**
   * POST with the secret header -> 204 and the access cookie (HttpOnly, SameSite=Strict), so other
   * tabs, bookmarks and reloads of the same browser reach the API without the key in the address.
   */
  sessionPath: '/api/session',
  /** The access cookie's name for a host on `port`: browsers do not keep cookies apart by port. */
  cookieName: (port: number): string => `fieldbench-access-${port}`,
  /** The page receives the secret in its URL fragment (#k=...), which is never sent to a server. */
  fragmentKey: 'k',
  /**
   * Largest request body the host accepts: a proposal save (up to 30 MB of section JSON, with its
   * escaping) or an attachment (25 MB of raw bytes plus its arguments).
   */
  maxBodyBytes: 36_000_000,
} as const;
