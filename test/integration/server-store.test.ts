import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { formatTimestamp } from '../../core/sync/hlc';
import { syncMessageSchema, type SyncMessage } from '../../core/sync/protocol';
import { migrateServer } from '../../server/store/schema';
import { openSqlite } from '../../server/store/sqlite';
import type { Sql } from '../../server/store/sql';
import { bucketsOfSpace, EXCHANGE, headsOfSpaces, messagesFrom, PAGE_AFTER, pageAfter, storeAndPull, storeMessages, type Exchange, type SpacePage } from '../../server/store/store';
import { digestOf, spaceBucketsOf } from '../../core/sync/digest';
import { openPostgres } from '../../server/store/postgres';
import { freshPostgres, postgresAvailable } from '../helpers/server';
import { makeTempDir } from '../helpers/temp-dir';

/** The store under the API: what it hands out is the message as stored, and each space's head is kept right through an upgrade. */

const device = { deviceId: 'd1', lastSeenAt: null };
let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup();
  cleanups = [];
});
const pgReady = await postgresAvailable();

async function store(kind: 'sqlite' | 'postgres' = 'sqlite'): Promise<Sql> {
  let sql: Sql;
  if (kind === 'postgres') {
    const database = await freshPostgres();
    sql = openPostgres(database.url);
    cleanups.push(async () => {
      await sql.close();
      await database.drop();
    });
  } else {
    const temp = makeTempDir('fieldbench-store-');
    sql = openSqlite(temp.dir);
    cleanups.push(async () => {
      await sql.close();
      temp.cleanup();
    });
  }
  await migrateServer(sql);
  await sql.run("INSERT INTO users (id, name, display_name, role, password_hash, created_at) VALUES ('u1', 'ann', 'Ann', 'consultant', 'x', '2026-01-01')");
  await sql.run("INSERT INTO devices (id, user_id, name, token_hash, created_at) VALUES ('d1', 'u1', 'laptop', 'h', '2026-01-01')");
  return sql;
}

/** A page's messages, as a device reads them. */
const messagesOf = (page: SpacePage): unknown[] => JSON.parse(`[${page.json}]`) as unknown[];

const at = (ms: number, node = 'a1b2c3d4e5f60718') => formatTimestamp(Date.UTC(2026, 11, 4, 3) + ms, 0, node);

