import { addHash, bucketOf, DIGEST_MODULUS, hashTimestamp, spaceBucketsOf, type Bucket, type Digest } from '../../core/sync/digest';
import { BATCH_BYTES, type SpaceState, type SyncMessage } from '../../core/sync/protocol';
import type { Role } from '../../core/sync/spaces';
import { one, type Sql } from './sql';

/**
 * Everything the server stores, as functions over one `Sql`: users and devices, the messages of
 * each space with their digest, blobs in chunks, sign-in failures and the audit log. Nothing is
 * kept in process memory, so any number of server processes can share one PostgreSQL.
 */

export type UserRow = { id: string; name: string; display_name: string; role: Role; password_hash: string; disabled: number; created_at: string };
export type DeviceActor = { deviceId: string; userId: string; userName: string; displayName: string; role: Role; teams: TeamRow[]; lastSeenAt: string | null };
export type TeamRow = { id: string; name: string };

const now = (): string => new Date().toISOString();

// Users and devices --------------------------------------------------------------------------

export function findUserByName(sql: Sql, name: string): Promise<UserRow | undefined> {
  return one<UserRow>(sql, 'SELECT * FROM users WHERE name = ?', [name]);
}

export async function listUsers(sql: Sql): Promise<UserRow[]> {
  return sql.all<UserRow>('SELECT * FROM users ORDER BY name');
}

export async function addUser(sql: Sql, user: { id: string; name: string; displayName: string; role: Role; passwordHash: string }): Promise<void> {
  await sql.run('INSERT INTO users (id, name, display_name, role, password_hash, disabled, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)', [
    user.id,
    user.name,
    user.displayName,
    user.role,
    user.passwordHash,
    now(),
  ]);
}

export async function setUserDisabled(sql: Sql, name: string, disabled: boolean): Promise<boolean> {
  return (await sql.run('UPDATE users SET disabled = ? WHERE name = ?', [disabled ? 1 : 0, name])).changes === 1;
}

export async function setUserRole(sql: Sql, name: string, role: Role): Promise<boolean> {
  return (await sql.run('UPDATE users SET role = ? WHERE name = ?', [role, name])).changes === 1;
}

export async function setUserPassword(sql: Sql, name: string, passwordHash: string): Promise<boolean> {
  return (await sql.run('UPDATE users SET password_hash = ? WHERE name = ?', [passwordHash, name])).changes === 1;
}

export async function addDevice(sql: Sql, device: { id: string; userId: string; name: string; tokenHash: string }): Promise<void> {
  await sql.run('INSERT INTO devices (id, user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?)', [device.id, device.userId, device.name, device.tokenHash, now()]);
}

/** The device and user behind a token (with the user's teams, in one read); null when unknown, revoked, or the user is disabled. */
export async function actorOfToken(sql: Sql, tokenHash: string): Promise<DeviceActor | null> {
  const rows = await sql.all<{
    device_id: string;
    revoked_at: string | null;
    last_seen_at: string | null;
    user_id: string;
    name: string;
    display_name: string;
    role: Role;
    disabled: number;
    team_id: string | null;
    team_name: string | null;
  }>(
    `SELECT d.id AS device_id, d.revoked_at, d.last_seen_at, u.id AS user_id, u.name, u.display_name, u.role, u.disabled, t.id AS team_id, t.name AS team_name
     FROM devices d JOIN users u ON u.id = d.user_id
     LEFT JOIN team_members m ON m.user_id = u.id LEFT JOIN teams t ON t.id = m.team_id
     WHERE d.token_hash = ? ORDER BY t.id`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row || row.revoked_at !== null || Number(row.disabled) !== 0) return null;
  const teams = rows.flatMap((r) => (r.team_id === null || r.team_name === null ? [] : [{ id: r.team_id, name: r.team_name }]));
  return { deviceId: row.device_id, userId: row.user_id, userName: row.name, displayName: row.display_name, role: row.role, teams, lastSeenAt: row.last_seen_at };
}

// Teams --------------------------------------------------------------------------------------

export function findTeam(sql: Sql, id: string): Promise<TeamRow | undefined> {
  return one<TeamRow>(sql, 'SELECT id, name FROM teams WHERE id = ?', [id]);
}

export async function addTeam(sql: Sql, team: TeamRow): Promise<void> {
  await sql.run('INSERT INTO teams (id, name, created_at) VALUES (?, ?, ?)', [team.id, team.name, now()]);
}

export type TeamListRow = TeamRow & { members: string };

