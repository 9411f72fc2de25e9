import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketsOf, digestOf } from '../../core/sync/digest';
import { formatTimestamp } from '../../core/sync/hlc';
import { BLOB_CHUNK_BYTES, MAX_SYNC_BODY_BYTES, PROTOCOL_VERSION, type SyncMessage, type SyncResponse } from '../../core/sync/protocol';
import { makeTempDir } from '../helpers/temp-dir';
import { mountTmpfs, TMPFS_UNAVAILABLE } from '../helpers/tmpfs';
import { api, enrolDevice, postgresAvailable, postOversized, startServer, TEST_PASSWORD, type DatabaseKind, type TestServer } from '../helpers/server';

/** The central repository's API against a real server process, on SQLite and on PostgreSQL alike. */

const NODE = 'a1b2c3d4e5f60718';
let clock = Date.now();
const ts = (node = NODE): string => formatTimestamp(++clock, 0, node);

function message(space: string, dataset: string, row: string, values: SyncMessage['values'], timestamp = ts()): SyncMessage {
  return { timestamp, space, dataset, row, values };
}

function syncBody(messages: SyncMessage[], spaces: Record<string, number> = {}, extra: Record<string, unknown> = {}) {
  return {
    protocol: PROTOCOL_VERSION,
    schema: 4,
    clientTime: new Date().toISOString(),
    messages,
    spaces: Object.fromEntries(Object.entries(spaces).map(([s, cursor]) => [s, { cursor }])),
    ...extra,
  };
}

const pgReady = await postgresAvailable();

