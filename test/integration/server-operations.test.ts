import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { formatTimestamp } from '../../core/sync/hlc';
import { PROTOCOL_VERSION } from '../../core/sync/protocol';
import { ownSpace } from '../../core/sync/spaces';
import { api, enrolDevice, freshPostgres, postgresAvailable, runServerUntilExit, startServer, TEST_PG_URL, type TestServer } from '../helpers/server';

/**
 * Running the server: its first start, and its database going away for a while — PostgreSQL
 * restarting or failing over, a network between them that drops, SQLite locked by another process
 * past its busy timeout. Requests are answered 503 with a time to retry (never 500, nothing half
 * stored), readiness says so, and the server carries on by itself once the database is back.
 */

const pgReady = await postgresAvailable();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Answer = { status: number; code: string; retryAfter: string | null };

async function syncOnce(server: TestServer, token: string, userId: string, row: string): Promise<Answer> {
  const space = ownSpace(userId);
  const body = {
    protocol: PROTOCOL_VERSION,
    schema: 4,
    clientTime: new Date().toISOString(),
    messages: [{ timestamp: formatTimestamp(Date.now(), 0, 'aaaaaaaaaaaaaaaa'), space, dataset: 'field_notes', row, values: { title: `Note ${row}` } }],
    spaces: { [space]: { cursor: 0 } },
    limit: 100,
  };
  const r = await api<{ error?: { code: string } }>(server.url, '/api/v1/sync', { token, body });
  return { status: r.status, code: r.body.error?.code ?? '', retryAfter: r.headers.get('retry-after') };
}

/**
 * A TCP line to PostgreSQL on 127.0.0.1 that can be cut (every connection dropped, new ones
 * refused) and mended. It runs in a worker thread: the test helpers block this thread while the
 * admin command runs (spawnSync), and the line must carry the server's queries meanwhile.
 */
const LINE_SOURCE = `
const net = require('node:net');
const { parentPort, workerData } = require('node:worker_threads');
const sockets = new Set();
let open = true;
const server = net.createServer((client) => {
  if (!open) return client.destroy();
  const upstream = net.connect(workerData.port, workerData.host);
  sockets.add(client).add(upstream);
  client.pipe(upstream).pipe(client);
  const end = () => { client.destroy(); upstream.destroy(); sockets.delete(client); sockets.delete(upstream); };
  client.on('error', end).on('close', end);
  upstream.on('error', end).on('close', end);
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (m) => {
  if (m === 'cut') { open = false; for (const s of sockets) s.destroy(); }
  if (m === 'mend') open = true;
  parentPort.postMessage({ done: m });
});
`;

async function databaseLine(target: URL): Promise<{ port: number; cut: () => Promise<void>; mend: () => Promise<void>; close: () => Promise<void> }> {
  const worker = new Worker(LINE_SOURCE, { eval: true, workerData: { port: Number(target.port || 5432), host: target.hostname } });
  const next = (): Promise<{ port?: number }> => new Promise((resolve) => worker.once('message', resolve));
  const { port } = await next();
  const tell = async (m: 'cut' | 'mend'): Promise<void> => {
    const answered = next();
    worker.postMessage(m);
    await answered;
  };
  return { port: port ?? 0, cut: () => tell('cut'), mend: () => tell('mend'), close: async () => void (await worker.terminate()) };
}

