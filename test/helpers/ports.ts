import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { createPortClient, type ClientPort, type PortClient } from '../../core/api/port';
import type { ApiResult } from '../../core/api/result';
import { createPortHub, type BackendPort } from '../../electron/backend/port-hub';

/**
 * Electron's transport under Node: the preload's port client (core/api/port.ts) and the utility
 * process's port hub (electron/backend/port-hub.ts) on the two ends of a worker_threads
 * MessageChannel, which structured-clones messages as Electron's MessagePorts do.
 */

/** The utility-process end, shaped as Electron's MessagePortMain ({ data } events, 'close'). */
export function backendEnd(port: MessagePort): BackendPort {
  return {
    on(event: 'message' | 'close', listener: ((message: { data: unknown }) => void) | (() => void)) {
      if (event === 'message') port.on('message', (data: unknown) => (listener as (message: { data: unknown }) => void)({ data }));
      else port.on('close', listener as () => void);
    },
    postMessage: (message) => port.postMessage(message),
    start: () => port.start(),
  };
}

/** The renderer end, shaped as the DOM's MessagePort. */
export function clientEnd(port: MessagePort): ClientPort {
  return {
    postMessage: (message) => port.postMessage(message),
    addEventListener: (_type, listener) => port.on('message', (data: unknown) => listener({ data })),
    start: () => port.start(),
    close: () => port.close(),
  };
}

export type PortWiring = {
  hub: ReturnType<typeof createPortHub>;
  /** A page's client with a fresh channel to the hub already attached (as main hands it over). */
  connect(): PortClient;
  /** Closes every channel made (open ports keep Node's event loop alive). */
  close(): void;
};

/** A hub answering with `call`, and clients connected to it, as worker.ts and the preload wire them. */
export function portWiring(call: (method: unknown, args: unknown) => Promise<ApiResult<unknown>>, log: (message: string) => void = () => {}): PortWiring {
  const hub = createPortHub(call, log);
  const open: MessagePort[] = [];
  return {
    hub,
    connect() {
      const { port1, port2 } = new MessageChannel();
      open.push(port1, port2);
      hub.serve(backendEnd(port1));
      const client = createPortClient(() => {
        throw new Error('this client was handed its port up front and never asks for one');
      });
      client.attach(clientEnd(port2));
      return client;
    },
    close() {
      for (const port of open.splice(0)) port.close();
    },
  };
}
