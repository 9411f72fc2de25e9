import type { CallArgs, CallName, CallResult, EventName, Events } from '../../core/api/contract';
import type { ApiError, ApiResult } from '../../core/api/result';
import { HTTP_PROTOCOL, type Bridge } from '../../core/api/bridge';
import { createHttpBridge } from './http-bridge';

/**
 * The renderer's only door to the outside world. In Electron the preload provides `window.bridge`
 * (a MessagePort to the backend); in the browser host the same contract goes over HTTP to
 * 127.0.0.1 with the per-launch secret the page was opened with (http-bridge.ts).
 */

declare global {
  interface Window {
    bridge?: Bridge;
  }
}

export class ApiCallError extends Error {
  readonly code: ApiError['code'];
  readonly issues: ApiError['issues'];
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.issues = error.issues;
  }
}

const SECRET_KEY = 'fieldbench.secret';

/** Reads the secret from the URL fragment once, keeps it for this tab, and removes it from the address bar. */
function browserSecret(): string {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const fromHash = params.get(HTTP_PROTOCOL.fragmentKey);
  if (fromHash) {
    sessionStorage.setItem(SECRET_KEY, fromHash);
    params.delete(HTTP_PROTOCOL.fragmentKey);
    const rest = params.toString();
    window.history.replaceState(null, '', window.location.pathname + window.location.search + (rest ? `#${rest}` : ''));
    return fromHash;
  }
  return sessionStorage.getItem(SECRET_KEY) ?? '';
}

let bridge: Bridge | null = null;
function transport(): Bridge {
  bridge ??= window.bridge ?? createHttpBridge({ baseUrl: '', secret: browserSecret });
  return bridge;
}

/** Calls the backend; resolves with the result union, never throws for API errors. */
export async function callSafe<N extends CallName>(method: N, args: CallArgs<N>): Promise<ApiResult<CallResult<N>>> {
  return (await transport().call(method, args)) as ApiResult<CallResult<N>>;
}

/** Calls the backend; throws ApiCallError when the call fails. */
export async function call<N extends CallName>(method: N, args: CallArgs<N>): Promise<CallResult<N>> {
  const result = await callSafe(method, args);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}

/** Subscribes to a push event; returns the unsubscribe function. */
export function onEvent<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
  return transport().on(event, listener);
}

/** The read-only URL of a stored attachment, for a plain <img src> (see lib/attachments.ts). */
export function blobUrl(sha256: string): string {
  return transport().blobUrl(sha256);
}

/** Tells the host that a print page is complete (see lib/print-ready.ts). */
export function printReady(): void {
  transport().printReady();
}
