import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentJson, paragraph, textNode } from '../../core/richtext/build';
import { dropCaches } from '../../electron/backend/sync/state';
import { callFail, callOk, FIXTURE_PACK, startBackend, type TestBackend } from '../helpers/backend';
import { killSyncingDevice } from '../helpers/sync-device';
import { freshPostgres, postgresAvailable, startServer, TEST_PASSWORD, type TestServer } from '../helpers/server';

/**
 * Sync when things break: the server killed (SIGKILL) in the middle of syncs, the device's own
 * backend killed in the middle of syncs, a network that cuts answers mid-way and delays them,
 * and two server processes sharing one PostgreSQL. In every case nothing acknowledged is lost,
 * nothing arrives twice, and the databases stay whole.
 */

const pgReady = await postgresAvailable();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function device(server: { url: string }, user: string, dataDir?: string): Promise<TestBackend> {
  const t = await startBackend(dataDir === undefined ? {} : { dataDir });
  await callOk(t.backend, 'sync.enrol', { serverUrl: server.url, username: user, password: TEST_PASSWORD, deviceName: 'test' });
  return t;
}

async function noteIds(t: TestBackend): Promise<string[]> {
  return (t.backend.db.prepare('SELECT id FROM field_notes WHERE deleted = 0').all() as { id: string }[]).map((r) => r.id);
}

/** Syncs until a run completes (the network may fail some). */
async function syncUntilDone(t: TestBackend, tries = 50): Promise<void> {
  for (let i = 0; i < tries; i++) {
    const r = await t.backend.call('sync.now', {});
    if (r.ok && (r.value as { status: string }).status === 'done') return;
  }
  throw new Error('sync did not complete');
}