describe.each(['sqlite', 'postgres'] as DatabaseKind[])('server on %s', (db) => {
  const skip = db === 'postgres' && !pgReady;
  let server: TestServer;
  let ann: { token: string; userId: string; deviceId: string };
  let bob: { token: string; userId: string; deviceId: string };
  let kim: { token: string; userId: string; deviceId: string };

  beforeAll(async () => {
    if (skip) return;
    server = await startServer({ db });
    server.addUser('ann', 'consultant');
    server.addUser('bob', 'consultant');
    server.addUser('kim', 'knowledge_manager');
    server.addUser('dora', 'consultant');
    ann = await enrolDevice(server.url, 'ann');
    bob = await enrolDevice(server.url, 'bob');
    kim = await enrolDevice(server.url, 'kim');
  }, 120_000);
  afterAll(async () => {
    if (!skip) await server.dispose();
  });

  /** Runs SQL on the server's own database, as a fault or an earlier version would have left it. */
  const onServerDatabase = async (statements: string): Promise<void> => {
    if (db === 'sqlite') {
      const file = new Database(path.join(server.dataDir, 'fieldbench-server.db'));
      file.exec(statements);
      file.close();
      return;
    }
    const client = new pg.Client({ connectionString: server.databaseUrl ?? '' });
    await client.connect();
    await client.query(statements);
    await client.end();
  };

  it.skipIf(skip)('answers health and readiness, and every API endpoint wants a device token', async () => {
    expect((await api(server.url, '/health')).status).toBe(200);
    expect((await api(server.url, '/ready')).status).toBe(200);
    const sha = 'a'.repeat(64);
    const endpoints: [string, string, unknown?][] = [
      ['GET', '/api/v1/me'],
      ['POST', '/api/v1/sync', syncBody([])],
      ['GET', '/api/v1/spaces/published/buckets'],
      ['GET', '/api/v1/spaces/published/messages?from=2026-01-01T00'],
      ['POST', `/api/v1/blobs/${sha}`, { size: 1 }],
      ['GET', `/api/v1/blobs/${sha}`],
      ['POST', '/api/v1/authors', { messages: [{ space: 'published', timestamp: ts() }] }],
    ];
    for (const [method, path, body] of endpoints) {
      const none = await api(server.url, path, { method, ...(body === undefined ? {} : { body }) });
      expect(none.status, `${method} ${path}`).toBe(401);
      const bad = await api(server.url, path, { method, token: 'x'.repeat(43), ...(body === undefined ? {} : { body }) });
      expect(bad.status, `${method} ${path}`).toBe(401);
    }
    const put = await api(server.url, `/api/v1/blobs/${sha}?offset=0`, { method: 'PUT', raw: Buffer.from('x'), contentType: 'application/octet-stream' });
    expect(put.status).toBe(401);
  });

  it.skipIf(skip)('refuses a wrong password like an unknown user, limits attempts, and refuses disabled users and revoked devices', async () => {
    const wrong = await api<{ error: { message: string } }>(server.url, '/api/v1/enrol', { body: { username: 'ann', password: 'nope', deviceName: 'x' } });
    const unknown = await api<{ error: { message: string } }>(server.url, '/api/v1/enrol', { body: { username: 'nobody', password: 'nope', deviceName: 'x' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
    for (let i = 0; i < 5; i++) await api(server.url, '/api/v1/enrol', { body: { username: 'dora', password: `wrong ${i}`, deviceName: 'x' } });
    const limited = await api(server.url, '/api/v1/enrol', { body: { username: 'dora', password: TEST_PASSWORD, deviceName: 'x' } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);

    // A device name that would rewrite an administrator's terminal, or split the CLI's columns, is refused at its field.
    const escaping = await api<{ error: { where: string } }>(server.url, '/api/v1/enrol', { body: { username: 'bob', password: TEST_PASSWORD, deviceName: 'laptop\u001b]0;owned\u0007' } });
    expect(escaping.status).toBe(400);
    expect(escaping.body.error.where).toBe('deviceName');
    const device = await enrolDevice(server.url, 'bob');
    expect((await api(server.url, '/api/v1/me', { token: device.token })).status).toBe(200);
    expect(server.admin(['device', 'revoke', device.deviceId]).code).toBe(0);
    expect((await api(server.url, '/api/v1/me', { token: device.token })).status).toBe(401);
    expect((await api(server.url, '/api/v1/me', { token: bob.token })).status).toBe(200);

    server.addUser('eve', 'consultant');
    const eve = await enrolDevice(server.url, 'eve');
    expect(server.admin(['user', 'disable', 'eve']).code).toBe(0);
    expect((await api(server.url, '/api/v1/me', { token: eve.token })).status).toBe(401);
    expect((await api(server.url, '/api/v1/enrol', { body: { username: 'eve', password: TEST_PASSWORD, deviceName: 'x' } })).status).toBe(403);
    const audit = server.admin(['audit', '--limit', '100']).stdout;
    for (const action of ['enrol', 'sign_in_failed', 'sign_in_limited', 'sign_in_refused']) expect(audit).toContain(action);
    // Who, by name: the refused sign-in of the disabled user is eve's.
    expect(audit).toMatch(/\tsign_in_refused\teve\t-\t/);
    // The administrator's own changes too: the account added and disabled, the device revoked (and whose it was).
    expect(audit).toMatch(/\tuser_added\teve\t-\t\{"role":"consultant"\}/);
    expect(audit).toMatch(/\tuser_disabled\teve\t-\t/);
    expect(audit).toContain(`\tdevice_revoked\tbob\t${device.deviceId}\t`);
  });

  it.skipIf(skip)('says who sent a message only to a device that may read it, and refuses a malformed question', async () => {
    const own = message(`user:${ann.userId}`, 'field_notes', 'who-1', { title: 'Ann only' });
    const submitted = message(`review:${ann.userId}`, 'submissions', 'who-2', { title: 'For review' });
    expect((await api(server.url, '/api/v1/sync', { token: ann.token, body: syncBody([own, submitted], {}, { limit: 0 }) })).status).toBe(200);
    const ask = (token: string, messages: { space: string; timestamp: string }[]) => api<{ authors: { space: string; timestamp: string; device: string; user: string; userId: string }[] }>(server.url, '/api/v1/authors', { token, body: { messages } });
    const refs = [own, submitted, message('published', 'kb_articles', 'none', {})].map(({ space, timestamp }) => ({ space, timestamp }));
    // Ann's own devices learn it; so does a manager of her submission; Bob, of neither (her space is not his to read).
    const mine = await ask(ann.token, refs);
    expect(mine.status).toBe(200);
    expect(mine.body.authors.map((a) => [a.space, a.timestamp, a.userId])).toEqual([
      [own.space, own.timestamp, ann.userId],
      [submitted.space, submitted.timestamp, ann.userId],
    ]);
    expect(mine.body.authors[0]?.device).toBe("ann's test device");
    expect((await ask(kim.token, refs)).body.authors.map((a) => a.timestamp)).toEqual([submitted.timestamp]);
    expect((await ask(bob.token, refs)).body.authors).toEqual([]);
    for (const bad of [{ messages: [] }, { messages: [{ space: 'published', timestamp: 'yesterday' }] }, { messages: Array.from({ length: 101 }, () => refs[0]) }, { nodes: ['x'] }]) {
      expect((await api(server.url, '/api/v1/authors', { token: ann.token, body: bad })).status, JSON.stringify(bad).slice(0, 80)).toBe(400);
    }
    expect((await api(server.url, '/api/v1/authors', { token: ann.token, raw: '{"messages": [' })).status).toBe(400);
  });

  it.skipIf(skip)('keeps an answer to a few megabytes however large the messages, across every review space a manager reads', async () => {
    const rows: string[] = [];
    for (const name of ['lena', 'liam']) {
      server.addUser(name, 'consultant');
      const author = await enrolDevice(server.url, name);
      const large = (i: number) => message(`review:${author.userId}`, 'submissions', `${name}-${i}`, { title: `${name} ${i}`, body: `${i} ${'现场记录 '.repeat(250_000)}` });
      const batch = [0, 1, 2].map(large);
      rows.push(...batch.map((m) => m.row));
      expect((await api(server.url, '/api/v1/sync', { token: author.token, body: syncBody(batch, {}, { limit: 0 }) })).status).toBe(200);
    }
    // The manager pulls from where it stands until nothing is left; no answer is much over 8 MB.
    let cursors: Record<string, number> = {};
    const received: string[] = [];
    const sizes: number[] = [];
    for (let ask = 0; ask < 50; ask++) {
      const answer = await api<SyncResponse>(server.url, '/api/v1/sync', { token: kim.token, body: syncBody([], cursors, { limit: 5000 }) });
      expect(answer.status).toBe(200);
      sizes.push(Buffer.byteLength(JSON.stringify(answer.body)));
      received.push(...answer.body.messages.map((m) => m.row));
      cursors = Object.fromEntries(Object.entries(answer.body.spaces).map(([space, state]) => [space, state.cursor]));
      if (!Object.values(answer.body.spaces).some((s) => s.more)) break;
    }
    expect(received).toEqual(expect.arrayContaining(rows));
    expect(Math.max(...sizes)).toBeLessThan(12 * 1024 * 1024);
    expect(sizes.length).toBeGreaterThan(1);
  }, 60_000);

  it.skipIf(skip)('keeps each space to the users it belongs to', async () => {
    const annSpace = `user:${ann.userId}`;
    const push = await api<SyncResponse>(server.url, '/api/v1/sync', { token: ann.token, body: syncBody([message(annSpace, 'field_notes', 'n1', { title: 'Site visit' })]) });
    expect(push.status).toBe(200);
    // Bob may neither read nor write Ann's space, nor write the published space.
    expect((await api(server.url, '/api/v1/sync', { token: bob.token, body: syncBody([], { [annSpace]: 0 }) })).status).toBe(403);
    // Refused for what it asked to read, it stores nothing of what it sent either.
    const bobSpace = `user:${bob.userId}`;
    const carried = await api(server.url, '/api/v1/sync', { token: bob.token, body: syncBody([message(bobSpace, 'field_notes', 'b1', { title: 'Carried' })], { [annSpace]: 0 }) });
    expect(carried.status).toBe(403);
    const bobsOwn = await api<SyncResponse>(server.url, '/api/v1/sync', { token: bob.token, body: syncBody([], { [bobSpace]: 0 }) });
    expect(bobsOwn.body.spaces[bobSpace]?.digest.count).toBe(0);
    expect((await api(server.url, `/api/v1/spaces/${annSpace}/buckets`, { token: bob.token })).status).toBe(403);
    const sneak = await api<{ error: { where: string } }>(server.url, '/api/v1/sync', { token: bob.token, body: syncBody([message(annSpace, 'field_notes', 'n2', { title: 'x' })]) });
    expect(sneak.status).toBe(403);
    expect(sneak.body.error.where).toBe('messages.0.space');
    expect((await api(server.url, '/api/v1/sync', { token: bob.token, body: syncBody([message('published', 'kb_articles', 'a1', { type: 'method' })]) })).status).toBe(403);
    // A table that does not belong in the space is refused, even in one's own review space.
    const wrongTable = await api<{ error: { where: string } }>(server.url, '/api/v1/sync', {
      token: ann.token,
      body: syncBody([message(`review:${ann.userId}`, 'kb_articles', 'a1', { type: 'method' })]),
    });
    expect(wrongTable.status).toBe(400);
    expect(wrongTable.body.error.where).toBe('messages.0.dataset');
    // Ann submits to her review space; the manager sees it, Bob does not, and the manager publishes.
    const submit = await api<SyncResponse>(server.url, '/api/v1/sync', {
      token: ann.token,
      body: syncBody([message(`review:${ann.userId}`, 'submissions', 's1', { title: 'Lesson', status: 'submitted' })]),
    });
    expect(submit.status).toBe(200);
    // Only a manager decides: Ann may not mark her own submission published, nor name another author.
    for (const [values, where] of [
      [{ status: 'published', article_id: 'ics-intent-method' }, 'messages.0.values.status'],
      [{ article_id: 'ics-intent-method' }, 'messages.0.values.article_id'],
      [{ author_id: bob.userId }, 'messages.0.values.author_id'],
      [{ deleted: 1 }, 'messages.0.values.deleted'],
    ] as const) {
      const forged = await api<{ error: { where: string } }>(server.url, '/api/v1/sync', { token: ann.token, body: syncBody([message(`review:${ann.userId}`, 'submissions', 's1', values)]) });
      expect(forged.status).toBe(403);
      expect(forged.body.error.where).toBe(where);
    }
    const decided = await api(server.url, '/api/v1/sync', { token: kim.token, body: syncBody([message(`review:${ann.userId}`, 'submissions', 's1', { status: 'in_review', reviewed_by: 'Kim' })]) });
    expect(decided.status).toBe(200);
    const managerPull = await api<SyncResponse>(server.url, '/api/v1/sync', { token: kim.token, body: syncBody([]) });
    expect(managerPull.body.messages.map((m) => m.dataset)).toContain('submissions');
    expect(Object.keys(managerPull.body.spaces)).toContain(`review:${ann.userId}`);
    const bobPull = await api<SyncResponse>(server.url, '/api/v1/sync', { token: bob.token, body: syncBody([]) });
    expect(bobPull.body.messages.filter((m) => m.dataset === 'submissions' || m.dataset === 'field_notes')).toEqual([]);
    const publication = [
      message('published', 'kb_articles', 'lesson-1', { type: 'lesson' }),
      message('published', 'kb_article_texts', 'lesson-1/en', { article_id: 'lesson-1', lang: 'en', title: 'Night-time cell sleep' }),
      // A title that would drive the administrator's terminal (C1 CSI; JSON leaves it as it is).
      message('published', 'kb_article_texts', 'lesson-2/en', { article_id: 'lesson-2', lang: 'en', title: 'Red\u009b31m alert' }),
      message(`review:${ann.userId}`, 'submissions', 's1', { status: 'published', article_id: 'lesson-1', reviewed_by: 'Kim' }),
    ];
    const publish = await api<SyncResponse>(server.url, '/api/v1/sync', { token: kim.token, body: syncBody(publication) });
    expect(publish.status).toBe(200);
    const annPull = await api<SyncResponse>(server.url, '/api/v1/sync', { token: ann.token, body: syncBody([]) });
    expect(annPull.body.messages.some((m) => m.space === 'published' && m.row === 'lesson-1')).toBe(true);
    // The audit says who decided and published what: the article by title, the submission it came from by author.
    const audit = server.admin(['audit', '--limit', '100']).stdout.split('\n');
    const lines = (action: string) => audit.filter((line) => line.split('\t')[1] === action);
    expect(lines('review').some((line) => line.includes('"author":"ann","submission":"s1","status":"in_review"') && line.split('\t')[2] === 'kim')).toBe(true);
    expect(lines('publish').some((line) => line.includes('{"id":"lesson-1","title":"Night-time cell sleep"}'))).toBe(true);
    expect(lines('publish').some((line) => line.includes('"title":"Red\\u009b31m alert"'))).toBe(true);
    expect(audit.join('\n')).not.toContain('\u009b');
    expect(lines('merge').some((line) => line.includes('"article":"lesson-1"') && line.includes('{"author":"ann","submission":"s1"}'))).toBe(true);
    // An administrator asks for one kind of entry, or one user's, the newest first.
    const merges = server.admin(['audit', '--action', 'merge', '--user', 'kim']).stdout.trim().split('\n');
    expect(merges.length).toBeGreaterThan(0);
    expect(merges.every((line) => line.split('\t')[1] === 'merge' && line.split('\t')[2] === 'kim')).toBe(true);
    const unknownAction = server.admin(['audit', '--action', 'merged']);
    expect(unknownAction.code).toBe(2);
    expect(unknownAction.stderr).toContain('--action must be one of');
    // What the server held already is not audited again when a device sends it once more.
    expect((await api(server.url, '/api/v1/sync', { token: kim.token, body: syncBody(publication) })).status).toBe(200);
    const again = server.admin(['audit', '--limit', '100']).stdout.split('\n');
    expect(again.filter((line) => line.split('\t')[1] === 'publish')).toHaveLength(lines('publish').length);
  });

  it.skipIf(skip)('stores a message once however often it comes, pages pulls by cursor, and keeps the digest of what it holds', async () => {
    const space = `user:${bob.userId}`;
    const batch = Array.from({ length: 25 }, (_, i) => message(space, 'customers', `c${i}`, { name: `Customer ${i}` }));
    const first = await api<SyncResponse>(server.url, '/api/v1/sync', { token: bob.token, body: syncBody(batch) });
    expect(first.body.stored).toBe(25);
    // The pushing request does not echo its own messages back.
    expect(first.body.messages.filter((m) => m.space === space)).toEqual([]);
    const again = await api<SyncResponse>(server.url, '/api/v1/sync', { token: bob.token, body: syncBody(batch) });
    expect(again.body.stored).toBe(0);
    expect(again.body.spaces[space]?.digest).toEqual(digestOf(bucketsOf(batch.map((m) => m.timestamp))));
    // Another device of Bob pulls in pages of 10.
    const other = await enrolDevice(server.url, 'bob');
    const pulled: SyncMessage[] = [];
    let cursor = 0;
    for (let page = 0; page < 10; page++) {
      const r = await api<SyncResponse>(server.url, '/api/v1/sync', { token: other.token, body: syncBody([], { [space]: cursor }, { limit: 10 }) });
      pulled.push(...r.body.messages.filter((m) => m.space === space));
      cursor = r.body.spaces[space]?.cursor ?? cursor;
      if (!r.body.spaces[space]?.more) break;
    }
    expect(pulled.map((m) => m.timestamp)).toEqual(batch.map((m) => m.timestamp));
    const buckets = await api<{ buckets: unknown[] }>(server.url, `/api/v1/spaces/${space}/buckets`, { token: other.token });
    expect(buckets.body.buckets).toEqual(bucketsOf(batch.map((m) => m.timestamp)));
    // The repair pull by timestamp, after a given one.
    const from = batch[10]?.timestamp ?? '';
    const repair = await api<{ messages: SyncMessage[]; more: boolean }>(server.url, `/api/v1/spaces/${space}/messages?from=${encodeURIComponent(from)}&limit=5`, { token: other.token });
    expect(repair.body.messages.map((m) => m.timestamp)).toEqual(batch.slice(10, 15).map((m) => m.timestamp));
    expect(repair.body.more).toBe(true);
    // A push that pulls nothing (limit 0): stored, and the answer names no space though there is news.
    const more = [message(space, 'customers', 'c-late', { name: 'Late customer' })];
    const pushOnly = await api<SyncResponse>(server.url, '/api/v1/sync', { token: other.token, body: syncBody(more, { [space]: 0 }, { limit: 0 }) });
    expect(pushOnly.status).toBe(200);
    expect(pushOnly.body).toMatchObject({ stored: 1, messages: [], spaces: {} });
    const pulledLate = await api<SyncResponse>(server.url, '/api/v1/sync', { token: bob.token, body: syncBody([], { [space]: cursor }) });
    expect(pulledLate.body.messages.map((m) => m.timestamp)).toContain(more[0]?.timestamp);
  });

  it.skipIf(skip)('answers bad input with a 4xx that says what is wrong, never a 5xx', async () => {
    const malformed = await api(server.url, '/api/v1/sync', { token: ann.token, raw: '{"protocol": 1, "messages": [' });
    expect(malformed.status).toBe(400);
    expect(await postOversized(server.url, '/api/v1/sync', ann.token, Buffer.from(JSON.stringify({ pad: 'x'.repeat(MAX_SYNC_BODY_BYTES + 10) })))).toBe(413);
    const badMessage = await api<{ error: { where: string } }>(server.url, '/api/v1/sync', {
      token: ann.token,
      body: syncBody([{ timestamp: 'yesterday', space: `user:${ann.userId}`, dataset: 'customers', row: 'c', values: { name: 'x' } }]),
    });
    expect(badMessage.status).toBe(400);
    expect(badMessage.body.error.where).toBe('messages.0.timestamp');
    const drift = await api<{ error: { code: string; message: string } }>(server.url, '/api/v1/sync', {
      token: ann.token,
      body: syncBody([], {}, { clientTime: new Date(Date.now() + 3 * 3600 * 1000).toISOString() }),
    });
    expect(drift.status).toBe(422);
    expect(drift.body.error.code).toBe('clock_drift');
    expect(drift.body.error.message).toMatch(/180 minutes/);
    const newer = await api(server.url, '/api/v1/sync', { token: ann.token, body: { ...syncBody([]), protocol: PROTOCOL_VERSION + 1 } });
    expect(newer.status).toBe(426);
    for (const body of [null, [], 'text', { protocol: 1 }, { ...syncBody([]), spaces: { 'not a space': { cursor: 0 } } }]) {
      const r = await api(server.url, '/api/v1/sync', { token: ann.token, raw: JSON.stringify(body) });
      expect(r.status, JSON.stringify(body)).toBe(400);
    }
    for (const row of ['a\u0000b', 'tab\there', 'half \ud800 pair']) {
      const r = await api<{ error: { where: string } }>(server.url, '/api/v1/sync', { token: ann.token, body: syncBody([message(`user:${ann.userId}`, 'customers', row, { name: 'x' })]) });
      expect(r.status, JSON.stringify(row)).toBe(400);
      expect(r.body.error.where).toBe('messages.0.row');
    }
    const tooManyValues = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`c${i}`, i]));
    expect((await api(server.url, '/api/v1/sync', { token: ann.token, body: syncBody([message(`user:${ann.userId}`, 'customers', 'c', tooManyValues)]) })).status).toBe(400);
    expect((await api(server.url, '/api/v1/nothing', { token: ann.token })).status).toBe(404);
  });

  it.skipIf(skip)('takes files in resumable chunks, checks their sha256, and serves them with ranges', async () => {
    const bytes = crypto.randomBytes(BLOB_CHUNK_BYTES * 2 + 1000);
    const sha = crypto.createHash('sha256').update(bytes).digest('hex');
    const start = await api<{ received: number; complete: boolean }>(server.url, `/api/v1/blobs/${sha}`, { token: ann.token, body: { size: bytes.length } });
    expect(start.body).toMatchObject({ received: 0, complete: false });
    const put = (offset: number, chunk: Buffer) => api<{ received: number; complete: boolean; error?: { where: string } }>(server.url, `/api/v1/blobs/${sha}?offset=${offset}`, { method: 'PUT', token: ann.token, raw: chunk, contentType: 'application/octet-stream' });
    expect((await put(0, bytes.subarray(0, BLOB_CHUNK_BYTES))).body.received).toBe(BLOB_CHUNK_BYTES);
    // The connection drops; the device does not know what arrived. Sending from 0 again says where to go on.
    const stale = await put(0, bytes.subarray(0, BLOB_CHUNK_BYTES));
    expect(stale.status).toBe(409);
    expect(stale.body.error?.where).toBe(String(BLOB_CHUNK_BYTES));
    const resumed = await api<{ received: number }>(server.url, `/api/v1/blobs/${sha}`, { token: ann.token, body: { size: bytes.length } });
    expect(resumed.body.received).toBe(BLOB_CHUNK_BYTES);
    await put(BLOB_CHUNK_BYTES, bytes.subarray(BLOB_CHUNK_BYTES, BLOB_CHUNK_BYTES * 2));
    const done = await put(BLOB_CHUNK_BYTES * 2, bytes.subarray(BLOB_CHUNK_BYTES * 2));
    expect(done.body.complete).toBe(true);
    const whole = await fetch(`${server.url}/api/v1/blobs/${sha}`, { headers: { authorization: `Bearer ${bob.token}` } });
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);
    const tail = await fetch(`${server.url}/api/v1/blobs/${sha}`, { headers: { authorization: `Bearer ${bob.token}`, range: 'bytes=1000-' } });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(1000))).toBe(true);
    // Bytes that do not match their name are refused and the upload starts over.
    const liar = crypto.createHash('sha256').update('something else').digest('hex');
    await api(server.url, `/api/v1/blobs/${liar}`, { token: ann.token, body: { size: 5 } });
    const refused = await api(server.url, `/api/v1/blobs/${liar}?offset=0`, { method: 'PUT', token: ann.token, raw: Buffer.from('hello'), contentType: 'application/octet-stream' });
    expect(refused.status).toBe(422);
    expect((await api<{ received: number }>(server.url, `/api/v1/blobs/${liar}`, { token: ann.token, body: { size: 5 } })).body.received).toBe(0);
    expect((await api(server.url, `/api/v1/blobs/${'b'.repeat(64)}`, { token: ann.token, body: { size: 100 * 1024 * 1024 } })).status).toBe(413);
    expect(await postOversized(server.url, `/api/v1/blobs/${liar}?offset=0`, ann.token, Buffer.alloc(BLOB_CHUNK_BYTES + 1), { method: 'PUT', contentType: 'application/octet-stream' })).toBe(413);
  });

  it.skipIf(skip)('commits each change with its audit entry, or neither: with the audit log refusing writes, no user is added, no device enrolled, nothing published', async () => {
    // A trigger stands in for an audit write that fails (a full disk, a lost connection).
    const refuse = (on: boolean): Promise<void> =>
      db === 'sqlite'
        ? onServerDatabase(on ? "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'audit refused'); END" : 'DROP TRIGGER refuse_audit')
        : onServerDatabase(
            on
              ? "CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit refused'; END $$; CREATE TRIGGER refuse_audit BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION refuse_audit()"
              : 'DROP TRIGGER refuse_audit ON audit; DROP FUNCTION refuse_audit()',
          );
    const devicesOfDora = () => server.admin(['device', 'list', '--user', 'dora']).stdout.trim().split('\n').filter(Boolean).length;
    const before = devicesOfDora();
    const article = message('published', 'kb_articles', 'k-refused-audit', { version: 1 });
    await refuse(true);
    try {
      expect(server.admin(['user', 'add', 'yan', '--role', 'consultant'], TEST_PASSWORD).code).not.toBe(0);
      expect(server.admin(['user', 'disable', 'dora']).code).not.toBe(0);
      const enrol = await api(server.url, '/api/v1/enrol', { body: { username: 'dora', password: TEST_PASSWORD, deviceName: 'refused' } });
      expect(enrol.status).toBe(500);
      expect((await api(server.url, '/api/v1/sync', { token: kim.token, body: syncBody([article], {}, { limit: 0 }) })).status).toBe(500);
      expect((await api(server.url, '/api/v1/sync', { token: kim.token, body: syncBody([article]) })).status).toBe(500);
    } finally {
      await refuse(false);
    }
    expect(server.admin(['user', 'list']).stdout).not.toContain('yan');
    expect(server.admin(['user', 'list']).stdout).toMatch(/dora\tconsultant\tenabled/);
    expect(devicesOfDora()).toBe(before);
    // The publication was not kept either: sent again once the audit works, it is stored and audited.
    const again = await api<{ stored: number }>(server.url, '/api/v1/sync', { token: kim.token, body: syncBody([article], {}, { limit: 0 }) });
    expect(again.body.stored).toBe(1);
    expect(server.admin(['audit', '--action', 'publish', '--limit', '5']).stdout).toContain('k-refused-audit');
  });

  it.skipIf(skip)('completes an upload whose bytes all arrived but were never checked, and an empty file, when its status is asked', async () => {
    const start = (sha: string, size: number) => api<{ received: number; complete: boolean }>(server.url, `/api/v1/blobs/${sha}`, { token: ann.token, body: { size } });
    const bytes = crypto.randomBytes(3000);
    const sha = crypto.createHash('sha256').update(bytes).digest('hex');
    await start(sha, bytes.length);
    expect((await api<{ complete: boolean }>(server.url, `/api/v1/blobs/${sha}?offset=0`, { method: 'PUT', token: ann.token, raw: bytes, contentType: 'application/octet-stream' })).body.complete).toBe(true);
    // The server stopped after storing the last chunk and before checking it: no chunk is left for
    // the device to send, so asking where the upload stands checks and completes it.
    await onServerDatabase(`UPDATE blobs SET complete = 0 WHERE sha256 = '${sha}'`);
    expect((await start(sha, bytes.length)).body).toMatchObject({ received: bytes.length, complete: true });
    const served = await fetch(`${server.url}/api/v1/blobs/${sha}`, { headers: { authorization: `Bearer ${bob.token}` } });
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
    // An empty file has no chunk to send at all.
    const empty = crypto.createHash('sha256').update(Buffer.alloc(0)).digest('hex');
    expect((await start(empty, 0)).body).toMatchObject({ received: 0, complete: true });
    const none = await fetch(`${server.url}/api/v1/blobs/${empty}`, { headers: { authorization: `Bearer ${bob.token}` } });
    expect(none.status).toBe(200);
    expect((await none.arrayBuffer()).byteLength).toBe(0);
    // Named as something it is not, it stays incomplete.
    expect((await start(crypto.createHash('sha256').update('not empty').digest('hex'), 0)).body).toMatchObject({ complete: false });
  });

  it.skipIf(skip)('the admin command says clearly what is wrong', () => {
    expect(server.admin(['user', 'add', 'zed', '--role', 'wizard'], TEST_PASSWORD)).toMatchObject({ code: 2 });
    expect(server.admin(['user', 'add', 'zed', '--role', 'consultant'], 'short').stderr).toContain('at least 10 characters');
    // No password in the environment and nothing on stdin: a failure, never "done" with nobody added.
    expect(server.admin(['user', 'add', 'zed', '--role', 'consultant'])).toMatchObject({ code: 2, stderr: expect.stringContaining('no password given') });
    expect(server.admin(['user', 'password', 'kim'])).toMatchObject({ code: 2, stderr: expect.stringContaining('no password given') });
    expect(server.admin(['user', 'list']).stdout).not.toContain('zed');
    expect(server.admin(['user', 'disable', 'nobody']).stderr).toContain('no user nobody');
    expect(server.admin(['device', 'revoke', 'nothing']).code).toBe(2);
    expect(server.admin(['user', 'list']).stdout).toContain('kim\tknowledge_manager');
    expect(server.admin(['bogus']).stderr).toContain('usage:');
  });
});