/** Every team with its members' user names (comma-separated, sorted). */
export async function listTeams(sql: Sql): Promise<TeamListRow[]> {
  const teams = await sql.all<TeamRow>('SELECT id, name FROM teams ORDER BY id');
  const members = await sql.all<{ team_id: string; name: string }>('SELECT m.team_id, u.name FROM team_members m JOIN users u ON u.id = m.user_id ORDER BY u.name');
  return teams.map((t) => ({ ...t, members: members.filter((m) => m.team_id === t.id).map((m) => m.name).join(', ') }));
}

/** Adds or removes a member; false when nothing changed (already a member, or not one). */
export async function setTeamMember(sql: Sql, teamId: string, userId: string, member: boolean): Promise<boolean> {
  const r = member
    ? await sql.run('INSERT INTO team_members (team_id, user_id, added_at) VALUES (?, ?, ?) ON CONFLICT (team_id, user_id) DO NOTHING', [teamId, userId, now()])
    : await sql.run('DELETE FROM team_members WHERE team_id = ? AND user_id = ?', [teamId, userId]);
  return r.changes === 1;
}

export type DeviceRow = { id: string; user_name: string; name: string; created_at: string; last_seen_at: string | null; revoked_at: string | null };

export function listDevices(sql: Sql, userName?: string): Promise<DeviceRow[]> {
  const base = 'SELECT d.id, u.name AS user_name, d.name, d.created_at, d.last_seen_at, d.revoked_at FROM devices d JOIN users u ON u.id = d.user_id';
  return userName === undefined ? sql.all<DeviceRow>(`${base} ORDER BY d.created_at`) : sql.all<DeviceRow>(`${base} WHERE u.name = ? ORDER BY d.created_at`, [userName]);
}

/** Revokes an active device; returns its user's id, or null when there is no such active device. */
export async function revokeDevice(sql: Sql, id: string): Promise<string | null> {
  const row = await one<{ user_id: string }>(sql, 'UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL RETURNING user_id', [now(), id]);
  return row?.user_id ?? null;
}

// Sign-in limits and audit ---------------------------------------------------------------------

export async function recentFailures(sql: Sql, username: string, ip: string, sinceIso: string): Promise<{ user: number; ip: number }> {
  const user = await one<{ n: number }>(sql, 'SELECT count(*) AS n FROM sign_in_failures WHERE username = ? AND at > ?', [username, sinceIso]);
  const byIp = await one<{ n: number }>(sql, 'SELECT count(*) AS n FROM sign_in_failures WHERE ip = ? AND at > ?', [ip, sinceIso]);
  return { user: Number(user?.n ?? 0), ip: Number(byIp?.n ?? 0) };
}

export async function recordFailure(sql: Sql, username: string, ip: string): Promise<void> {
  await sql.run('INSERT INTO sign_in_failures (username, ip, at) VALUES (?, ?, ?)', [username, ip, now()]);
  // Keep the table small: failures older than a day no longer count for anything.
  await sql.run('DELETE FROM sign_in_failures WHERE at < ?', [new Date(Date.now() - 24 * 3600 * 1000).toISOString()]);
}

export async function clearFailures(sql: Sql, username: string): Promise<void> {
  await sql.run('DELETE FROM sign_in_failures WHERE username = ?', [username]);
}