describe('sync under faults', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ db: 'sqlite' });
    for (const name of ['kate', 'ken', 'kai']) server.addUser(name, 'consultant');
  }, 60_000);
  afterAll(async () => {
    await server.dispose();
  });

  it('loses and repeats nothing when the server is killed mid-sync, 30 times over', async () => {
    const laptop = await device(server, 'kate');
    const acked: string[] = [];
    for (let round = 0; round < 30; round++) {
      for (let i = 0; i < 30; i++) acked.push((await callOk(laptop.backend, 'notes.create', { title: `Round ${round} note ${i}` })).id);
      const syncing = laptop.backend.call('sync.now', {});
      await sleep(crypto.randomInt(0, 25));
      await server.kill();
      await syncing;
      await server.restart();
    }
    await syncUntilDone(laptop);
    expect(new Set(await noteIds(laptop))).toEqual(new Set(acked));
    const tablet = await device(server, 'kate');
    await syncUntilDone(tablet);
    const received = await noteIds(tablet);
    expect(received.length).toBe(acked.length);
    expect(new Set(received)).toEqual(new Set(acked));
    await server.stop();
    const db = new Database(path.join(server.dataDir, 'fieldbench-server.db'), { readonly: true });
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    const counts = db.prepare("SELECT count(*) AS n, count(DISTINCT timestamp) AS d FROM messages WHERE dataset = 'field_notes'").get() as { n: number; d: number };
    expect(counts.n).toBe(counts.d);
    db.close();
    await server.restart();
  }, 240_000);

  it("loses nothing when the device's backend is killed mid-sync, 25 times over", async () => {
    const first = await device(server, 'ken');
    const dataDir = first.dataDir;
    first.backend.close();
    const acked = new Set<string>();
    let syncs = 0;
    for (let round = 0; round < 25; round++) {
      const killed = await killSyncingDevice(dataDir, FIXTURE_PACK, 200 + crypto.randomInt(0, 600));
      for (const id of killed.acknowledged) acked.add(id);
      syncs += killed.syncs;
    }
    expect(acked.size).toBeGreaterThan(0);
    expect(syncs).toBeGreaterThan(0);
    const laptop = await startBackend({ dataDir });
    expect(laptop.backend.db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    // Runs the kills cut short say so in the history; none shows as still running.
    expect((await callOk(laptop.backend, 'sync.history', { limit: 200 })).filter((r) => r.status === 'running')).toEqual([]);
    const local = new Set(await noteIds(laptop));
    for (const id of acked) expect(local.has(id)).toBe(true);
    await syncUntilDone(laptop);
    const tablet = await device(server, 'ken');
    await syncUntilDone(tablet);
    const received = await noteIds(tablet);
    expect(new Set(received)).toEqual(local);
    expect(received.length).toBe(local.size);
  }, 240_000);

  it('sends again what a server restored from an older backup lost, from the devices that hold it', async () => {
    server.addUser('rey', 'consultant');
    const laptop = await device(server, 'rey');
    const written: string[] = [];
    for (let i = 0; i < 20; i++) written.push((await callOk(laptop.backend, 'notes.create', { title: `Before the backup ${i}` })).id);
    await syncUntilDone(laptop);
    await server.stop();
    const file = path.join(server.dataDir, 'fieldbench-server.db');
    const backup = `${file}.backup`;
    fs.copyFileSync(file, backup);
    await server.restart();
    for (let i = 0; i < 20; i++) written.push((await callOk(laptop.backend, 'notes.create', { title: `After the backup ${i}` })).id);
    await syncUntilDone(laptop);
    // The server's disk is lost; the administrator restores last night's backup.
    await server.stop();
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
    fs.copyFileSync(backup, file);
    await server.restart();
    const repaired = await callOk(laptop.backend, 'sync.now', {});
    expect(repaired.sent).toBeGreaterThanOrEqual(20);
    expect((await callOk(laptop.backend, 'sync.status', {})).outbox).toBe(0);
    const tablet = await device(server, 'rey');
    await syncUntilDone(tablet);
    expect(new Set(await noteIds(tablet))).toEqual(new Set(written));
  }, 120_000);

  it('gets everything through a network that cuts answers mid-way and delays them', async () => {
    const proxy = await flakyProxy(server.port);
    try {
      const laptop = await device({ url: `http://127.0.0.1:${proxy.port}` }, 'kai');
      const acked: string[] = [];
      for (let i = 0; i < 300; i++) acked.push((await callOk(laptop.backend, 'notes.create', { title: `Through the proxy ${i}` })).id);
      proxy.cutting = true;
      await syncUntilDone(laptop, 200);
      proxy.cutting = false;
      expect(proxy.cuts).toBeGreaterThan(0);
      const tablet = await device({ url: `http://127.0.0.1:${proxy.port}` }, 'kai');
      proxy.cutting = true;
      await syncUntilDone(tablet, 200);
      expect(new Set(await noteIds(tablet))).toEqual(new Set(acked));
    } finally {
      await proxy.close();
    }
  }, 240_000);

  it('gets long notes through a link that drops long transfers: after a cut it asks for answers short in bytes, not only in messages', async () => {
    server.addUser('kit', 'consultant');
    const laptop = await device(server, 'kit');
    const line = 'Rack 14 trips its breaker when both chillers start together; the site manager logs it by hand. ';
    const acked: string[] = [];
    for (let i = 0; i < 40; i++) {
      const bodyJson = documentJson(Array.from({ length: 120 }, (_, k) => paragraph([textNode(`${i}.${k} ${line}`)])));
      acked.push((await callOk(laptop.backend, 'notes.create', { title: `Long visit ${i}`, bodyJson })).id);
    }
    await syncUntilDone(laptop);
    // A link that drops a connection after 200 KB of answers. A note is about 55 KB as sent: fifty
    // of them (the fewest a page asks for) made every answer longer than that before.
    const proxy = await flakyProxy(server.port, 200 * 1024);
    try {
      const tablet = await device({ url: `http://127.0.0.1:${proxy.port}` }, 'kit');
      proxy.cutting = true;
      await syncUntilDone(tablet, 300);
      expect(proxy.cuts).toBeGreaterThan(0);
      expect(new Set(await noteIds(tablet))).toEqual(new Set(acked));
    } finally {
      await proxy.close();
    }
  }, 240_000);

  it('gets large notes through a proxy that takes at most 1 MB a request, and says what to change when one change alone is larger', async () => {
    server.addUser('lee', 'consultant');
    const proxy = await sizeLimitProxy(server.port, 1024 * 1024);
    try {
      const laptop = await device({ url: `http://127.0.0.1:${proxy.port}` }, 'lee');
      // Six notes of about 0.3 MB of text each: more than 1 MB in all, each one less.
      const line = 'The cooling in hall B fails under afternoon load; the operator logs it by hand. ';
      const bodyOf = (i: number, paragraphs: number) => documentJson(Array.from({ length: paragraphs }, (_, k) => paragraph([textNode(`${i}.${k} ${line}`)])));
      const bodies = new Map<string, string>();
      for (let i = 0; i < 6; i++) {
        const bodyJson = bodyOf(i, 1200);
        bodies.set((await callOk(laptop.backend, 'notes.create', { title: `Hall survey ${i}`, bodyJson })).id, bodyJson);
      }
      const run = await callOk(laptop.backend, 'sync.now', {});
      expect(run).toMatchObject({ status: 'done', sent: 6 });
      expect(proxy.refused).toBeGreaterThan(0);
      const desktop = await device(server, 'lee');
      await callOk(desktop.backend, 'sync.now', {});
      for (const [id, bodyJson] of bodies) expect((await callOk(desktop.backend, 'notes.get', { id })).bodyJson).toBe(bodyJson);

      // One note larger than the proxy takes: said so, kept, and sent once the limit is raised.
      const large = await callOk(laptop.backend, 'notes.create', { title: 'Full survey', bodyJson: bodyOf(9, 6000) });
      const refused = await callFail(laptop.backend, 'sync.now', {});
      expect(refused).toMatchObject({ code: 'too_large', key: 'error.syncChangeTooLarge' });
      expect(refused.message).toMatch(/A change to one record \(Note, \d\.\d MB\).*client_max_body_size 40m/);
      expect((await callOk(laptop.backend, 'sync.status', {})).outbox).toBe(1);
      proxy.limit = 40 * 1024 * 1024;
      expect(await callOk(laptop.backend, 'sync.now', {})).toMatchObject({ status: 'done', sent: 1 });
      await callOk(desktop.backend, 'sync.now', {});
      expect((await callOk(desktop.backend, 'notes.get', { id: large.id })).title).toBe('Full survey');
    } finally {
      await proxy.close();
    }
  }, 120_000);
});