// openssl makes the test certificate; Debian's postgresql (which .ci/run installs) brings it along.
const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

describe.skipIf(TMPFS_UNAVAILABLE !== null)('server on a full disk (SQLite on a small tmpfs)', () => {
  it("answers a push it has no room for with 507 storage_full, stays up, and stores the same push once there is room", async () => {
    const disk = mountTmpfs(32 * 1024);
    const server = await startServer({ db: 'sqlite', env: { FIELDBENCH_SERVER_DATA: disk.dir } });
    try {
      server.addUser('ann', 'consultant');
      const ann = await enrolDevice(server.url, 'ann');
      const space = `user:${ann.userId}`;
      const notes = Array.from({ length: 2000 }, (_, i) => message(space, 'field_notes', `full-${i}`, { id: `full-${i}`, title: `Note ${i} ${'x'.repeat(1000)}` }));
      disk.fill(256 * 1024);
      const refused = await api<{ error: { code: string; message: string } }>(server.url, '/api/v1/sync', { token: ann.token, body: syncBody(notes, { [space]: 0 }) });
      expect(refused.status).toBe(507);
      expect(refused.body.error).toMatchObject({ code: 'storage_full', message: expect.stringContaining('storage is full') });
      expect((await api(server.url, '/health')).status).toBe(200);

      disk.free();
      const stored = await api<SyncResponse>(server.url, '/api/v1/sync', { token: ann.token, body: syncBody(notes, { [space]: 0 }) });
      expect(stored.status).toBe(200);
      // All 2,000 are new: nothing of the refused push had been kept.
      expect(stored.body.stored).toBe(2000);
      const tablet = await enrolDevice(server.url, 'ann');
      const pulled = await api<SyncResponse>(server.url, '/api/v1/sync', { token: tablet.token, body: syncBody([], { [space]: 0 }) });
      expect(pulled.body.messages.length).toBe(2000);
    } finally {
      await server.dispose();
    }
  }, 120_000);
});

describe.skipIf(!hasOpenssl)('server over TLS', () => {
  it('serves HTTPS with the configured certificate, and refuses a half-given TLS setting with a clear message', async () => {
    const dir = makeTempDir('fieldbench-tls-');
    try {
      const key = path.join(dir.dir, 'key.pem');
      const cert = path.join(dir.dir, 'cert.pem');
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
      const server = await startServer({ db: 'sqlite', env: { TLS_CERT_FILE: cert, TLS_KEY_FILE: key } });
      try {
        const status = await new Promise<number>((resolve, reject) => {
          https.get(`https://127.0.0.1:${server.port}/health`, { ca: fs.readFileSync(cert), servername: '127.0.0.1', checkServerIdentity: () => undefined }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          }).on('error', reject);
        });
        expect(status).toBe(200);
      } finally {
        await server.dispose();
      }
      const half = await startServer({ db: 'sqlite', env: { TLS_CERT_FILE: cert } }).catch((error: unknown) => error);
      expect(String(half)).toContain('set both TLS_CERT_FILE and TLS_KEY_FILE');
    } finally {
      dir.cleanup();
    }
  });
});
