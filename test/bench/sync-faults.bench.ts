/**
 * npm run bench:sync-faults [-- --server-kills 200 --device-kills 200 --db sqlite|postgres|both]
 *
 * Issue 11's kill -9 loops at a larger scale than the suite's (30 server kills and 25 device
 * kills in test/integration/sync-faults.test.ts), against the real server process on 127.0.0.1:
 *
 * 1. Server kills: a device writes 20 notes, starts a sync, and the server is SIGKILLed at a random
 *    moment of it (0–40 ms in), then started again — over and over.
 * 2. Device kills: the device's backend runs in a child process as a host runs it
 *    (test/helpers/sync-device.entry.ts), writing notes and syncing in a loop, and is SIGKILLed at a
 *    random moment; it prints each note the backend acknowledged.
 *
 * After each loop the device's database is checked (`PRAGMA integrity_check`), it syncs until a
 * run completes, and a second device of the same user pulls everything. Every acknowledged note
 * must be on both devices exactly once, and the server must hold each message once (and, on
 * SQLite, pass its own integrity check). Prints the counts; exits 1 when anything was lost,
 * arrived twice or is corrupt. Not part of npm test.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { killSyncingDevice } from '../helpers/sync-device';
import { postgresAvailable, startServer, TEST_PASSWORD, type DatabaseKind, type TestServer } from '../helpers/server';
import { benchOption } from './args';

const ROOT = path.resolve('.');
const PACK = path.join(ROOT, 'test', 'fixtures', 'packs', 'valid');
const SERVER_KILLS = Number(benchOption('server-kills', '200'));
const DEVICE_KILLS = Number(benchOption('device-kills', '200'));
const WHICH = benchOption('db', 'sqlite');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Device = { backend: Backend; dir: string };

async function openDevice(dir: string): Promise<Device> {
  const backend = await createBackend({ dataDir: dir, contentDir: PACK, host: 'web', appVersion: 'bench', log: () => {}, sync: { autoIntervalMs: 0 } });
  return { backend, dir };
}

async function enrolledDevice(server: TestServer, user: string): Promise<Device> {
  const d = await openDevice(fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-bench-faults-')));
  const r = await d.backend.call('sync.enrol', { serverUrl: server.url, username: user, password: TEST_PASSWORD, deviceName: `${user} bench` });
  if (!r.ok) throw new Error(`enrolling ${user}: ${r.error.key}`);
  return d;
}

function closeDevice(d: Device): void {
  d.backend.close();
  fs.rmSync(d.dir, { recursive: true, force: true });
}

function noteIds(d: Device): string[] {
  return (d.backend.db.prepare('SELECT id FROM field_notes WHERE deleted = 0').all() as { id: string }[]).map((r) => r.id);
}

/** Syncs until a run completes (the first after a kill may find the server still starting). */
async function syncUntilDone(d: Device): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const r = await d.backend.call('sync.now', {});
    if (r.ok && (r.value as { status: string }).status === 'done') return;
    await sleep(100);
  }
  throw new Error('sync did not complete in 50 tries');
}

type Outcome = { acknowledged: number; lost: number; twice: number; corrupt: number };

/** What a second device of the user receives, against what the first acknowledged. */
async function compare(server: TestServer, user: string, acknowledged: ReadonlySet<string>, first: Device): Promise<Outcome> {
  const corrupt = first.backend.db.pragma('integrity_check', { simple: true }) === 'ok' ? 0 : 1;
  await syncUntilDone(first);
  const local = noteIds(first);
  const tablet = await enrolledDevice(server, user);
  try {
    await syncUntilDone(tablet);
    const received = noteIds(tablet);
    const here = new Set(local);
    const there = new Set(received);
    const lost = [...acknowledged].filter((id) => !here.has(id) || !there.has(id)).length;
    const twice = received.length - there.size + (local.length - here.size);
    return { acknowledged: acknowledged.size, lost, twice, corrupt };
  } finally {
    closeDevice(tablet);
  }
}

/** Each message once on the server, and (SQLite) its database whole. */
async function serverCheck(server: TestServer): Promise<{ messages: number; twice: number; corrupt: number }> {
  await server.stop();
  try {
    if (server.databaseUrl !== null) {
      const client = new pg.Client({ connectionString: server.databaseUrl });
      await client.connect();
      const r = await client.query<{ n: string; d: string }>('SELECT count(*) AS n, count(DISTINCT (space, timestamp)) AS d FROM messages');
      await client.end();
      const row = r.rows[0];
      return { messages: Number(row?.n ?? 0), twice: Number(row?.n ?? 0) - Number(row?.d ?? 0), corrupt: 0 };
    }
    const db = new Database(path.join(server.dataDir, 'fieldbench-server.db'), { readonly: true });
    try {
      const counts = db.prepare('SELECT count(*) AS n, count(DISTINCT space || timestamp) AS d FROM messages').get() as { n: number; d: number };
      return { messages: counts.n, twice: counts.n - counts.d, corrupt: db.pragma('integrity_check', { simple: true }) === 'ok' ? 0 : 1 };
    } finally {
      db.close();
    }
  } finally {
    await server.restart();
  }
}

