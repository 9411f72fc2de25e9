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

/** The access key in the address's fragment (`#k=…`), if any; removed from the address bar once read. */
function takeSecretFromHash(): string | null {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const fromHash = params.get(HTTP_PROTOCOL.fragmentKey);
  if (!fromHash) return null;
  params.delete(HTTP_PROTOCOL.fragmentKey);
  const rest = params.toString();
  // The entry keeps its state: the router numbers its entries there (app/history-index.ts).
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search + (rest ? `#${rest}` : ''));
  return fromHash;
}

/**
 * Trades the key from the address for the host's access cookie (HttpOnly, SameSite=Strict): other
 * tabs, bookmarks and reloads of this browser then reach the API without the key in the address.
 * This tab keeps sending the key itself meanwhile, so nothing waits for the exchange.
 */
function exchangeForCookie(secret: string): void {
  void fetch(HTTP_PROTOCOL.sessionPath, { method: 'POST', headers: { [HTTP_PROTOCOL.secretHeader]: secret } }).catch(() => {
    // The host is away: this tab still has the key; another tab will ask for the link again.
  });
}

/** The key for this tab: one in the address wins over the stored one (a restarted host prints a new link); '' means the cookie. */
function browserSecret(): string {
  const fromHash = takeSecretFromHash();
  if (fromHash) {
    sessionStorage.setItem(SECRET_KEY, fromHash);
    exchangeForCookie(fromHash);
    return fromHash;
  }
  return sessionStorage.getItem(SECRET_KEY) ?? '';
}

/**
 * A new link opened in this tab while the app runs (the host restarted on the same port with a new
 * key) changes only the fragment: no page load, and the router would rewrite `#k=…` as an unknown
 * route. Registered when this module loads — before the router exists, so before its own listener
 * — it takes the new key and starts the app afresh with it.
 */
function watchForNewKey(): void {
  // Not in a page (unit tests import this module under Node), or in Electron (no key at all).
  if (typeof window === 'undefined' || window.bridge) return;
  const onNavigate = (): void => {
    const fromHash = takeSecretFromHash();
    if (!fromHash || fromHash === sessionStorage.getItem(SECRET_KEY)) return;
    sessionStorage.setItem(SECRET_KEY, fromHash);
    exchangeForCookie(fromHash);
    window.location.reload();
  };
  window.addEventListener('popstate', onNavigate);
  window.addEventListener('hashchange', onNavigate);
}
watchForNewKey();

let bridge: Bridge | null = null;
function transport(): Bridge {
  bridge ??= window.bridge ?? createHttpBridge({ baseUrl: '', secret: browserSecret });
  return bridge;
}

const closingTasks = new Set<() => Promise<void>>();
let closingHooked = false;

/**
 * Runs `task` when the window is about to close, and closing waits for it (Electron; a few
 * seconds at most). Returns the function that takes it back.
 */
export function whenWindowCloses(task: () => Promise<void>): () => void {
  if (!closingHooked) {
    closingHooked = true;
    transport().onClosing(async () => {
      await Promise.all([...closingTasks].map((t) => t()));
    });
  }
  closingTasks.add(task);
  return () => closingTasks.delete(task);
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
