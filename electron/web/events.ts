import type http from 'node:http';
import type { EventName, Events } from '../../core/api/contract';
import { SECURITY_HEADERS } from './responses';

/** Proxies and browsers drop idle streams; a comment line now and then keeps them open. */
const HEARTBEAT_MS = 25_000;

export type EventHub = {
  /** Takes over the response as a text/event-stream until the client goes away. */
  subscribe(req: http.IncomingMessage, res: http.ServerResponse): void;
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  close(): void;
};

/** Fans the backend's push events out to every connected page (server-sent events). */
export function createEventHub(): EventHub {
  const clients = new Set<http.ServerResponse>();
  const heartbeat = setInterval(() => {
    for (const client of clients) client.write(': heartbeat\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return {
    subscribe(req, res) {
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
    },
    emit(event, payload) {
      // JSON.stringify never emits a raw newline, so one data: line carries the whole payload.
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const client of clients) client.write(frame);
    },
    close() {
      clearInterval(heartbeat);
      for (const client of clients) client.end();
      clients.clear();
    },
  };
}