/** What the audit log records, each by its own name (`server:admin -- audit --action <name>`). */
export const AUDIT_ACTIONS = [
  'sign_in_failed',
  'sign_in_limited',
  'sign_in_refused',
  'enrol',
  'publish',
  'withdraw',
  'merge',
  'review',
  'user_added',
  'user_disabled',
  'user_enabled',
  'password_changed',
  'role_changed',
  'team_added',
  'team_member_added',
  'team_member_removed',
  'device_revoked',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export async function audit(sql: Sql, entry: { userId: string | null; deviceId: string | null; action: AuditAction; detail: Record<string, unknown> }): Promise<void> {
  await sql.run('INSERT INTO audit (at, user_id, device_id, action, detail) VALUES (?, ?, ?, ?, ?)', [now(), entry.userId, entry.deviceId, entry.action, JSON.stringify(entry.detail)]);
}

/** An audit entry, with the user's name (an administrator reads names; ids are for `device revoke`). */
export type AuditRow = { id: number; at: string; user_id: string | null; user_name: string | null; device_id: string | null; action: string; detail: string };

/** The newest entries, newest first; only of one action and of one user (by name) when asked. */
export function listAudit(sql: Sql, limit: number, only: { action?: AuditAction; userName?: string } = {}): Promise<AuditRow[]> {
  const where = [only.action === undefined ? '' : 'a.action = ?', only.userName === undefined ? '' : 'u.name = ?'].filter((w) => w !== '');
  const params = [only.action, only.userName].filter((p): p is string => p !== undefined);
  return sql.all<AuditRow>(
    `SELECT a.*, u.name AS user_name FROM audit a LEFT JOIN users u ON u.id = a.user_id ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.id DESC LIMIT ?`,
    [...params, limit],
  );
}

// Messages and digests -------------------------------------------------------------------------

/**
 * A message as an answer carries it: its JSON text (a SyncMessage), written once by this server
 * when it stored the message (JSON.stringify of a validated message) and never read inside, so a
 * pull sends the stored text as it is instead of parsing and writing it again.
 */
export type StoredMessage = { seq: number; timestamp: string; json: string };

/** A message as devices receive it (SyncMessage as JSON), the text stored in messages.wire. */
function wireText(m: SyncMessage): string {
  return JSON.stringify({ timestamp: m.timestamp, space: m.space, dataset: m.dataset, row: m.row, values: m.values });
}

function toStored(r: { seq: number; timestamp: string; json: string }): StoredMessage {
  return { seq: Number(r.seq), timestamp: r.timestamp, json: r.json };
}

/** A message by its key: the server holds one message per space and timestamp. */
export type StoredKey = { space: string; timestamp: string };

/**
 * When the device was last heard from is written with what it sends, at most once a minute: the
 * time before which it counts as stale, or null when it was heard from since.
 */
function staleSince(lastSeenAt: string | null): string | null {
  const stale = new Date(Date.now() - 60_000).toISOString();
  return lastSeenAt === null || lastSeenAt < stale ? stale : null;
}

/**
 * What must be committed with a store, or not at all: the audit entries of what it stored (a
 * server that stopped between the two would leave a publication stored and never audited, as a
 * device that sends it again stores nothing new). Given the messages that were new.
 */
export type AfterStore = (tx: Sql, stored: readonly StoredKey[]) => Promise<void>;

/**
 * Stores messages once each (a message already held is skipped) and adds the new ones to their
 * space's digest in the same transaction, with `afterStore` when given. Returns those that were
 * new, in the order stored.
 */
export async function storeMessages(sql: Sql, messages: readonly SyncMessage[], device: { deviceId: string; lastSeenAt: string | null }, afterStore?: AfterStore): Promise<StoredKey[]> {
  if (messages.length === 0) return [];
  const received = now();
  const stale = staleSince(device.lastSeenAt);
  if (sql.dialect === 'postgres') {
    if (afterStore === undefined) return storeMessagesInOneStatement(sql, messages, device.deviceId, received, stale);
    return sql.transaction(async (tx) => {
      const stored = await storeMessagesInOneStatement(tx, messages, device.deviceId, received, stale);
      await afterStore(tx, stored);
      return stored;
    });
  }
  return sql.transaction(async (tx) => {
    if (stale !== null) await tx.run('UPDATE devices SET last_seen_at = ? WHERE id = ? AND (last_seen_at IS NULL OR last_seen_at < ?)', [received, device.deviceId, stale]);
    // One prepared insert per message. (A single statement over json_each of the batch cost 3.5
    // times as much for rich-text notes: each message's text travelled escaped inside the array.)
    const fresh: { space: string; timestamp: string; seq: number }[] = [];
    for (const m of messages) {
      const wire = wireText(m);
      const [row] = await tx.all<{ seq: number }>(
        `INSERT INTO messages (space, timestamp, dataset, row_name, wire, size, device_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (space, timestamp) DO NOTHING RETURNING seq`,
        [m.space, m.timestamp, m.dataset, m.row, wire, Buffer.byteLength(wire), device.deviceId, received],
      );
      if (row !== undefined) fresh.push({ space: m.space, timestamp: m.timestamp, seq: Number(row.seq) });
    }
    const totals = new Map<string, Digest & { lastSeq: number }>();
    for (const b of spaceBucketsOf(fresh)) {
      await tx.run(
        `INSERT INTO space_buckets (space, bucket, hash, count) VALUES (?, ?, ?, ?)
         ON CONFLICT (space, bucket) DO UPDATE SET hash = (space_buckets.hash + excluded.hash) % ${DIGEST_MODULUS}, count = space_buckets.count + excluded.count`,
        [b.space, b.bucket, b.hash, b.count],
      );
      const total = totals.get(b.space) ?? { hash: 0, count: 0, lastSeq: 0 };
      totals.set(b.space, { hash: addHash(total.hash, b.hash), count: total.count + b.count, lastSeq: total.lastSeq });
    }
    for (const f of fresh) {
      const total = totals.get(f.space);
      if (total) total.lastSeq = Math.max(total.lastSeq, f.seq);
    }
    for (const [space, d] of totals) {
      await tx.run(
        `INSERT INTO space_digests (space, hash, count, last_seq) VALUES (?, ?, ?, ?)
         ON CONFLICT (space) DO UPDATE SET hash = (space_digests.hash + excluded.hash) % ${DIGEST_MODULUS}, count = space_digests.count + excluded.count,
           last_seq = max(space_digests.last_seq, excluded.last_seq)`,
        [space, d.hash, d.count, d.lastSeq],
      );
    }
    const stored = fresh.map((f) => ({ space: f.space, timestamp: f.timestamp }));
    await afterStore?.(tx, stored);
    return stored;
  });
}

/**
 * PostgreSQL: storing as common table expressions of one statement, atomic by itself (no
 * BEGIN/COMMIT) and one round trip, alone (storeMessages) or with the pull (EXCHANGE): 500
 * devices syncing at once wait on the database's round trips more than on its work. The new
 * messages' hashes are worked out here (core/sync/digest.ts, as SQLite's path does) and summed
 * into their buckets and space digests from the rows the insert actually returned; the input is
 * made unique first, so a message sent twice in one batch counts once. `fresh` holds what was
 * new. Parameters: storeParams.
 */
const STORE_CTES = `input AS (
       SELECT DISTINCT ON (space, timestamp) * FROM json_to_recordset(?::json)
         AS i(space text, timestamp text, dataset text, row_name text, wire text, hash bigint, bucket text)
     ), inserted AS (
       INSERT INTO messages (space, timestamp, dataset, row_name, wire, size, device_id, received_at)
       SELECT space, timestamp, dataset, row_name, wire, octet_length(wire), ?, ? FROM input
       ON CONFLICT (space, timestamp) DO NOTHING RETURNING space, timestamp, seq
     ), fresh AS (
       SELECT inserted.space, inserted.timestamp, inserted.seq, input.hash, input.bucket FROM inserted JOIN input USING (space, timestamp)
     ), buckets AS (
       INSERT INTO space_buckets (space, bucket, hash, count)
       SELECT space, bucket, (sum(hash) % ${DIGEST_MODULUS})::bigint, count(*) FROM fresh GROUP BY space, bucket ORDER BY space, bucket
       ON CONFLICT (space, bucket) DO UPDATE SET hash = (space_buckets.hash + excluded.hash) % ${DIGEST_MODULUS}, count = space_buckets.count + excluded.count
     ), digests AS (
       INSERT INTO space_digests (space, hash, count, last_seq)
       SELECT space, (sum(hash) % ${DIGEST_MODULUS})::bigint, count(*), max(seq) FROM fresh GROUP BY space ORDER BY space
       ON CONFLICT (space) DO UPDATE SET hash = (space_digests.hash + excluded.hash) % ${DIGEST_MODULUS}, count = space_digests.count + excluded.count,
         last_seq = GREATEST(space_digests.last_seq, excluded.last_seq)
     ), seen AS (
       UPDATE devices SET last_seen_at = ? WHERE id = ? AND ?::text IS NOT NULL AND (last_seen_at IS NULL OR last_seen_at < ?)
     )`;

/** STORE_CTES' parameters, in order. */
function storeParams(messages: readonly SyncMessage[], deviceId: string, received: string, staleBefore: string | null): (string | null)[] {
  return [
    // One JSON text rather than seven arrays: the driver writes it as it is, where array
    // parameters are escaped element by element (most of the server's time on a large push).
    JSON.stringify(
      messages.map((m) => ({ space: m.space, timestamp: m.timestamp, dataset: m.dataset, row_name: m.row, wire: wireText(m), hash: hashTimestamp(m.timestamp), bucket: bucketOf(m.timestamp) })),
    ),
    deviceId,
    received,
    received,
    deviceId,
    staleBefore,
    staleBefore,
  ];
}

async function storeMessagesInOneStatement(sql: Sql, messages: readonly SyncMessage[], deviceId: string, received: string, staleBefore: string | null): Promise<StoredKey[]> {
  return sql.all<StoredKey>(`WITH ${STORE_CTES} SELECT space, timestamp FROM fresh ORDER BY seq`, storeParams(messages, deviceId, received, staleBefore));
}

/** Where a device's pull of one space starts. */
export type PullAsk = { space: string; cursor: number };

/** What one sync request stores and answers: the messages that were new, and per space its page and state. */
export type Exchange = { stored: StoredKey[]; pages: string[]; spaces: Record<string, SpaceState> };

/**
 * One sync request's work: store what the device sent, and the pages of the spaces it reads, in
 * the order asked, at most `limit` messages and about `maxBytes` bytes in all (SpacePage), each
 * space with its state: the new cursor, whether more is waiting, and the digest the device
 * compares its own with once nothing is.
 *
 * The heads and pages are read first, each page only up to its space's head as read, then what
 * the device sent is stored: a page never holds what this device just sent (its cursor moves past
 * those on its next sync, as past anything else of its own), and a space's digest is the one read
 * plus what this request stored, which is what the device holds once it has the page, however
 * many devices store in that space at the same moment.
 */
export async function storeAndPull(
  sql: Sql,
  messages: readonly SyncMessage[],
  device: { deviceId: string; lastSeenAt: string | null },
  asks: readonly PullAsk[],
  limit: number,
  maxBytes: number,
  afterStore?: AfterStore,
): Promise<Exchange> {
  const request = { messages, device, asks, limit, maxBytes, afterStore };
  const { heads, pulled, stored } = sql.dialect === 'postgres' ? await exchangeInOneStatement(sql, request) : await exchangeStepByStep(sql, request);
  const own = new Map<string, Digest>();
  for (const b of spaceBucketsOf(stored)) own.set(b.space, withOwn(own.get(b.space) ?? { hash: 0, count: 0 }, b));
  const spaces: Exchange['spaces'] = {};
  for (const { space, cursor } of asks) {
    const head = heads.get(space) ?? { digest: { hash: 0, count: 0 }, lastSeq: 0 };
    const last = pulled.get(space)?.lastSeq ?? cursor;
    spaces[space] = { cursor: last, more: last < head.lastSeq, digest: withOwn(head.digest, own.get(space)) };
  }
  const pages = asks.flatMap(({ space }) => {
    const json = pulled.get(space)?.json ?? '';
    return json === '' ? [] : [json];
  });
  return { stored, pages, spaces };
}

/** What an exchange is asked to do: storeAndPull's arguments. */
type ExchangeRequest = {
  messages: readonly SyncMessage[];
  device: { deviceId: string; lastSeenAt: string | null };
  asks: readonly PullAsk[];
  limit: number;
  maxBytes: number;
  afterStore: AfterStore | undefined;
};

/** What an exchange read and stored: the heads as read, each space's page (only those with one), and the messages that were new. */
type ExchangeParts = { heads: Map<string, SpaceHead>; pulled: Map<string, SpacePage>; stored: StoredKey[] };

/** SQLite (in this process, where a statement costs no round trip): the heads, each space's page in turn, then the store. */
async function exchangeStepByStep(sql: Sql, { messages, device, asks, limit, maxBytes, afterStore }: ExchangeRequest): Promise<ExchangeParts> {
  const heads = await headsOfSpaces(sql, asks.map((a) => a.space));
  let room = limit;
  let bytesLeft = maxBytes;
  const pulled = new Map<string, SpacePage>();
  for (const { space, cursor } of asks) {
    const head = heads.get(space)?.lastSeq ?? 0;
    if (head <= cursor || room <= 0 || bytesLeft <= 0) continue;
    // Up to the head read above: what another request stores meanwhile is for the next sync.
    const page = await pageAfter(sql, space, cursor, room, device.deviceId, bytesLeft, head);
    room -= page.read;
    bytesLeft -= page.bytes;
    pulled.set(space, page);
  }
  const stored = await storeMessages(sql, messages, device, afterStore);
  return { heads, pulled, stored };
}

/**
 * PostgreSQL: the same exchange as one statement, so a sync costs the server two round trips to
 * the database (the token, then this) instead of four or more; on a loaded server the round trips
 * (a socket write and a wake-up each way) cost more than the work. Every part of one statement
 * reads the same snapshot, taken before its own inserts, so the heads and pages are those before
 * the store, as exchangeStepByStep reads them. The pages are cut as pageAfter's, across spaces in
 * the order asked: at most `limit` messages, and a message only while the ones before it in the
 * answer come to less than `maxBytes` (so every space that gets room has at least one). Where
 * each cut falls is found from the index of sizes alone, then each page's texts are read in one
 * range of the index up to its cut. Each lookup by space is a lateral subquery (with a LIMIT or an
 * aggregate), which the planner keeps as a probe of the index per ask: joined plainly, it guessed
 * a hundred asks and scanned whole tables to hash them.
 * Parameters: storeParams, then the asks as JSON, the limit (twice), the byte limit, the device.
 */
export const EXCHANGE = `WITH ${STORE_CTES}, asks AS (
       SELECT ord, space, cursor FROM json_to_recordset(?::json) AS a(ord int, space text, cursor bigint)
     ), heads AS (
       SELECT asks.ord, asks.space, asks.cursor, d.hash, d.count, d.last_seq FROM asks LEFT JOIN LATERAL (
         SELECT hash, count, last_seq FROM space_digests WHERE space = asks.space LIMIT 1
       ) d ON true
     ), candidates AS (
       SELECT heads.ord, heads.space, c.seq, c.size FROM heads CROSS JOIN LATERAL (
         SELECT seq, size FROM messages WHERE space = heads.space AND seq > heads.cursor AND seq <= heads.last_seq ORDER BY seq LIMIT ?
       ) c
     ), cuts AS (
       SELECT ord, max(seq) AS last_seq FROM (
         SELECT ord, seq, count(*) OVER running AS n, sum(size) OVER running - size AS before
         FROM candidates WINDOW running AS (ORDER BY ord, seq ROWS UNBOUNDED PRECEDING)
       ) ranked WHERE n <= ? AND before < ? GROUP BY ord
     ), pages AS (
       SELECT heads.space, page.json, page.read, page.bytes, cuts.last_seq FROM cuts JOIN heads USING (ord) CROSS JOIN LATERAL (
         SELECT string_agg(wire, ',') FILTER (WHERE device_id IS DISTINCT FROM ?) AS json, count(*) AS read, sum(size) AS bytes
         FROM messages WHERE space = heads.space AND seq > heads.cursor AND seq <= cuts.last_seq
       ) page
     )
     SELECT 'head' AS kind, space, NULL AS text, NULL::bigint AS read, NULL::bigint AS bytes, last_seq AS seq, hash, count FROM heads
     UNION ALL SELECT 'page', space, json, read, bytes, last_seq, NULL, NULL FROM pages
     UNION ALL SELECT 'stored', space, timestamp, NULL, NULL, seq, NULL, NULL FROM fresh`;

async function exchangeInOneStatement(sql: Sql, request: ExchangeRequest): Promise<ExchangeParts> {
  const { messages, device, asks, limit, maxBytes, afterStore } = request;
  // A transaction (BEGIN and COMMIT, two more round trips) only for what must be committed with it.
  if (afterStore !== undefined && messages.length > 0) {
    return sql.transaction(async (tx) => {
      const parts = await exchangeInOneStatement(tx, { ...request, afterStore: undefined });
      await afterStore(tx, parts.stored);
      return parts;
    });
  }
  // As storeMessages: when the device was last heard from is written with what it sends.
  const stale = messages.length === 0 ? null : staleSince(device.lastSeenAt);
  const rows = await sql.all<{ kind: 'head' | 'page' | 'stored'; space: string; text: string | null; read: unknown; bytes: unknown; seq: unknown; hash: unknown; count: unknown }>(EXCHANGE, [
    ...storeParams(messages, device.deviceId, now(), stale),
    JSON.stringify(asks.map((a, ord) => ({ ord, space: a.space, cursor: a.cursor }))),
    limit,
    limit,
    maxBytes,
    device.deviceId,
  ]);
  const heads = new Map<string, SpaceHead>();
  const pulled = new Map<string, SpacePage>();
  const fresh: (StoredKey & { seq: number })[] = [];
  for (const r of rows) {
    if (r.kind === 'head') heads.set(r.space, { digest: { hash: Number(r.hash ?? 0), count: Number(r.count ?? 0) }, lastSeq: Number(r.seq ?? 0) });
    else if (r.kind === 'page') pulled.set(r.space, { json: r.text ?? '', read: Number(r.read), bytes: Number(r.bytes), lastSeq: Number(r.seq) });
    else fresh.push({ space: r.space, timestamp: r.text ?? '', seq: Number(r.seq) });
  }
  // In the order stored, as storeMessages returns them.
  const stored = fresh.sort((a, b) => a.seq - b.seq).map(({ space, timestamp }) => ({ space, timestamp }));
  return { heads, pulled, stored };
}

/** A space's digest before a store, with what the store added to it. */
function withOwn(digest: Digest, added: Digest | undefined): Digest {
  return added === undefined ? digest : { hash: addHash(digest.hash, added.hash), count: digest.count + added.count };
}

/**
 * A sync answer's share of one space: the next messages after the cursor, at most `limit` and
 * about `maxBytes` bytes (always at least one; the one that crosses the size goes too), as
 * one JSON text (the messages joined by commas, '' when none), leaving out those the asking device
 * sent itself (it has them; a device that lost some, restored from an older backup, finds them by
 * the digest check), with how many it read, their size (its own included, as the page's limit
 * counts them) and the last one's sequence number (the new cursor).
 */
export type SpacePage = { json: string; read: number; bytes: number; lastSeq: number | null };

/** The names users sign in with, by id (of those that exist): how an administrator knows them. */
export async function userNames(sql: Sql, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.all<{ id: string; name: string }>(`SELECT id, name FROM users WHERE id IN (${ids.map(() => '?').join(', ')})`, ids);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Who sent the message stored in `space` at `timestamp`: its device's name and that device's user; undefined when none is stored. */
export async function authorOf(sql: Sql, space: string, timestamp: string): Promise<{ device: string; user: string; userId: string } | undefined> {
  const row = await one<{ device: string; user_name: string; user_id: string }>(
    sql,
    `SELECT d.name AS device, u.display_name AS user_name, u.id AS user_id
     FROM messages m JOIN devices d ON d.id = m.device_id JOIN users u ON u.id = d.user_id
     WHERE m.space = ? AND m.timestamp = ?`,
    [space, timestamp],
  );
  return row === undefined ? undefined : { device: row.device, user: row.user_name, userId: row.user_id };
}

/**
 * The sequence number a page ends at (parameters: space, cursor, the newest to read, limit, and
 * bytes twice). Read from the index of sizes alone: the first `limit` messages' sizes summed, and
 * only when they come to more than `bytes` a running sum to find the message that crosses it.
 * (SQL evaluates a CASE branch, and PostgreSQL an uncorrelated subquery, only when reached.)
 */
const END_OF_PAGE = `SELECT CASE WHEN sum(size) <= ? THEN max(seq) ELSE (
    SELECT max(seq) FROM (
      SELECT seq, sum(size) OVER (ORDER BY seq ROWS UNBOUNDED PRECEDING) - size AS before
      FROM (SELECT seq, size FROM messages WHERE space = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?) candidates
    ) sized WHERE before < ?
  ) END
  FROM (SELECT seq, size FROM messages WHERE space = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?) page_head`;

/**
 * A page's messages joined into one text, with how many were read, their size and the last one's
 * sequence number (parameters: device, space, cursor, then END_OF_PAGE's). Joined in the database:
 * one row back instead of one row object per message, built only to have its text joined. In the
 * order read, not sorted again: a device applies a page as a whole (its cursor moves with the
 * last part) and each value by its own timestamp, so the order within a page changes nothing,
 * and sorting cost a fifth of the page read.
 */
export const PAGE_AFTER = `SELECT string_agg(wire, ',') FILTER (WHERE device_id IS DISTINCT FROM ?) AS json, count(*) AS read, sum(size) AS bytes, max(seq) AS last_seq
  FROM messages WHERE space = ? AND seq > ? AND seq <= (${END_OF_PAGE})`;

export async function pageAfter(sql: Sql, space: string, cursor: number, limit: number, device: string | null, maxBytes = BATCH_BYTES, upTo = Number.MAX_SAFE_INTEGER): Promise<SpacePage> {
  // The first `limit` messages after the cursor, up to the head: read twice by END_OF_PAGE.
  const candidates = [space, cursor, upTo, limit];
  const row = await one<{ json: string | null; read: number; bytes: number | null; last_seq: number | null }>(sql, PAGE_AFTER, [device, space, cursor, maxBytes, ...candidates, maxBytes, ...candidates]);
  return {
    json: row?.json ?? '',
    read: Number(row?.read ?? 0),
    bytes: Number(row?.bytes ?? 0),
    lastSeq: row?.last_seq === null || row?.last_seq === undefined ? null : Number(row.last_seq),
  };
}

/** Messages of a space by timestamp (the repair pull after a digest difference). */
export async function messagesFrom(sql: Sql, space: string, from: string, after: string | null, limit: number, maxBytes = BATCH_BYTES): Promise<{ messages: StoredMessage[]; more: boolean }> {
  // As pageAfter: about maxBytes, at least one; `total` says whether any were left for the next ask.
  const rows = await sql.all<{ seq: number; timestamp: string; json: string; total: number }>(
    `SELECT seq, timestamp, json, total FROM (
       SELECT seq, timestamp, wire AS json, count(*) OVER () AS total, sum(octet_length(wire)) OVER (ORDER BY timestamp ROWS UNBOUNDED PRECEDING) - octet_length(wire) AS before
       FROM (SELECT seq, timestamp, wire FROM messages WHERE space = ? AND timestamp >= ? AND timestamp > ? ORDER BY timestamp LIMIT ?) candidates
     ) page WHERE before < ? ORDER BY timestamp`,
    [space, from, after ?? '', limit + 1, maxBytes],
  );
  const taken = rows.slice(0, limit);
  return { messages: taken.map(toStored), more: Number(rows[0]?.total ?? 0) > taken.length };
}

export async function bucketsOfSpace(sql: Sql, space: string): Promise<Bucket[]> {
  const rows = await sql.all<{ bucket: string; hash: number; count: number }>('SELECT bucket, hash, count FROM space_buckets WHERE space = ? ORDER BY bucket', [space]);
  return rows.map((r) => ({ bucket: r.bucket, hash: Number(r.hash), count: Number(r.count) }));
}

/** Where a space stands: its digest, and the sequence number of its newest message (0 when empty). */
export type SpaceHead = { digest: Digest; lastSeq: number };

/** The heads of several spaces in one read; a space that holds nothing has the empty digest. */
export async function headsOfSpaces(sql: Sql, spaces: readonly string[]): Promise<Map<string, SpaceHead>> {
  const heads = new Map<string, SpaceHead>(spaces.map((space) => [space, { digest: { hash: 0, count: 0 }, lastSeq: 0 }]));
  if (spaces.length === 0) return heads;
  const rows = await sql.all<{ space: string; hash: number; count: number; last_seq: number }>(
    `SELECT space, hash, count, last_seq FROM space_digests WHERE space IN (${spaces.map(() => '?').join(', ')})`,
    spaces,
  );
  for (const r of rows) heads.set(r.space, { digest: { hash: Number(r.hash), count: Number(r.count) }, lastSeq: Number(r.last_seq) });
  return heads;
}

/** Every review space that holds anything (what knowledge managers read). */
export async function reviewSpaces(sql: Sql): Promise<string[]> {
  return (await sql.all<{ space: string }>("SELECT space FROM space_digests WHERE space LIKE 'review:%' ORDER BY space")).map((r) => r.space);
}

// Blobs ----------------------------------------------------------------------------------------

export type BlobRow = { sha256: string; size: number; received: number; complete: number };

export async function blobStatus(sql: Sql, sha256: string): Promise<BlobRow | undefined> {
  const row = await one<BlobRow>(sql, 'SELECT sha256, size, received, complete FROM blobs WHERE sha256 = ?', [sha256]);
  return row && { sha256: row.sha256, size: Number(row.size), received: Number(row.received), complete: Number(row.complete) };
}

export async function startBlob(sql: Sql, sha256: string, size: number, userId: string): Promise<void> {
  await sql.run('INSERT INTO blobs (sha256, size, received, complete, created_by, created_at) VALUES (?, ?, 0, 0, ?, ?) ON CONFLICT (sha256) DO NOTHING', [sha256, size, userId, now()]);
}

/** Appends a chunk at `offset` when that is exactly what was received so far; false otherwise. */
export async function appendChunk(sql: Sql, sha256: string, offset: number, data: Buffer): Promise<boolean> {
  return sql.transaction(async (tx) => {
    const claimed = await tx.run('UPDATE blobs SET received = received + ? WHERE sha256 = ? AND received = ? AND complete = 0 AND received + ? <= size', [data.length, sha256, offset, data.length]);
    if (claimed.changes !== 1) return false;
    await tx.run('INSERT INTO blob_chunks (sha256, offset_bytes, data) VALUES (?, ?, ?)', [sha256, offset, data]);
    return true;
  });
}

export async function blobChunks(sql: Sql, sha256: string): Promise<{ offset: number; data: Buffer }[]> {
  const rows = await sql.all<{ offset_bytes: number; data: Buffer }>('SELECT offset_bytes, data FROM blob_chunks WHERE sha256 = ? ORDER BY offset_bytes', [sha256]);
  return rows.map((r) => ({ offset: Number(r.offset_bytes), data: Buffer.from(r.data) }));
}

export async function finishBlob(sql: Sql, sha256: string, ok: boolean): Promise<void> {
  await sql.transaction(async (tx) => {
    if (ok) await tx.run('UPDATE blobs SET complete = 1 WHERE sha256 = ?', [sha256]);
    else {
      await tx.run('DELETE FROM blob_chunks WHERE sha256 = ?', [sha256]);
      await tx.run('UPDATE blobs SET received = 0 WHERE sha256 = ?', [sha256]);
    }
  });
}
