import { msg } from '../../core/api/message';
import type { PortEvent, PortReply, PortRequest } from '../../core/api/port';
import { failed, type ApiResult } from '../../core/api/result';
import type { Emit } from './events';

/**
 * The backend's side of the renderers' MessagePorts (core/api/port.ts): each port's calls are
 * answered on that port, and push events go to every port. Electron main hands the ports over
 * after checking who asked; this side never sees main in between.
 */

/** The backend's end of a port, as Electron's MessagePortMain provides it (this file does not import 'electron'). */
export type BackendPort = {
  on(event: 'message', listener: (message: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  postMessage(message: PortReply): void;
  start(): void;
};

export type PortHub = {
  /** Starts answering the calls that arrive on `port` until its other end goes away. */
  serve(port: BackendPort): void;
  emit: Emit;
};

function isRequest(data: unknown): data is PortRequest {
  const message = data as Partial<PortRequest> | null;
  return typeof message === 'object' && message !== null && message.type === 'call' && typeof message.id === 'number';
}

export function createPortHub(call: (method: unknown, args: unknown) => Promise<ApiResult<unknown>>, log: (message: string) => void): PortHub {
  const ports = new Set<BackendPort>();

  function answer(port: BackendPort, request: PortRequest, result: ApiResult<unknown>): void {
    try {
      port.postMessage({ type: 'result', id: request.id, result });
    } catch (error) {
      // A result structured clone cannot carry is a bug; the caller still gets an answer.
      const detail = error instanceof Error ? error.message : String(error);
      log(`the result of ${String(request.method)} cannot be sent: ${detail}`);
      port.postMessage({ type: 'result', id: request.id, result: failed('internal', msg('error.resultNotSendable', { call: String(request.method).slice(0, 80), detail })) });
    }
  }

  return {
    serve(port) {
      ports.add(port);
      port.on('message', ({ data }) => {
        if (!isRequest(data)) {
          log('a message on a renderer port is not a call; ignored');
          return;
        }
        void call(data.method, data.args).then((result) => answer(port, data, result));
      });
      port.on('close', () => ports.delete(port));
      port.start();
    },
    emit(event, payload) {
      const message = { type: 'event', event, payload } as PortEvent;
      for (const port of ports) port.postMessage(message);
    },
  };
}
