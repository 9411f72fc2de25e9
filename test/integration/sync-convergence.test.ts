import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { commit, insert, remove, update } from '../../electron/backend/db/changes';
import { openDatabase, type Db } from '../../electron/backend/db/connection';
import { migrate } from '../../electron/backend/db/migrate';
import { MIGRATIONS } from '../../electron/backend/db/migrations';
import { guardRecordTables } from '../../electron/backend/db/write-guard';
import { unsentCells } from '../../electron/backend/sync/log';
import { runSync, type Transport } from '../../electron/backend/sync/round';
import { newNodeId, saveIdentity, type SyncIdentity } from '../../electron/backend/sync/state';
import { createRelay, LostConnection, type Faults, type Relay } from '../helpers/sync-relay';

/**
 * Property: whatever the devices do and whatever the network does to their syncs (requests and
 * answers lost, answers repeated and shuffled, devices cut off for a while), and even when the
 * server goes back to an older backup and loses what came since, once every device
 * syncs cleanly all replicas are equal, and every cell holds the value of its last write by HLC
 * timestamp — no write that a device acknowledged is lost.
 */

const dbs: Db[] = [];
afterEach(() => dbs.splice(0).forEach((db) => db.close()));

async function device(userId: string): Promise<{ db: Db; identity: SyncIdentity }> {
  const db = openDatabase(':memory:');
  dbs.push(db);
  await migrate(db, MIGRATIONS, null);
  guardRecordTables(db);
  const identity: SyncIdentity = { serverUrl: 'http://127.0.0.1:1', userId, userName: userId, displayName: userId, role: 'consultant', deviceId: newNodeId(), node: newNodeId(), enrolledAt: new Date().toISOString() };
  saveIdentity(db, identity);
  return { db, identity };
}

type Op =
  | { kind: 'edit'; device: number; row: number; column: 'name' | 'industry' | 'region'; value: string }
  | { kind: 'delete'; device: number; row: number }
  | { kind: 'sync'; device: number; faults: Faults; page: number }
  | { kind: 'backup' }
  | { kind: 'restore' };

const opArb = (devices: number): fc.Arbitrary<Op> =>
  fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('edit' as const), device: fc.nat(devices - 1), row: fc.nat(3), column: fc.constantFrom('name' as const, 'industry' as const, 'region' as const), value: fc.string({ maxLength: 6 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), device: fc.nat(devices - 1), row: fc.nat(3) }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'backup' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'restore' as const }) },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('sync' as const),
        device: fc.nat(devices - 1),
        faults: fc.record({ loseRequest: fc.boolean(), loseAnswer: fc.boolean(), duplicate: fc.boolean(), reverse: fc.boolean(), skipOne: fc.boolean() }, { requiredKeys: [] }),
        // Small pages: a device's outbox goes in several batches, sent ahead two at a time (round.ts).
        page: fc.integer({ min: 1, max: 4 }),
      }),
    },
  );

function apply(db: Db, op: Extract<Op, { kind: 'edit' | 'delete' }>): void {
  const id = `c${op.row}`;
  const exists = db.prepare('SELECT 1 FROM customers WHERE id = ?').get(id) !== undefined;
  if (op.kind === 'delete') {
    if (exists) commit(db, [remove('customers', { id })]);
    return;
  }
  if (!exists) commit(db, [insert('customers', { id, name: '', kind: 'enterprise', industry: '', region: '', notes: '', [op.column]: op.value })]);
  else commit(db, [update('customers', { id }, { [op.column]: op.value, deleted: 0 })]);
}

async function sync(relay: Relay, d: { db: Db; identity: SyncIdentity }, faults: Faults = {}, page?: number): Promise<void> {
  try {
    await runSync(d.db, d.identity, relay.transport(d.identity.deviceId, faults), 4, unsentCells(d.db), page === undefined ? {} : { page });
  } catch (error) {
    if (!(error instanceof LostConnection)) throw error;
  }
}

/** Messages this device counts as held by the server (or has not sent) that the relay lacks. */
/** One user's two devices and their relay: the first wrote `count` customers and synced them; the second has not synced yet. */
async function writerAndReader(count: number): Promise<{ relay: Relay; writer: { db: Db; identity: SyncIdentity }; reader: { db: Db; identity: SyncIdentity } }> {
  const relay = createRelay();
  const writer = await device('u1');
  for (let row = 0; row < count; row++) commit(writer.db, [insert('customers', { id: `p${row}`, name: `Customer ${row}`, kind: 'enterprise', industry: '', region: '', notes: '' })]);
  await sync(relay, writer);
  return { relay, writer, reader: await device('u1') };
}