/**
 * An HTTP proxy on 127.0.0.1 that refuses a request body over `limit` bytes with 413 and an HTML
 * page, as nginx does (its client_max_body_size is 1 MB unless set), and passes the rest on.
 */
async function sizeLimitProxy(target: number, limit: number): Promise<{ port: number; limit: number; refused: number; close: () => Promise<void> }> {
  const state = { port: 0, limit, refused: 0, close: () => new Promise<void>((resolve) => proxy.close(() => resolve())) };
  const proxy = http.createServer((request, response) => {
    if (Number(request.headers['content-length'] ?? 0) > state.limit) {
      state.refused++;
      request.resume();
      response.writeHead(413, { 'content-type': 'text/html', connection: 'close' });
      response.end('<html><head><title>413 Request Entity Too Large</title></head><body><center><h1>413 Request Entity Too Large</h1></center><hr><center>nginx</center></body></html>');
      return;
    }
    const upstream = http.request({ host: '127.0.0.1', port: target, path: request.url, method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  proxy.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  state.port = (proxy.address() as net.AddressInfo).port;
  return state;
}

/**
 * A TCP proxy on 127.0.0.1 in front of the server. While `cutting`, it delays each piece of an
 * answer and cuts the connection in every third piece (the first one included), after a random
 * part of it went through; or, given `afterBytes`, once a connection carried that much of answers
 * (a link that cannot carry a long transfer).
 */
async function flakyProxy(target: number, afterBytes = Infinity): Promise<{ port: number; cutting: boolean; cuts: number; pieces: number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const state = {
    port: 0,
    cutting: false,
    cuts: 0,
    pieces: 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        proxy.close(() => resolve());
      }),
  };
  const proxy = net.createServer((client) => {
    sockets.add(client);
    const upstream = net.connect(target, '127.0.0.1');
    sockets.add(upstream);
    let budget = afterBytes;
    client.on('data', (d) => upstream.write(d));
    upstream.on('data', (d: Buffer) => {
      // Connections are kept alive across requests: each piece of an answer may be where this one is cut.
      if (state.cutting && budget === Infinity && ++state.pieces % 3 === 1) budget = crypto.randomInt(0, d.length + 1);
      if (!state.cutting) budget = Infinity;
      const send = () => {
        if (client.destroyed) return;
        if (d.length >= budget) {
          client.write(d.subarray(0, budget));
          state.cuts++;
          client.destroy();
          upstream.destroy();
          return;
        }
        budget -= d.length;
        client.write(d);
      };
      if (state.cutting) setTimeout(send, crypto.randomInt(0, 30));
      else send();
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', () => setTimeout(end, 50));
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  state.port = (proxy.address() as net.AddressInfo).port;
  return state;
}

describe.skipIf(!pgReady)('two server processes on one PostgreSQL', () => {
  it('clients that alternate between them converge', async () => {
    const store = await freshPostgres();
    const one = await startServer({ db: 'postgres', databaseUrl: store.url });
    const two = await startServer({ db: 'postgres', databaseUrl: store.url });
    try {
      one.addUser('lee', 'consultant');
      const devices = [await device(one, 'lee'), await device(two, 'lee'), await device(one, 'lee')];
      const servers = [one, two];
      const written = new Set<string>();
      for (let round = 0; round < 6; round++) {
        for (const [i, d] of devices.entries()) {
          for (let n = 0; n < 10; n++) written.add((await callOk(d.backend, 'notes.create', { title: `r${round} d${i} n${n}` })).id);
          // Each device talks to the other instance every other round.
          d.backend.db.prepare("UPDATE sync_state SET value = json_set(value, '$.serverUrl', ?) WHERE key = 'identity'").run(servers[(round + i) % 2]?.url ?? '');
          dropCaches(d.backend.db);
        }
        await Promise.all(devices.map((d) => callOk(d.backend, 'sync.now', {})));
      }
      for (const d of devices) await syncUntilDone(d);
      for (const d of devices) await syncUntilDone(d);
      for (const d of devices) expect(new Set(await noteIds(d))).toEqual(written);
    } finally {
      await one.dispose();
      await two.stop();
      await store.drop();
    }
  }, 120_000);
});
