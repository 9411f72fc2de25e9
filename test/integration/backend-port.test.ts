import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createPortClient } from '../../core/api/port';
import { formatApiMessage, msg } from '../../core/api/message';
import { failed, ok, type ApiResult } from '../../core/api/result';
import { launchBackend, type LaunchedBackend } from '../../electron/backend/launch';
import { FIXTURE_PACK } from '../helpers/backend';
import { backendEnd, clientEnd, portWiring, type PortWiring } from '../helpers/ports';
import { makeTempDir } from '../helpers/temp-dir';
import { newerDataFolder } from '../helpers/newer-data';
import { pngHeaded } from '../helpers/png';

/**
 * Electron's transport without Electron: the real backend (launchBackend, as the utility process
 * runs it) behind the real port hub, called through the preload's port client over a
 * structured-clone MessageChannel. Calls and events share the port; bytes cross as Uint8Array.
 */

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function launch(dataDir?: string): LaunchedBackend {
  let dir = dataDir;
  if (dir === undefined) {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    dir = temp.dir;
  }
  const launched = launchBackend({ dataDir: dir, contentDir: FIXTURE_PACK, host: 'electron', appVersion: '0.0.0-test', log: () => {} });
  cleanups.push(() => launched.close());
  return launched;
}

function wire(call: (method: unknown, args: unknown) => Promise<ApiResult<unknown>>): PortWiring {
  const wiring = portWiring(call);
  cleanups.push(() => wiring.close());
  return wiring;
}