async function serverKills(server: TestServer): Promise<Outcome & { cut: number }> {
  server.addUser('kate', 'consultant');
  const laptop = await enrolledDevice(server, 'kate');
  const acknowledged = new Set<string>();
  let cut = 0;
  try {
    for (let round = 0; round < SERVER_KILLS; round++) {
      for (let i = 0; i < 20; i++) {
        const r = await laptop.backend.call('notes.create', { title: `Round ${round} note ${i}` });
        if (!r.ok) throw new Error(`writing a note: ${r.error.key}`);
        acknowledged.add((r.value as { id: string }).id);
      }
      const syncing = laptop.backend.call('sync.now', {});
      await sleep(crypto.randomInt(0, 40));
      await server.kill();
      const r = await syncing;
      if (!r.ok || (r.value as { status: string }).status !== 'done') cut++;
      await server.restart();
    }
    return { ...(await compare(server, 'kate', acknowledged, laptop)), cut };
  } finally {
    closeDevice(laptop);
  }
}

async function deviceKills(server: TestServer): Promise<Outcome & { syncs: number }> {
  server.addUser('ken', 'consultant');
  const first = await enrolledDevice(server, 'ken');
  const dir = first.dir;
  first.backend.close();
  const acknowledged = new Set<string>();
  let syncs = 0;
  for (let round = 0; round < DEVICE_KILLS; round++) {
    const killed = await killSyncingDevice(dir, PACK, 100 + crypto.randomInt(0, 700));
    for (const id of killed.acknowledged) acknowledged.add(id);
    syncs += killed.syncs;
  }
  const laptop = await openDevice(dir);
  try {
    return { ...(await compare(server, 'ken', acknowledged, laptop)), syncs };
  } finally {
    closeDevice(laptop);
  }
}

async function run(db: DatabaseKind): Promise<boolean> {
  console.log(`\n== ${db} ==`);
  const server = await startServer({ db });
  try {
    let started = performance.now();
    const s = await serverKills(server);
    const minutes = () => ((performance.now() - started) / 60_000).toFixed(1);
    console.log(
      `server SIGKILLed mid-sync ${SERVER_KILLS} times (${s.cut} of the ${SERVER_KILLS} syncs cut short): ${s.acknowledged} notes acknowledged, ${s.lost} lost, ${s.twice} twice on the devices, device database ${s.corrupt === 0 ? 'ok' : 'CORRUPT'} (${minutes()} min)`,
    );
    started = performance.now();
    const d = await deviceKills(server);
    console.log(
      `device backend SIGKILLed ${DEVICE_KILLS} times while writing and syncing (${d.syncs} syncs completed between kills): ${d.acknowledged} notes acknowledged, ${d.lost} lost, ${d.twice} twice, device database ${d.corrupt === 0 ? 'ok' : 'CORRUPT'} (${minutes()} min)`,
    );
    const held = await serverCheck(server);
    console.log(`server: ${held.messages} messages, ${held.twice} held twice${db === 'sqlite' ? `, database ${held.corrupt === 0 ? 'ok' : 'CORRUPT'}` : ''}`);
    return s.lost + s.twice + s.corrupt + d.lost + d.twice + d.corrupt + held.twice + held.corrupt === 0;
  } finally {
    await server.stop();
    await server.dispose();
  }
}

async function main(): Promise<void> {
  console.log(`bench:sync-faults — ${SERVER_KILLS} server kills, ${DEVICE_KILLS} device kills; node ${process.version}, ${os.cpus().length} cores`);
  let ok = true;
  if (WHICH === 'sqlite' || WHICH === 'both') ok = (await run('sqlite')) && ok;
  if (WHICH === 'postgres' || WHICH === 'both') {
    if (await postgresAvailable()) ok = (await run('postgres')) && ok;
    else console.log('\nPostgreSQL: no server on 127.0.0.1 (pg_ctlcluster 15 main start), skipped');
  }
  console.log(ok ? '\nnothing lost, nothing twice, nothing corrupt' : '\nFAILED: something was lost, arrived twice or is corrupt');
  process.exit(ok ? 0 : 1);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