function unheld(relay: Relay, db: Db): string[] {
  const logged = db.prepare('SELECT timestamp FROM sync_log WHERE state IN (0, 1)').all() as { timestamp: string }[];
  return logged.map((m) => m.timestamp).filter((t) => !relay.stored.has(t));
}

function customers(db: Db): unknown[] {
  return db.prepare('SELECT id, name, kind, industry, region, notes, deleted FROM customers ORDER BY id').all();
}

/** Per cell, the value of the write with the highest timestamp in any device's log. */
function lastWrites(all: Db[]): Map<string, unknown> {
  const best = new Map<string, { ts: string; value: unknown }>();
  for (const db of all) {
    for (const m of db.prepare("SELECT timestamp, row, vals FROM sync_log WHERE dataset = 'customers'").all() as { timestamp: string; row: string; vals: string }[]) {
      for (const [column, value] of Object.entries(JSON.parse(m.vals) as Record<string, unknown>)) {
        const key = `${m.row}.${column}`;
        const seen = best.get(key);
        if (!seen || m.timestamp > seen.ts) best.set(key, { ts: m.timestamp, value });
      }
    }
  }
  return new Map([...best].map(([k, v]) => [k, v.value]));
}

describe('sync convergence (property)', () => {
  it('all replicas end equal and keep every last write, whatever the network did', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 5 }).chain((n) => fc.tuple(fc.constant(n), fc.array(opArb(n), { minLength: 1, maxLength: 40 }))),
        async ([n, ops]) => {
          const relay = createRelay();
          const devices = await Promise.all(Array.from({ length: n }, () => device('u1')));
          for (const op of ops) {
            if (op.kind === 'backup') relay.backup();
            else if (op.kind === 'restore') relay.restore();
            else {
              const d = devices[op.device];
              if (!d) continue;
              if (op.kind === 'sync') {
                await sync(relay, d, op.faults, op.page);
                // A clean sync leaves nothing unsent, and the relay holds every message this device counts as held.
                if (Object.keys(op.faults).every((f) => !op.faults[f as keyof Faults])) expect(unheld(relay, d.db)).toEqual([]);
              } else apply(d.db, op);
            }
          }
          // The network heals: everyone syncs twice (the second pass brings what others pushed in the first).
          for (let pass = 0; pass < 2; pass++) for (const d of devices) await sync(relay, d);
          const first = customers(devices[0]?.db as Db);
          for (const d of devices) expect(customers(d.db)).toEqual(first);
          const expected = lastWrites(devices.map((d) => d.db));
          for (const row of first as Record<string, unknown>[]) {
            for (const column of ['name', 'industry', 'region', 'deleted']) {
              const key = `${String(row.id)}.${column}`;
              if (expected.has(key)) expect(row[column]).toEqual(expected.get(key));
            }
          }
          for (const d of devices) expect(d.db.prepare('SELECT count(*) AS n FROM sync_log WHERE state = 0').get()).toEqual({ n: 0 });
          for (const d of devices) expect(d.db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('gives a device restored from an older copy of its database back what it sent since', async () => {
    // The server leaves out of a pull what the asking device sent itself; a device that lost some
    // of its own messages (its database put back from a backup) gets them through the digest check.
    const relay = createRelay();
    const d = await device('u1');
    apply(d.db, { kind: 'edit', device: 0, row: 0, column: 'name', value: 'Before the backup' });
    await sync(relay, d);
    const image = d.db.serialize();
    apply(d.db, { kind: 'edit', device: 0, row: 1, column: 'name', value: 'After the backup' });
    apply(d.db, { kind: 'edit', device: 0, row: 0, column: 'region', value: 'North' });
    await sync(relay, d);
    const restored = new Database(image);
    dbs.push(restored);
    guardRecordTables(restored);
    await sync(relay, { db: restored, identity: d.identity });
    expect(customers(restored)).toEqual(customers(d.db));
    expect(unheld(relay, restored)).toEqual([]);
  });

  it('asks for the next page while it applies one, and an early answer that never comes loses nothing', async () => {
    const { relay, writer, reader } = await writerAndReader(12);
    const transport = relay.transport(reader.identity.deviceId);
    let asked = 0;
    const askedWhenApplied: number[] = [];
    const cut: Transport = {
      ...transport,
      sync: async (request) => {
        asked++;
        // The third ask is the early one sent while the second page is applied: the link drops.
        if (asked === 3) throw new LostConnection('cut while a page was applied');
        return transport.sync(request);
      },
    };
    await expect(runSync(reader.db, reader.identity, cut, 4, unsentCells(reader.db), { page: 3, onRound: () => askedWhenApplied.push(asked) })).rejects.toThrow(LostConnection);
    // Each page was applied with the next one already asked for.
    expect(askedWhenApplied).toEqual([2, 3]);
    expect(customers(reader.db)).toHaveLength(6);
    await sync(relay, reader);
    expect(customers(reader.db)).toEqual(customers(writer.db));
    expect(reader.db.prepare("SELECT count(*) AS n FROM sync_log WHERE dataset = 'customers'").get()).toEqual({ n: 12 });
  });

  it('sends a row changed many times offline as its last values, leaves alone what a running sync is sending, and sends a change made meanwhile with the next sync', async () => {
    const relay = createRelay();
    const d = await device('u1');
    const other = await device('u1');
    for (let i = 1; i <= 30; i++) apply(d.db, { kind: 'edit', device: 0, row: 0, column: 'name', value: `Draft ${i}` });
    apply(d.db, { kind: 'edit', device: 0, row: 0, column: 'region', value: 'North' });
    // The insert (its other columns are still current), the last name, the region: 29 drafts never leave.
    const outbox = () => d.db.prepare("SELECT vals FROM sync_log WHERE state = 0 AND dataset = 'customers' ORDER BY timestamp").all() as { vals: string }[];
    expect(outbox()).toHaveLength(3);
    expect(outbox().some((m) => m.vals.includes('Draft 29'))).toBe(false);

    // A sync has read the outbox and waits for the answer when the name changes again: the message
    // on its way stays (the server will hold it), so the digests agree with no repair.
    const transport = relay.transport(d.identity.deviceId);
    let reached!: () => void;
    const waiting = new Promise<void>((resolve) => (reached = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: Transport = {
      ...transport,
      sync: async (request) => {
        reached();
        await gate;
        return transport.sync(request);
      },
    };
    const running = runSync(d.db, d.identity, slow, 4, unsentCells(d.db));
    await waiting;
    apply(d.db, { kind: 'edit', device: 0, row: 0, column: 'name', value: 'Final' });
    release();
    const outcome = await running;
    expect(outcome.repaired).toEqual([]);
    // The change made while it ran waits for the next sync (a sync sends what waited when it began).
    expect(unheld(relay, d.db)).toHaveLength(1);
    expect([...relay.stored.values()].filter((m) => m.row === 'c0')).toHaveLength(3);
    expect((await runSync(d.db, d.identity, transport, 4, unsentCells(d.db))).repaired).toEqual([]);
    expect(unheld(relay, d.db)).toEqual([]);
    expect([...relay.stored.values()].filter((m) => m.row === 'c0')).toHaveLength(4);

    await sync(relay, other);
    expect(customers(other.db)).toEqual(customers(d.db));
    expect(customers(other.db)).toMatchObject([{ id: 'c0', name: 'Final', region: 'North' }]);
  });

  it('tells from its first answer how many messages the sync takes in all', async () => {
    const { relay, reader } = await writerAndReader(10);
    const told: { received: number; toReceive: number | null }[] = [];
    await runSync(reader.db, reader.identity, relay.transport(reader.identity.deviceId), 4, unsentCells(reader.db), { page: 3, onRound: (p) => told.push({ received: p.received, toReceive: p.toReceive }) });
    expect(told).toEqual([3, 6, 9, 10].map((received) => ({ received, toReceive: 10 })));
    // Up to date: nothing more to take.
    told.length = 0;
    await runSync(reader.db, reader.identity, relay.transport(reader.identity.deviceId), 4, unsentCells(reader.db), { page: 3, onRound: (p) => told.push({ received: p.received, toReceive: p.toReceive }) });
    expect(told).toEqual([{ received: 0, toReceive: 0 }]);
  });
});
