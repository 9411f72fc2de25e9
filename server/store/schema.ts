import { DIGEST_MODULUS } from '../../core/sync/digest';
import type { Sql } from './sql';

/**
 * The server's tables, created or brought up to date at start-up (each step once, in order,
 * recorded in schema_version). Written once for both databases; only the auto-numbered key and
 * the binary type differ. Several processes may start at once on one PostgreSQL: the steps run in
 * a transaction holding an advisory lock.
 */
type Dialect = { dialect: Sql['dialect']; serial: string; bytes: string; quote: (column: string) => string };

const STEPS: ((d: Dialect) => string[])[] = [
  ({ serial, bytes }) => [
    `CREATE TABLE users (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      display_name TEXT NOT NULL,
      role TEXT NOT NULL,
      password_hash TEXT NOT NULL,
      disabled INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    )`,
    `CREATE TABLE devices (
      id TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users(id),
      name TEXT NOT NULL,
      token_hash TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      last_seen_at TEXT,
      revoked_at TEXT
    )`,
    `CREATE TABLE messages (
      seq ${serial},
      space TEXT NOT NULL,
      timestamp TEXT NOT NULL,
      dataset TEXT NOT NULL,
      row_name TEXT NOT NULL,
      vals TEXT NOT NULL,
      device_id TEXT NOT NULL,
      received_at TEXT NOT NULL,
      UNIQUE (space, timestamp)
    )`,
    'CREATE INDEX messages_space_seq ON messages (space, seq)',
    `CREATE TABLE space_buckets (
      space TEXT NOT NULL,
      bucket TEXT NOT NULL,
      hash BIGINT NOT NULL,
      count BIGINT NOT NULL,
      PRIMARY KEY (space, bucket)
    )`,
    `CREATE TABLE blobs (
      sha256 TEXT PRIMARY KEY,
      size BIGINT NOT NULL,
      received BIGINT NOT NULL DEFAULT 0,
      complete INTEGER NOT NULL DEFAULT 0,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`,
    `CREATE TABLE blob_chunks (
      sha256 TEXT NOT NULL,
      offset_bytes BIGINT NOT NULL,
      data ${bytes} NOT NULL,
      PRIMARY KEY (sha256, offset_bytes)
    )`,
    `CREATE TABLE audit (
      id ${serial},
      at TEXT NOT NULL,
      user_id TEXT,
      device_id TEXT,
      action TEXT NOT NULL,
      detail TEXT NOT NULL
    )`,
    `CREATE TABLE sign_in_failures (
      username TEXT NOT NULL,
      ip TEXT NOT NULL,
      at TEXT NOT NULL
    )`,
    'CREATE INDEX sign_in_failures_user ON sign_in_failures (username, at)',
    'CREATE INDEX sign_in_failures_ip ON sign_in_failures (ip, at)',
  ],
  // Each space's whole digest kept as one row, so a sync answer reads it at once instead of
  // summing every hour the space has ever had.
  () => [
    `CREATE TABLE space_digests (
      space TEXT PRIMARY KEY,
      hash BIGINT NOT NULL,
      count BIGINT NOT NULL
    )`,
    `INSERT INTO space_digests (space, hash, count)
     SELECT space, sum(hash) % ${DIGEST_MODULUS}, sum(count) FROM space_buckets GROUP BY space`,
  ],
  // Account teams: their members read and write the team's space (team:<id>).
  () => [
    `CREATE TABLE teams (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL
    )`,
    `CREATE TABLE team_members (
      team_id TEXT NOT NULL REFERENCES teams(id),
      user_id TEXT NOT NULL REFERENCES users(id),
      added_at TEXT NOT NULL,
      PRIMARY KEY (team_id, user_id)
    )`,
    'CREATE INDEX team_members_user ON team_members (user_id)',
  ],
  // Each space's newest sequence number beside its digest: a sync reads the messages of only the
  // spaces that have something after the device's cursor.
  () => [
    'ALTER TABLE space_digests ADD COLUMN last_seq BIGINT NOT NULL DEFAULT 0',
    'UPDATE space_digests SET last_seq = COALESCE((SELECT max(seq) FROM messages WHERE messages.space = space_digests.space), 0)',
  ],
  // Each message kept as the JSON a device receives, written once when it is stored: a pull then
  // reads text instead of building it per message on every read (500 devices pulling at once
  // spent a third of the server's database time building it).
  ({ quote }) => [
    'ALTER TABLE messages RENAME COLUMN vals TO wire',
    `UPDATE messages SET wire = '{"timestamp":' || ${quote('timestamp')} || ',"space":' || ${quote('space')} || ',"dataset":' || ${quote('dataset')} || ',"row":' || ${quote('row_name')} || ',"values":' || wire || '}'`,
  ],
  // Each message's size in bytes beside its sequence number in the index a pull reads: where a
  // page ends is found in the index alone, and the messages' rows are read once, for the page
  // itself (the page read was the largest statement of a 500-device burst).
  // On PostgreSQL the primary key becomes the message's own key, its space and timestamp, instead
  // of the sequence number: a page read is prepared once and then run with a generic plan, which
  // knows no space; where most messages are in one space (a published knowledge base), that plan
  // walked the key on seq alone and filtered every space's messages (20 times the work of a burst).
  // Only the index of a space's sequence numbers can serve a page now. SQLite plans each statement
  // with the index whatever the space, and its seq is the table's rowid.
  ({ dialect }) => [
    'ALTER TABLE messages ADD COLUMN size BIGINT NOT NULL DEFAULT 0',
    'UPDATE messages SET size = octet_length(wire)',
    'CREATE INDEX messages_space_seq_size ON messages (space, seq, size)',
    'DROP INDEX messages_space_seq',
    ...(dialect === 'postgres'
      ? [
          'ALTER TABLE messages DROP CONSTRAINT messages_pkey',
          'ALTER TABLE messages ADD CONSTRAINT messages_pkey PRIMARY KEY (space, timestamp)',
          'ALTER TABLE messages DROP CONSTRAINT messages_space_timestamp_key',
        ]
      : []),
  ],
];

export async function migrateServer(sql: Sql): Promise<void> {
  const dialect: Dialect =
    sql.dialect === 'postgres'
      ? { dialect: 'postgres', serial: 'BIGSERIAL PRIMARY KEY', bytes: 'BYTEA', quote: (column) => `to_json(${column})::text` }
      : { dialect: 'sqlite', serial: 'INTEGER PRIMARY KEY', bytes: 'BLOB', quote: (column) => `json_quote(${column})` };
  await sql.transaction(async (tx) => {
    if (tx.dialect === 'postgres') await tx.all('SELECT pg_advisory_xact_lock(4242001)');
    await tx.run('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const current = Number((await tx.all<{ v: number | null }>('SELECT max(version) AS v FROM schema_version'))[0]?.v ?? 0);
    if (current > STEPS.length) throw new Error(`the server database is at schema version ${current}, newer than this server (${STEPS.length}); update the server`);
    for (let version = current + 1; version <= STEPS.length; version++) {
      for (const statement of STEPS[version - 1]?.(dialect) ?? []) await tx.run(statement);
      await tx.run('INSERT INTO schema_version (version) VALUES (?)', [version]);
    }
  });
}
