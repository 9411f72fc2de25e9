import { msg, type ApiMessage } from './message';
import type { EventName, Events } from './contract';
import { failed, type ApiResult } from './result';

/**
 * The Electron transport: the renderer's preload talks to the backend utility process over a
 * MessagePort that main hands over once, after checking the sender. Structured clone carries every
 * value as it is, Uint8Array included. Calls and push events share the port.
 */

export type PortRequest = { type: 'call'; id: number; method: string; args: unknown };

export type PortEvent = { [E in EventName]: { type: 'event'; event: E; payload: Events[E] } }[EventName];
export type PortReply = { type: 'result'; id: number; result: ApiResult<unknown> } | PortEvent;

/** The renderer's end of the port, as the DOM's MessagePort provides it. */
export type ClientPort = {
  postMessage(message: PortRequest): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  start(): void;
  close(): void;
};

export type PortClient = {
  call(method: string, args: unknown): Promise<ApiResult<unknown>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  /** A (new) port to the backend. Calls still in flight on the previous one answer `unavailable`. */
  attach(port: ClientPort): void;
  /**
   * There is no port (main refused, or the backend stopped): calls waiting or in flight answer
   * `unavailable` with `reason`, and the next call asks for a port again.
   */
  detach(reason: ApiMessage): void;
};

type Waiting = { request: PortRequest; resolve: (result: ApiResult<unknown>) => void };

function isReply(data: unknown): data is PortReply {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as { type?: unknown; id?: unknown; event?: unknown };
  return (message.type === 'result' && typeof message.id === 'number') || (message.type === 'event' && typeof message.event === 'string');
}

/**
 * The preload's side of the port. `requestPort` asks main for a port; its answer arrives through
 * `attach` or `detach`. Calls made before then wait for it.
 */
export function createPortClient(requestPort: () => void): PortClient {
  let port: ClientPort | null = null;
  let requested = false;
  let nextId = 1;
  const inFlight = new Map<number, Waiting>();
  const queued: Waiting[] = [];
  const listeners = new Map<EventName, Set<(payload: never) => void>>();

  function answerAll(list: Iterable<Waiting>, reason: ApiMessage): void {
    for (const waiting of list) waiting.resolve(failed('unavailable', reason));
  }

  function send(waiting: Waiting, to: ClientPort): void {
    inFlight.set(waiting.request.id, waiting);
    to.postMessage(waiting.request);
  }

  function receive(data: unknown): void {
    if (!isReply(data)) return;
    if (data.type === 'result') {
      inFlight.get(data.id)?.resolve(data.result);
      inFlight.delete(data.id);
    } else {
      for (const listener of listeners.get(data.event) ?? []) listener(data.payload as never);
    }
  }

  return {
    call(method, args) {
      return new Promise((resolve) => {
        const waiting = { request: { type: 'call', id: nextId++, method, args } as const, resolve };
        if (port) return send(waiting, port);
        queued.push(waiting);
        if (!requested) {
          requested = true;
          requestPort();
        }
      });
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
    attach(next) {
      answerAll(inFlight.values(), msg('error.backendRestarted'));
      inFlight.clear();
      port?.close();
      port = next;
      requested = false;
      next.addEventListener('message', (event) => {
        // A reply on a port that was replaced meanwhile belongs to no call any more.
        if (port === next) receive(event.data);
      });
      next.start();
      for (const waiting of queued.splice(0)) send(waiting, next);
    },
    detach(reason) {
      answerAll([...inFlight.values(), ...queued.splice(0)], reason);
      inFlight.clear();
      port?.close();
      port = null;
      requested = false;
    },
  };
}
