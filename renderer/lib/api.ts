import type { CallArgs, CallName, CallResult, EventName, Events } from '../../core/api/contract';
import { msg } from '../../core/api/message';
import { failed, type ApiError, type ApiResult } from '../../core/api/result';
import { HTTP_PROTOCOL, type Bridge } from '../../core/api/bridge';

/**
 * The renderer's only door to the outside world. In Electron the preload provides `window.bridge`
 * (IPC); in the browser host the same contract goes over HTTP to 127.0.0.1 with the per-launch
 * secret the page was opened with.
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

function httpBridge(): Bridge {
  // Read per request: the page may receive the secret after the first call (a link opened later).
  const secret = (): string => browserSecret();
  const listeners = new Map<string, Set<(payload: never) => void>>();
  let streaming = false;

  async function stream(): Promise<void> {
    // fetch, not EventSource: EventSource cannot send the secret header.
    for (;;) {
      try {
        const res = await fetch(HTTP_PROTOCOL.eventsPath, { headers: { [HTTP_PROTOCOL.secretHeader]: secret() } });
        if (!res.ok || !res.body) throw new Error(`events: HTTP ${res.status}`);
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
            if (name && data) for (const l of listeners.get(name) ?? []) l(JSON.parse(data) as never);
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
      let res: Response;
      try {
        res = await fetch(HTTP_PROTOCOL.callPath, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [HTTP_PROTOCOL.secretHeader]: secret() },
          body: JSON.stringify({ method, args }),
        });
      } catch (error) {
        return failed('unavailable', msg('error.hostUnreachable', { detail: String(error) }));
      }
      if (res.status === 401) {
        return failed('unavailable', msg('error.noAccessKey'));
      }
      if (res.status !== 200) {
        return failed('unavailable', msg('error.hostRefused', { status: res.status, detail: (await res.text()).slice(0, 300) }));
      }
      return (await res.json()) as ApiResult<unknown>;
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
  };
}

let bridge: Bridge | null = null;
function transport(): Bridge {
  bridge ??= window.bridge ?? httpBridge();
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