describe('the server when its database is unavailable', () => {
  it.skipIf(!pgReady)('PostgreSQL out of reach: 503 with a time to retry, not ready, and back by itself', async () => {
    const db = await freshPostgres();
    cleanups.push(db.drop);
    const target = new URL(TEST_PG_URL);
    const line = await databaseLine(target);
    cleanups.push(line.close);
    const url = new URL(db.url);
    url.port = String(line.port);
    url.hostname = '127.0.0.1';
    const server = await startServer({ db: 'postgres', databaseUrl: url.toString() });
    cleanups.push(server.dispose);
    server.addUser('ann', 'consultant');
    const { token, userId } = await enrolDevice(server.url, 'ann');
    expect(await syncOnce(server, token, userId, 'n1')).toMatchObject({ status: 200 });

    await line.cut();
    for (const row of ['n2', 'n3']) expect(await syncOnce(server, token, userId, row)).toEqual({ status: 503, code: 'unavailable', retryAfter: '30' });
    expect((await api(server.url, '/ready')).status).toBe(503);
    expect((await api(server.url, '/health')).status).toBe(200);

    await line.mend();
    expect(await syncOnce(server, token, userId, 'n4')).toMatchObject({ status: 200 });
    expect((await api(server.url, '/ready')).status).toBe(200);

    // Cut while requests are in the middle of their transactions: each is stored whole or not at
    // all, and answered so; no connection left broken in the pool fails a later request.
    const racing = Array.from({ length: 30 }, (_, i) => syncOnce(server, token, userId, `r${i}`));
    await new Promise((resolve) => setTimeout(resolve, 15));
    await line.cut();
    const answers = await Promise.all(racing);
    expect(answers.filter((a) => a.status !== 200 && a.status !== 503)).toEqual([]);
    await line.mend();
    for (let i = 0; i < 12; i++) expect(await syncOnce(server, token, userId, `after${i}`)).toMatchObject({ status: 200 });
    const acknowledged = answers.flatMap((a, i) => (a.status === 200 ? [`r${i}`] : []));
    // What was refused while the line was cut was not stored (the device sends it again): another
    // device of the same user pulls exactly what was answered 200.
    const other = await enrolDevice(server.url, 'ann');
    const pulled = await api<{ messages: { row: string }[] }>(server.url, '/api/v1/sync', {
      token: other.token,
      body: { protocol: PROTOCOL_VERSION, schema: 4, clientTime: new Date().toISOString(), messages: [], spaces: { [ownSpace(userId)]: { cursor: 0 } }, limit: 1000 },
    });
    const rows = pulled.body.messages.map((m) => m.row);
    expect(rows.filter((r) => /^n/.test(r)).sort()).toEqual(['n1', 'n4']);
    // Every racing sync answered 200 was stored; what was answered 503 may or may not have been
    // (the commit can land as the line drops): the device sends it again and the server keeps it once.
    for (const row of acknowledged) expect(rows).toContain(row);
    expect(new Set(rows).size).toBe(rows.length);
  }, 60_000);

  it.skipIf(!pgReady)('a server started before its database waits for it, and one that cannot reach it says why and exits', async () => {
    const db = await freshPostgres();
    cleanups.push(db.drop);
    const line = await databaseLine(new URL(TEST_PG_URL));
    cleanups.push(line.close);
    const url = new URL(db.url);
    url.port = String(line.port);
    await line.cut();
    const starting = startServer({ db: 'postgres', databaseUrl: url.toString() });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await line.mend();
    const server = await starting;
    cleanups.push(server.dispose);
    expect((await api(server.url, '/ready')).status).toBe(200);

    // Nothing listens on the line's port once it is closed: the server gives up after its wait.
    await line.close();
    const gaveUp = await runServerUntilExit({ DATABASE_URL: url.toString(), FIELDBENCH_DATABASE_WAIT: '1' });
    expect(gaveUp.code).toBe(2);
    expect(gaveUp.stdout).toContain('"msg":"waiting for the database"');
    expect(gaveUp.stdout).not.toContain('fieldbench@');
    expect(gaveUp.stderr.trim()).toMatch(
      new RegExp(`^fieldbench server: cannot reach the database \\(PostgreSQL at 127\\.0\\.0\\.1:${line.port}${url.pathname}\\) after trying for 1 s: connect ECONNREFUSED 127\\.0\\.0\\.1:${line.port}\\. Check DATABASE_URL and that the database is running\\.$`),
    );
  }, 60_000);

  it.skipIf(!pgReady)('a wrong password or a database that does not exist is named at once, without waiting', async () => {
    const wrong = new URL(TEST_PG_URL);
    wrong.password = 'not-the-password';
    const refused = await runServerUntilExit({ DATABASE_URL: wrong.toString(), FIELDBENCH_DATABASE_WAIT: '60' });
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim()).toMatch(/^fieldbench server: the database refused the connection \(PostgreSQL at 127\.0\.0\.1:\d+\/\w+\): 28P01: password authentication failed for user "\w+"\. Check DATABASE_URL\.$/);
    expect(refused.stderr + refused.stdout).not.toContain('not-the-password');
    const missing = new URL(TEST_PG_URL);
    missing.pathname = '/fieldbench_no_such_database';
    expect((await runServerUntilExit({ DATABASE_URL: missing.toString() })).stderr).toContain('3D000: database "fieldbench_no_such_database" does not exist. Check DATABASE_URL.');
  }, 60_000);

  it('SQLite locked by another process past its busy timeout: 503, and fine once the lock is gone', async () => {
    const server = await startServer({ db: 'sqlite' });
    cleanups.push(server.dispose);
    server.addUser('ann', 'consultant');
    const { token, userId } = await enrolDevice(server.url, 'ann');
    expect(await syncOnce(server, token, userId, 'n1')).toMatchObject({ status: 200 });

    // Another process holds the write lock (a careless maintenance script).
    const other = new Database(path.join(server.dataDir, 'fieldbench-server.db'));
    other.exec('BEGIN IMMEDIATE');
    try {
      expect(await syncOnce(server, token, userId, 'n2')).toEqual({ status: 503, code: 'unavailable', retryAfter: '30' });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(await syncOnce(server, token, userId, 'n3')).toMatchObject({ status: 200 });
  }, 60_000);
});

