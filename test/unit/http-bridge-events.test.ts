import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpBridge } from '../../renderer/lib/http-bridge';
import { RECORD_TABLES } from '../../core/api/tables';
import type { Events } from '../../core/api/events';

/** An event stream that sends `frames` and then ends, as a dropped connection does. */
function streamResponse(frames: string[]): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const frame of frames) controller.enqueue(new TextEncoder().encode(frame));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the browser host’s event stream', () => {
  it('passes events on, and after a reconnection says that anything may have changed meanwhile', async () => {
    vi.useFakeTimers();
    const change: Events['data.changed'] = { tables: ['risk_items'], ids: ['r1'], seq: 7 };
    const responses = [streamResponse([`event: data.changed\ndata: ${JSON.stringify(change)}\n\n`]), streamResponse([': connected\n\n'])];
    const fetchStub = vi.fn(() => {
      const next = responses.shift();
      return next ? Promise.resolve(next) : new Promise<Response>(() => undefined);
    });
    vi.stubGlobal('fetch', fetchStub);
    const bridge = createHttpBridge({ baseUrl: 'http://127.0.0.1:1', secret: () => '' });
    const heard: Events['data.changed'][] = [];
    bridge.on('data.changed', (payload) => heard.push(payload));

    await vi.advanceTimersByTimeAsync(0);
    // The first connection: its events only, no invented change.
    expect(heard).toEqual([change]);
    // It drops; two seconds later the stream is back, and every record table is announced once.
    await vi.advanceTimersByTimeAsync(2000);
    expect(fetchStub).toHaveBeenCalledTimes(2);
    expect(heard).toHaveLength(2);
    expect(heard[1]).toEqual({ tables: [...RECORD_TABLES], ids: [], seq: 0 });
  });
});