/** A promise and the function that settles it. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the Electron transport (MessagePort) under Node', () => {
  it('answers calls from the real backend, with bytes crossing as Uint8Array both ways', async () => {
    const backend = launch();
    const client = wire((method, args) => backend.call(method, args)).connect();
    expect(await client.call('app.info', {})).toMatchObject({ ok: true, value: { host: 'electron' } });
    expect(await client.call('kb.search', { query: 7 })).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(/query/) } });

    const png = new Uint8Array(pngHeaded(new Uint8Array(Array.from({ length: 5000 }, (_, i) => i % 251))));
    const note = (await client.call('notes.create', { title: 'Rack B' })) as { value: { id: string } };
    const added = await client.call('attachments.add', { ownerTable: 'field_notes', ownerId: note.value.id, name: 'rack.png', mime: 'image/png', data: png });
    expect(added).toMatchObject({ ok: true, value: { size: png.length, isImage: true } });
    const sha256 = (added as { value: { sha256: string } }).value.sha256;
    const read = await client.call('attachments.read', { sha256 });
    const data = (read as { value: { data: Uint8Array } }).value.data;
    expect(data).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(data).equals(Buffer.from(png))).toBe(true);
    // The same file for the blob URL (app://blob/<sha256> in main asks for it over the worker protocol).
    expect(await backend.readBlob(sha256)).toMatchObject({ mime: 'image/png', name: 'rack.png', data: expect.any(Uint8Array) });
    expect(await backend.readBlob('a'.repeat(64))).toBeNull();
    expect(await backend.readBlob('../../etc/passwd')).toBeNull();
  });

  it('pushes events to every connected page on the same port as the calls', async () => {
    const wiring = wire(() => Promise.resolve(ok(null)));
    const pages = [wiring.connect(), wiring.connect()];
    const received = pages.map((page) => {
      const seen = deferred<unknown>();
      page.on('content.imported', (payload) => seen.resolve(payload));
      return seen.promise;
    });
    wiring.hub.emit('content.imported', { packVersion: 3, added: 1, updated: 2, problems: 0 });
    expect(await Promise.all(received)).toEqual([
      { packVersion: 3, added: 1, updated: 2, problems: 0 },
      { packVersion: 3, added: 1, updated: 2, problems: 0 },
    ]);
  });

  it('answers a result structured clone cannot carry with an internal error instead of never', async () => {
    const logged: string[] = [];
    const wiring = portWiring(() => Promise.resolve(ok({ callback: () => 1 })), (m) => logged.push(m));
    cleanups.push(() => wiring.close());
    expect(await wiring.connect().call('app.info', {})).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('cannot be sent') } });
    expect(logged).toEqual([expect.stringContaining('app.info cannot be sent')]);
  });
});

describe('the preload’s port client', () => {
  it('asks for a port once, and sends the calls made meanwhile when it arrives', async () => {
    let asked = 0;
    const client = createPortClient(() => asked++);
    const first = client.call('app.info', {});
    const second = client.call('settings.get', {});
    expect(asked).toBe(1);
    const { port1, port2 } = new MessageChannel();
    cleanups.push(() => (port1.close(), port2.close()));
    const wiring = wire((method) => Promise.resolve(ok(method)));
    wiring.hub.serve(backendEnd(port1));
    client.attach(clientEnd(port2));
    expect(await Promise.all([first, second])).toEqual([ok('app.info'), ok('settings.get')]);
  });

  it('answers calls waiting or in flight with the reason when the port goes away, then asks again', async () => {
    let asked = 0;
    const client = createPortClient(() => asked++);
    const waiting = client.call('app.info', {});
    client.detach(msg('error.untrustedSender'));
    expect(await waiting).toEqual(failed('unavailable', msg('error.untrustedSender')));

    const slow = deferred<ApiResult<unknown>>();
    const wiring = wire(() => slow.promise);
    const page = wiring.connect();
    const inFlight = page.call('reports.assessmentDocx', { sessionId: 's', lang: 'en' });
    await new Promise((r) => setTimeout(r, 20));
    page.detach(msg('error.backendStopped'));
    expect(await inFlight).toEqual(failed('unavailable', msg('error.backendStopped')));
    // A late answer on the old port belongs to no call any more.
    slow.resolve(ok('late'));

    expect(asked).toBe(1);
    void client.call('app.info', {});
    expect(asked).toBe(2);
  });

  it('on a new port, fails what was in flight on the old one', async () => {
    const never = deferred<ApiResult<unknown>>();
    const wiring = wire((method) => (method === 'hang' ? never.promise : Promise.resolve(ok(method))));
    const page = wiring.connect();
    const hanging = page.call('hang', {});
    await new Promise((r) => setTimeout(r, 20));
    const { port1, port2 } = new MessageChannel();
    cleanups.push(() => (port1.close(), port2.close()));
    wiring.hub.serve(backendEnd(port1));
    page.attach(clientEnd(port2));
    expect(await hanging).toEqual(failed('unavailable', msg('error.backendRestarted')));
    expect(await page.call('app.info', {})).toEqual(ok('app.info'));
  });
});

describe('after a failed start-up', () => {
  it('answers every call on the port at once with unavailable and the reason, those made during start-up too', async () => {
    const dataDir = await newerDataFolder();
    const backend = launch(dataDir);
    let startedYet = false;
    void backend.started.then(() => (startedYet = true));
    // Made while start-up still runs: it waits for the outcome, then gets the reason.
    const early = backend.call('settings.get', {});
    expect(startedYet).toBe(false);
    const client = wire((method, args) => backend.call(method, args)).connect();
    const throughPort = client.call('app.info', {});
    expect(await backend.started).toMatch(/newer version of Fieldbench/);
    const late = await client.call('kb.search', { query: 'x' });
    for (const result of [await early, await throughPort, late]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'unavailable', key: 'error.cannotOpenData', message: expect.stringMatching(/^Fieldbench could not open its data: This data file was written by a newer version of Fieldbench/) } });
      if (!result.ok) expect(formatApiMessage(result.error, 'zh')).toMatch(/^Fieldbench 无法打开数据：此数据文件由更新版本的 Fieldbench 写入/);
    }
    expect(await backend.readBlob('a'.repeat(64))).toBeNull();
  });
});