describe('the server on its first start', () => {
  it('a first start says how to create an account, as a log line, with no deprecation warnings', async () => {
    // Nothing stops it: it is stopped (SIGTERM) after three seconds.
    const first = await runServerUntilExit({ DATABASE_URL: '' }, 3000);
    const lines = first.stdout.trim().split('\n').map((l) => JSON.parse(l) as { level: number; msg: string });
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['fieldbench server listening', expect.stringMatching(/^no accounts yet: create one with npm run server:admin -- user add/)]));
    expect(first.stderr).not.toMatch(/Deprecation|Warning/);
  }, 30_000);

  it('behind a trusted reverse proxy, limits failed sign-ins per client address and audits that address; otherwise ignores the header', async () => {
    // A new user name each time: only the limit per address counts (five per user name would come first).
    let attempt = 0;
    const wrongPassword = (url: string, from: string) =>
      api(url, '/api/v1/enrol', { body: { username: `nobody${attempt++}`, password: 'wrong', deviceName: 'x' }, headers: { 'x-forwarded-for': from } });
    // Behind the proxy on 127.0.0.1: twenty failures from one client do not lock out another.
    const proxied = await startServer({ db: 'sqlite', env: { TRUST_PROXY: '127.0.0.1' } });
    cleanups.push(proxied.dispose);
    for (let i = 0; i < 20; i++) expect((await wrongPassword(proxied.url, '203.0.113.7')).status).toBe(401);
    expect((await wrongPassword(proxied.url, '203.0.113.7')).status).toBe(429);
    expect((await wrongPassword(proxied.url, '198.51.100.20')).status).toBe(401);
    expect(proxied.admin(['audit', '--limit', '5']).stdout).toContain('198.51.100.20');
    // Without TRUST_PROXY the header is anyone's to send: it changes nothing.
    const direct = await startServer({ db: 'sqlite' });
    cleanups.push(direct.dispose);
    for (let i = 0; i < 20; i++) await wrongPassword(direct.url, `203.0.113.${i}`);
    expect((await wrongPassword(direct.url, '198.51.100.20')).status).toBe(429);
    // A setting that is not an address is named at start.
    const wrong = await runServerUntilExit({ DATABASE_URL: '', TRUST_PROXY: '127.0.0.1, proxy.local' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr.trim()).toBe('fieldbench server: TRUST_PROXY: "proxy.local" is not an IP address or CIDR range (for example 127.0.0.1 or 10.0.0.0/8)');
  }, 60_000);

  it('a port already in use is named, with what to do, instead of a stack trace', async () => {
    const server = await startServer({ db: 'sqlite' });
    cleanups.push(server.dispose);
    const second = await runServerUntilExit({ DATABASE_URL: '', PORT: String(server.port) });
    expect(second.code).toBe(2);
    expect(second.stderr.trim()).toBe(`fieldbench server: 127.0.0.1:${server.port} is already in use (is a server already running there?); set PORT to another port`);
    // The server that holds the port carries on.
    expect((await api(server.url, '/health', { method: 'GET' })).status).toBe(200);
  }, 30_000);
});