describe('server store', () => {
  it.each(['sqlite', 'postgres'] as const)('hands out each message exactly as it was sent, awkward text included (%s)', async (kind) => {
    if (kind === 'postgres' && !pgReady) return;
    const sql = await store(kind);
    const sent: SyncMessage[] = [
      { timestamp: at(1), space: 'user:u1', dataset: 'field_notes', row: 'n"1\\', values: { title: '引号 "quoted" \\ back\nslash \u2028 <script>', count: 3.5, gone: null } },
      { timestamp: at(2), space: 'user:u1', dataset: 'field_notes', row: 'n2', values: { title: '\u0000\u001f control' } },
    ];
    expect((await storeMessages(sql, sent, device)).map((k) => k.timestamp)).toEqual([at(1), at(2)]);
    const page = await pageAfter(sql, 'user:u1', 0, 10, 'd2');
    expect(page.read).toBe(2);
    expect(messagesOf(page).map((m) => syncMessageSchema.parse(m))).toEqual(sent);
    // What the asking device sent itself is left out, and the cursor still moves past it.
    const own = await pageAfter(sql, 'user:u1', 0, 10, device.deviceId);
    expect(own).toEqual({ json: '', read: 2, bytes: page.bytes, lastSeq: page.lastSeq });
    // A page of one, then what follows it; nothing after the last.
    const first = await pageAfter(sql, 'user:u1', 0, 1, null);
    expect(messagesOf(first)).toEqual([sent[0]]);
    expect(messagesOf(await pageAfter(sql, 'user:u1', first.lastSeq ?? 0, 1, null))).toEqual([sent[1]]);
    expect(await pageAfter(sql, 'user:u1', page.lastSeq ?? 0, 10, null)).toEqual({ json: '', read: 0, bytes: 0, lastSeq: null });
    const repaired = await messagesFrom(sql, 'user:u1', '2026-12-04T03', at(1), 10);
    expect(repaired.messages.map((m) => JSON.parse(m.json) as unknown)).toEqual([sent[1]]);
  });

  it('runs every statement on PostgreSQL without JIT compilation, which costs more than any of them', async () => {
    if (!pgReady) return;
    const sql = await store('postgres');
    // Several at once, so the pool opens several connections: each is set up alike.
    const settings = await Promise.all(Array.from({ length: 4 }, () => sql.transaction(async (tx) => (await tx.all<{ jit: string }>('SHOW jit'))[0]?.jit)));
    expect(settings).toEqual(['off', 'off', 'off', 'off']);
  });

  it.each(['sqlite', 'postgres'] as const)('counts each new message once in its bucket and its space digest, duplicates in one batch included (%s)', async (kind) => {
    if (kind === 'postgres' && !pgReady) return;
    const sql = await store(kind);
    const hour = 3_600_000;
    const message = (ms: number, space: string, row: string): SyncMessage => ({ timestamp: at(ms), space, dataset: 'field_notes', row, values: { title: row } });
    const first = [message(1, 'user:u1', 'a'), message(2, 'user:u1', 'b')];
    expect((await storeMessages(sql, first, device)).map((k) => k.timestamp)).toEqual([at(1), at(2)]);
    // Again one of them, one twice in the batch, one an hour later (another bucket), one in another space.
    const second = [message(2, 'user:u1', 'b'), message(3, 'user:u1', 'c'), message(3, 'user:u1', 'c'), message(hour + 5, 'user:u1', 'd'), message(4, 'review:u1', 'e')];
    expect(new Set((await storeMessages(sql, second, { deviceId: 'd1', lastSeenAt: '2026-01-01T00:00:00.000Z' })).map((k) => k.timestamp))).toEqual(new Set([at(3), at(hour + 5), at(4)]));
    const held = [first[0], first[1], second[1], second[3]].map((m) => m as SyncMessage);
    const expected = spaceBucketsOf(held).map(({ bucket, hash, count }) => ({ bucket, hash, count }));
    expect(await bucketsOfSpace(sql, 'user:u1')).toEqual(expected);
    const heads = await headsOfSpaces(sql, ['user:u1', 'review:u1']);
    const stored = await pageAfter(sql, 'user:u1', 0, 100, null);
    expect(stored.read).toBe(4);
    expect(heads.get('user:u1')).toEqual({ lastSeq: stored.lastSeq, digest: digestOf(expected) });
    expect(heads.get('review:u1')?.digest.count).toBe(1);
    // The device was heard from.
    const [seen] = await sql.all<{ last_seen_at: string | null }>("SELECT last_seen_at FROM devices WHERE id = 'd1'");
    expect(seen?.last_seen_at).not.toBeNull();
  });

  it.each(['sqlite', 'postgres'] as const)('hands out large messages a few at a time, by size as well as by count, and always at least one (%s)', async (kind) => {
    if (kind === 'postgres' && !pgReady) return;
    const sql = await store(kind);
    const sent = Array.from({ length: 10 }, (_, i): SyncMessage => ({ timestamp: at(i + 1), space: 'user:u1', dataset: 'field_notes', row: `n${i}`, values: { title: `${i} ${'长'.repeat(990)}` } }));
    await storeMessages(sql, sent, device);
    const size = Buffer.byteLength(JSON.stringify(sent[0]));
    // Three fit under 2.5 messages' worth: the third is the one that crosses it.
    const pages: unknown[][] = [];
    let cursor = 0;
    for (let ask = 0; ask < 10 && cursor < 10; ask++) {
      const page = await pageAfter(sql, 'user:u1', cursor, 100, null, Math.floor(size * 2.5));
      pages.push(messagesOf(page));
      cursor = page.lastSeq ?? cursor;
    }
    expect(pages.map((p) => p.length)).toEqual([3, 3, 3, 1]);
    expect(pages.flat()).toEqual(sent);
    // One larger than the size on its own still goes, alone.
    expect((await pageAfter(sql, 'user:u1', 0, 100, null, 1)).read).toBe(1);
    // The repair pull likewise, saying there is more.
    const repair = await messagesFrom(sql, 'user:u1', '2026-12-04T03', null, 100, Math.floor(size * 2.5));
    expect(repair.messages.map((m) => m.timestamp)).toEqual([at(1), at(2), at(3)]);
    expect(repair.more).toBe(true);
    const rest = await messagesFrom(sql, 'user:u1', '2026-12-04T03', at(9), 100, Math.floor(size * 2.5));
    expect(rest).toMatchObject({ messages: [{ timestamp: at(10) }], more: false });
    expect((await messagesFrom(sql, 'user:u1', '2026-12-04T03', null, 4)).more).toBe(true);
    expect((await messagesFrom(sql, 'user:u1', '2026-12-04T03', at(6), 4)).more).toBe(false);
  });

  it.each(['sqlite', 'postgres'] as const)("keeps each space's newest sequence number and each message's wire text, and works both out for a database from before they were kept (%s)", async (kind) => {
    if (kind === 'postgres' && !pgReady) return;
    const sql = await store(kind);
    const sent: SyncMessage[] = [
      { timestamp: at(1), space: 'user:u1', dataset: 'field_notes', row: 'n1', values: { title: 'a "quoted" 引号', body: null } },
      { timestamp: at(2), space: 'published', dataset: 'kb_articles', row: 'k1', values: { version: 1 } },
    ];
    await storeMessages(sql, [sent[0]!], device);
    await storeMessages(sql, [sent[1]!], device);
    // A message sent again is stored once and leaves the head where it was.
    await storeMessages(sql, [sent[0]!], device);
    const heads = await headsOfSpaces(sql, ['user:u1', 'published', 'review:u1']);
    expect(heads.get('user:u1')).toMatchObject({ lastSeq: 1, digest: { count: 1 } });
    expect(heads.get('published')).toMatchObject({ lastSeq: 2, digest: { count: 1 } });
    expect(heads.get('review:u1')).toEqual({ lastSeq: 0, digest: { hash: 0, count: 0 } });

    // The same database as server schema 3 left it: no last_seq, messages keep only their values,
    // and their sizes are not kept.
    await sql.run('DROP INDEX messages_space_seq_size');
    await sql.run('ALTER TABLE messages DROP COLUMN size');
    await sql.run('CREATE INDEX messages_space_seq ON messages (space, seq)');
    if (kind === 'postgres') {
      await sql.run('ALTER TABLE messages DROP CONSTRAINT messages_pkey');
      await sql.run('ALTER TABLE messages ADD CONSTRAINT messages_pkey PRIMARY KEY (seq)');
      await sql.run('ALTER TABLE messages ADD CONSTRAINT messages_space_timestamp_key UNIQUE (space, timestamp)');
    }
    await sql.run('ALTER TABLE space_digests DROP COLUMN last_seq');
    await sql.run('ALTER TABLE messages RENAME COLUMN wire TO vals');
    await sql.run(kind === 'postgres' ? "UPDATE messages SET vals = (vals::json -> 'values')::text" : "UPDATE messages SET vals = vals -> '$.values'");
    await sql.run('DELETE FROM schema_version WHERE version > 3');
    await migrateServer(sql);
    const upgraded = await headsOfSpaces(sql, ['user:u1', 'published']);
    expect(upgraded.get('user:u1')?.lastSeq).toBe(1);
    expect(upgraded.get('published')?.lastSeq).toBe(2);
    const pulled = [...messagesOf(await pageAfter(sql, 'user:u1', 0, 10, null)), ...messagesOf(await pageAfter(sql, 'published', 0, 10, null))];
    expect(pulled.map((m) => syncMessageSchema.parse(m))).toEqual(sent);
    // Each message's size was worked out from its text: a page of one byte holds exactly one.
    await storeMessages(sql, [{ ...sent[0]!, timestamp: at(3) }], { deviceId: 'd2', lastSeenAt: null });
    const small = await pageAfter(sql, 'user:u1', 0, 10, null, 1);
    expect(small).toMatchObject({ read: 1, lastSeq: 1, bytes: Buffer.byteLength(small.json) });
  });

  it.each(['sqlite', 'postgres'] as const)('stores and pulls in one exchange: pages fill across spaces in the order asked, and the digests include what was just stored (%s)', async (kind) => {
    if (kind === 'postgres' && !pgReady) return;
    const sql = await store(kind);
    await sql.run("INSERT INTO devices (id, user_id, name, token_hash, created_at) VALUES ('d2', 'u1', 'desktop', 'h2', '2026-01-01')");
    const note = (ms: number, space = 'user:u1'): SyncMessage => ({ timestamp: at(ms), space, dataset: space === 'published' ? 'kb_articles' : 'field_notes', row: `r${ms}`, values: { title: `t${ms}` } });
    // The other device's work: two notes of its own and three published articles.
    const elsewhere = [note(1), note(2), note(3, 'published'), note(4, 'published'), note(5, 'published')];
    await storeMessages(sql, elsewhere, { deviceId: 'd2', lastSeenAt: null });
    const asks = (cursors: Record<string, number>) => ['user:u1', 'review:u1', 'published'].map((space) => ({ space, cursor: cursors[space] ?? 0 }));
    const pulled = (exchange: Exchange) => exchange.pages.flatMap((json) => JSON.parse(`[${json}]`) as SyncMessage[]).map((m) => m.timestamp);
    const mine = [note(10), note(11)];
    // Room for three messages: the own space's two, then the first published one.
    const first = await storeAndPull(sql, mine, device, asks({}), 3, 1_000_000);
    expect(first.stored).toHaveLength(2);
    expect(pulled(first)).toEqual([at(1), at(2), at(3)]);
    expect(first.spaces['review:u1']).toEqual({ cursor: 0, more: false, digest: { hash: 0, count: 0 } });
    expect(first.spaces.published?.more).toBe(true);
    // Each digest is the space's as the device will hold it: its own two notes included.
    const heads = await headsOfSpaces(sql, ['user:u1', 'published']);
    expect(first.spaces['user:u1']?.digest).toEqual(heads.get('user:u1')?.digest);
    expect(first.spaces.published?.digest).toEqual(heads.get('published')?.digest);
    expect(first.spaces['user:u1']?.digest).toEqual(digestOf(spaceBucketsOf([...elsewhere.slice(0, 2), ...mine])));
    // The next exchange goes on from the cursors it gave: nothing twice, nothing of this device's
    // own, whose two notes it now reads past (they count as read, not sent).
    const cursors = Object.fromEntries(Object.entries(first.spaces).map(([space, state]) => [space, state.cursor]));
    const second = await storeAndPull(sql, [], device, asks(cursors), 4, 1_000_000);
    expect(second.stored).toEqual([]);
    expect(pulled(second)).toEqual([at(4), at(5)]);
    expect(Object.values(second.spaces).map((state) => state.more)).toEqual([false, false, false]);
    expect(second.spaces['user:u1']?.cursor).toBe(heads.get('user:u1')?.lastSeq);
    // A message sent again is not stored twice, and the size limit cuts a page after its first message.
    const again = await storeAndPull(sql, [mine[0]!], device, asks({}), 100, 1);
    expect(again.stored).toEqual([]);
    expect(pulled(again)).toEqual([at(1)]);
    expect(again.spaces['user:u1']?.more).toBe(true);
    expect(again.spaces.published).toMatchObject({ cursor: 0, more: true });
  });

  it.each(['sqlite', 'postgres'] as const)('commits what must go with a store (its audit) in the same transaction: if that fails, nothing is stored (%s)', async (kind) => {
    if (kind === 'postgres' && !pgReady) return;
    const sql = await store(kind);
    const published = (ms: number): SyncMessage => ({ timestamp: at(ms), space: 'published', dataset: 'kb_articles', row: `k${ms}`, values: { version: 1 } });
    const audited = async (tx: Sql, keys: readonly { timestamp: string }[]) => {
      await tx.run("INSERT INTO audit (at, user_id, device_id, action, detail) VALUES ('2026-12-07', NULL, NULL, 'publish', ?)", [JSON.stringify(keys.map((k) => k.timestamp))]);
    };
    const failing = async (tx: Sql, keys: readonly { timestamp: string }[]) => {
      await audited(tx, keys);
      throw new Error('the audit could not be written');
    };
    const asks = [{ space: 'published', cursor: 0 }];
    await expect(storeMessages(sql, [published(1)], device, failing)).rejects.toThrow('the audit could not be written');
    await expect(storeAndPull(sql, [published(2)], device, asks, 10, 1_000_000, failing)).rejects.toThrow('the audit could not be written');
    expect((await headsOfSpaces(sql, ['published'])).get('published')).toEqual({ lastSeq: 0, digest: { hash: 0, count: 0 } });
    expect(await sql.all('SELECT * FROM audit')).toEqual([]);
    // When it succeeds, it is handed what was new, and both are kept.
    expect(await storeMessages(sql, [published(1)], device, audited)).toHaveLength(1);
    const exchange = await storeAndPull(sql, [published(1), published(2)], device, asks, 10, 1_000_000, audited);
    expect(exchange.stored.map((k) => k.timestamp)).toEqual([at(2)]);
    expect((await sql.all<{ detail: string }>('SELECT detail FROM audit ORDER BY id')).map((r) => JSON.parse(r.detail) as unknown)).toEqual([[at(1)], [at(2)]]);
    expect(exchange.spaces.published?.digest.count).toBe(2);
  });

  it('answers an exchange on PostgreSQL in one statement exactly as SQLite does step by step: the same pages, cursors, digests and stored messages', async () => {
    if (!pgReady) return;
    const lite = await store('sqlite');
    const pg = await store('postgres');
    for (const sql of [lite, pg]) await sql.run("INSERT INTO devices (id, user_id, name, token_hash, created_at) VALUES ('d2', 'u1', 'desktop', 'h2', '2026-01-01')");
    // What matters of an answer: a page's order carries no meaning (a device applies it whole).
    const meaning = (exchange: Exchange) => ({
      stored: exchange.stored,
      spaces: exchange.spaces,
      pages: exchange.pages.map((json) => (JSON.parse(`[${json}]`) as SyncMessage[]).map((m) => m.timestamp).sort()),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ space: fc.nat(2), size: fc.integer({ min: 1, max: 3000 }), mine: fc.boolean() }), { maxLength: 30 }),
        fc.array(fc.record({ limit: fc.integer({ min: 1, max: 12 }), bytes: fc.constantFrom(1, 400, 3000, 1_000_000), send: fc.option(fc.nat(2)) }), { minLength: 1, maxLength: 12 }),
        fc.shuffledSubarray([0, 1, 2], { minLength: 1 }),
        async (held, exchanges, order) => {
          run++;
          const spaces = [`user:u1-${run}`, `review:u1-${run}`, `published-${run}`];
          let ms = run * 100_000;
          const message = (space: number, size: number): SyncMessage => ({ timestamp: at(++ms), space: spaces[space]!, dataset: 'field_notes', row: `r${ms}`, values: { title: 'x'.repeat(size) } });
          // One message a call, so both databases number them alike.
          for (const h of held) {
            const m = message(h.space, h.size);
            for (const sql of [lite, pg]) await storeMessages(sql, [m], h.mine ? device : { deviceId: 'd2', lastSeenAt: null });
          }
          const cursors = new Map<string, number>();
          for (const e of exchanges) {
            const asks = order.map((i) => ({ space: spaces[i]!, cursor: cursors.get(spaces[i]!) ?? 0 }));
            const sent = e.send === null ? [] : [message(e.send, 100)];
            const [a, b] = [await storeAndPull(lite, sent, device, asks, e.limit, e.bytes), await storeAndPull(pg, sent, device, asks, e.limit, e.bytes)];
            expect(meaning(b)).toEqual(meaning(a));
            for (const [space, state] of Object.entries(a.spaces)) cursors.set(space, state.cursor);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('commits transactions asked for together as one, rolling back a failing one alone; one alone that fails leaves nothing (sqlite)', async () => {
    const sql = await store('sqlite');
    const note = (tx: Sql, action: string) => tx.run("INSERT INTO audit (at, user_id, device_id, action, detail) VALUES ('2026-12-06', NULL, NULL, ?, '{}')", [action]);
    const actions = async () => (await sql.all<{ action: string }>('SELECT action FROM audit ORDER BY id')).map((r) => r.action);
    // Asked for in the same turn: they share one commit, and the failing one takes only its own write with it.
    const together = await Promise.allSettled([
      sql.transaction(async (tx) => note(tx, 'first')),
      sql.transaction(async (tx) => {
        await note(tx, 'broken');
        throw new Error('refused');
      }),
      sql.transaction(async (tx) => note(tx, 'third')),
    ]);
    expect(together.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await actions()).toEqual(['first', 'third']);
    // Alone in its commit: its caller hears why, nothing of it is kept, and the next one is stored.
    await expect(
      sql.transaction(async (tx) => {
        await note(tx, 'alone');
        throw new Error('refused alone');
      }),
    ).rejects.toThrow('refused alone');
    await sql.transaction(async (tx) => note(tx, 'after'));
    expect(await actions()).toEqual(['first', 'third', 'after']);
  });

  it.each(['sqlite', 'postgres'] as const)("reads a page through the index of its space's sequence numbers, however skewed the spaces are and however the statement is planned (%s)", async (kind) => {
    if (kind === 'postgres' && !pgReady) return;
    const sql = await store(kind);
    // A published knowledge base holds nearly every message; a user's space holds a few.
    const published = Array.from({ length: 2000 }, (_, i): SyncMessage => ({ timestamp: at(i), space: 'published', dataset: 'kb_articles', row: `k${i}`, values: { version: 1 } }));
    await storeMessages(sql, published, device);
    await storeMessages(sql, [{ timestamp: at(5000), space: 'user:u1', dataset: 'field_notes', row: 'n1', values: { title: 'mine' } }], device);
    // And many users, each with a space of their own.
    for (let u = 0; u < 2000; u += 500) await storeMessages(sql, Array.from({ length: 500 }, (_, i): SyncMessage => ({ timestamp: at(6000 + u + i), space: `user:x${u + i}`, dataset: 'field_notes', row: 'n', values: {} })), device);
    await sql.run('ANALYZE');
    const params = ['d2', 'user:u1', 0, 1_000_000, 'user:u1', 0, 1_000_000, 100, 1_000_000, 'user:u1', 0, 1_000_000, 100];
    if (kind === 'sqlite') {
      const plan = (await sql.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${PAGE_AFTER}`, params)).map((r) => r.detail);
      const reads = plan.filter((d) => /\b(SCAN|SEARCH) messages\b/.test(d));
      expect(reads).toHaveLength(3);
      for (const read of reads) expect(read).toMatch(/^SEARCH messages USING (COVERING )?INDEX messages_space_seq_size \(space=\? AND seq>\? AND seq<\?\)$/);
      return;
    }
    // PostgreSQL runs a prepared statement with a generic plan, which knows no space: the one
    // that walked the key on seq alone and filtered every other space's messages.
    await sql.transaction(async (tx) => {
      await tx.run('SET LOCAL plan_cache_mode = force_generic_plan');
      let n = 0;
      await tx.run(`PREPARE page_plan AS ${PAGE_AFTER.replace(/\?/g, () => `$${++n}`)}`);
      const [row] = await tx.all<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) EXECUTE page_plan(${params.map((p) => (typeof p === 'string' ? `'${p}'` : String(p))).join(', ')})`);
      const scans: string[] = [];
      const walk = (node: { 'Node Type'?: string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: unknown[] }): void => {
        if (node['Relation Name'] === 'messages') scans.push(`${node['Node Type']} ${node['Index Name'] ?? ''}`.trim());
        for (const child of node.Plans ?? []) walk(child as typeof node);
      };
      walk((row?.['QUERY PLAN'] as [{ Plan: Parameters<typeof walk>[0] }])[0].Plan);
      expect(scans).toHaveLength(3);
      for (const scan of scans) expect(scan).toMatch(/^Index (Only )?Scan messages_space_seq_size$/);
      // The whole exchange in one statement (storeAndPull): its reads of a space's messages, the
      // cut of the page and the page's texts, go through the same index.
      n = 0;
      await tx.run(`PREPARE exchange_plan AS ${EXCHANGE.replace(/\?/g, () => `$${++n}`)}`);
      const exchangeParams = ['[]', 'd2', '2026-12-07', '2026-12-07', 'd2', null, null, JSON.stringify([{ ord: 0, space: 'user:u1', cursor: 0 }]), 100, 100, 1_000_000, 'd2'];
      const [exchangeRow] = await tx.all<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) EXECUTE exchange_plan(${exchangeParams.map((p) => (p === null ? 'NULL' : typeof p === 'string' ? `'${p}'` : String(p))).join(', ')})`);
      scans.length = 0;
      walk((exchangeRow?.['QUERY PLAN'] as [{ Plan: Parameters<typeof walk>[0] }])[0].Plan);
      const reads = scans.filter((scan) => scan.includes('Scan'));
      expect(reads).toHaveLength(2);
      for (const read of reads) expect(read).toMatch(/^Index (Only )?Scan messages_space_seq_size$/);
      // A space's digest is looked up by its key, not found by scanning every space's.
      const digests: string[] = [];
      const walkDigests = (node: { 'Node Type'?: string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: unknown[] }): void => {
        if (node['Relation Name'] === 'space_digests' && node['Node Type']?.includes('Scan')) digests.push(`${node['Node Type']} ${node['Index Name'] ?? ''}`.trim());
        for (const child of node.Plans ?? []) walkDigests(child as typeof node);
      };
      walkDigests((exchangeRow?.['QUERY PLAN'] as [{ Plan: Parameters<typeof walkDigests>[0] }])[0].Plan);
      expect(digests).toEqual(['Index Scan space_digests_pkey']);
    });
  });
});
