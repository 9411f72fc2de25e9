import { z } from 'zod';
import { isTimestamp } from './hlc';
import { isSpace, ROLES, TEAM_ID_PATTERN } from './spaces';

/**
 * The wire protocol between a device and the central repository (server/). JSON over HTTPS,
 * `Authorization: Bearer <device token>` on every call but enrolment and health. Every body is
 * validated with these schemas on the side that receives it: the server trusts no device, and a
 * device trusts no server answer further than its schema (and then checks each message again
 * before applying it).
 *
 * Endpoints (all under /api/v1 but the health checks):
 *   GET  /health                       → 200 { ok: true } while the process runs
 *   GET  /ready                        → 200 { ok: true } when the database answers, else 503
 *   POST /api/v1/enrol                 EnrolRequest → EnrolResponse (no token; rate limited)
 *   GET  /api/v1/me                    → MeResponse
 *   POST /api/v1/sync                  SyncRequest → SyncResponse
 *   GET  /api/v1/spaces/:space/buckets → BucketsResponse (the space's digest per hour)
 *   GET  /api/v1/spaces/:space/messages?from=<timestamp>&after=<timestamp>&limit=<n>
 *                                      → MessagesResponse (messages with timestamp ≥ from, > after,
 *                                        in timestamp order: the repair pull after a digest differs)
 *   POST /api/v1/blobs/:sha256         BlobStartRequest → BlobStatus (start or resume an upload)
 *   PUT  /api/v1/blobs/:sha256?offset=<n>  raw bytes (application/octet-stream, ≤ BLOB_CHUNK_BYTES)
 *                                      → BlobStatus; 409 { received } when offset ≠ bytes received
 *   GET  /api/v1/blobs/:sha256         the file; honours `Range: bytes=<start>-` to resume
 *   POST /api/v1/authors               AuthorsRequest → AuthorsResponse (who sent messages the
 *                                        device can read: the other side of its conflicts)
 *
 * Errors: 4xx/5xx with ErrorResponse. 400 malformed, 401 no or bad token (or revoked device), 403
 * a space the user may not read or write, 409 blob offset mismatch, 413 too large, 422 a clock too
 * far off or a blob whose bytes do not match its sha256, 426 protocol version not served, 429 too
 * many sign-in attempts.
 */

export const PROTOCOL_VERSION = 1;
export const MAX_MESSAGES_PER_REQUEST = 5000;
export const MAX_MESSAGES_PER_RESPONSE = 5000;
/** The largest sync request body the server accepts. */
export const MAX_SYNC_BODY_BYTES = 32 * 1024 * 1024;
/**
 * About how many bytes of messages a full batch carries each way (a device's push, a server's
 * answer), far below MAX_SYNC_BODY_BYTES: a day of large notes goes in several requests, and an
 * answer stays a few megabytes however large the messages. Smaller batches ask for less.
 */
export const BATCH_BYTES = 8 * 1024 * 1024;
export const MAX_VALUE_CHARS = 4 * 1024 * 1024;
export const MAX_ROW_CHARS = 300;
export const MAX_COLUMNS_PER_MESSAGE = 64;
export const BLOB_CHUNK_BYTES = 1024 * 1024;
/** Same as the largest attachment a device accepts (core/api/limits.ts). */
export const MAX_BLOB_BYTES = 25 * 1024 * 1024;

const space = z.string().refine(isSpace, { message: 'not a space' });

/** A column's value on the wire: text, a finite number or null (an integer column is a whole number). */
export type SyncValue = string | number | null;

/**
 * One change to one synced row at one HLC time: the columns it set, with their new values. Per
 * column it is last-writer-wins by timestamp; a delete is `deleted: 1` like any other column.
 */
export type SyncMessage = { timestamp: string; space: string; dataset: string; row: string; values: Record<string, SyncValue> };

const NAME = /^[a-z][a-z0-9_]{0,63}$/;
const MESSAGE_FIELDS = new Set(['timestamp', 'space', 'dataset', 'row', 'values']);
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const hasControlCharacter = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x1f || code === 0x7f) return true;
  }
  return false;
};

/** A JSON object (not null, not a list). */
export const isJsonObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What is wrong with a message and where, or null. Written out rather than composed from zod
 * parts: every message of every sync passes here, and zod's general walk cost the server about as
 * much as storing the messages.
 */
export function messageProblem(value: unknown): { path: string[]; message: string } | null {
  const at = (path: string[], message: string) => ({ path, message });
  if (!isJsonObject(value)) return at([], 'is not a message');
  for (const key of Object.keys(value)) if (!MESSAGE_FIELDS.has(key)) return at([key], 'is not a field of a message');
  const { timestamp, space, dataset, row, values } = value;
  if (typeof timestamp !== 'string' || !isTimestamp(timestamp)) return at(['timestamp'], 'not a sync timestamp');
  if (typeof space !== 'string' || !isSpace(space)) return at(['space'], 'not a space');
  if (typeof dataset !== 'string' || !NAME.test(dataset)) return at(['dataset'], 'not a table name');
  // A row id is a key stored as text on both databases: no control characters (PostgreSQL text
  // cannot hold U+0000) and no unpaired surrogate (it would be stored as U+FFFD, another key).
  if (typeof row !== 'string' || row.length === 0 || row.length > MAX_ROW_CHARS) return at(['row'], `a row id is text of 1 to ${MAX_ROW_CHARS} characters`);
  if (hasControlCharacter(row)) return at(['row'], 'a row id may not contain control characters');
  if (UNPAIRED_SURROGATE.test(row)) return at(['row'], 'a row id may not contain an unpaired surrogate');
  if (!isJsonObject(values)) return at(['values'], 'not a set of column values');
  const columns = Object.keys(values);
  if (columns.length === 0 || columns.length > MAX_COLUMNS_PER_MESSAGE) return at(['values'], `a message sets 1 to ${MAX_COLUMNS_PER_MESSAGE} columns`);
  for (const column of columns) {
    if (!NAME.test(column)) return at(['values', column], 'not a column name');
    const v = values[column];
    if (typeof v === 'string' ? v.length > MAX_VALUE_CHARS : v !== null && !(typeof v === 'number' && Number.isFinite(v))) {
      return at(['values', column], `must be text of at most ${MAX_VALUE_CHARS} characters, a finite number or null`);
    }
  }
  return null;
}

export const syncMessageSchema = z.custom<SyncMessage>().superRefine((value, context) => {
  const problem = messageProblem(value);
  if (problem !== null) context.addIssue({ code: 'custom', message: problem.message, path: problem.path });
});

export const digestSchema = z.strictObject({ hash: z.number().int().min(0), count: z.number().int().min(0) });
export const bucketSchema = z.strictObject({ bucket: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}$/), hash: z.number().int().min(0), count: z.number().int().min(0) });

export const userSchema = z.strictObject({ id: z.string(), name: z.string(), displayName: z.string(), role: z.enum(ROLES) });
export type SyncUser = z.infer<typeof userSchema>;

/**
 * Characters a name shown to other people may not hold: control characters (tabs, line breaks,
 * terminal escapes, which would rewrite an administrator's terminal or break the admin CLI's
 * columns) and the bidirectional overrides that make text read other than it is stored.
 */
export const UNPRINTABLE_IN_NAME = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

export const enrolRequestSchema = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(1000),
  deviceName: z
    .string()
    .min(1)
    .max(200)
    .refine((name) => !UNPRINTABLE_IN_NAME.test(name), 'may not contain tabs, line breaks or other control characters'),
});
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;

export const enrolResponseSchema = z.strictObject({
  token: z.string().min(32).max(200),
  deviceId: z.string(),
  user: userSchema,
  serverTime: z.string(),
});
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;

export const teamSchema = z.strictObject({ id: z.string().regex(TEAM_ID_PATTERN), name: z.string().min(1).max(200) });
export type SyncTeam = z.infer<typeof teamSchema>;

/** Who the device acts for: its user, the teams the user belongs to now, the spaces it may read. */
export const meResponseSchema = z.strictObject({ user: userSchema, deviceId: z.string(), teams: z.array(teamSchema).max(1000), spaces: z.array(space), serverTime: z.string() });
export type MeResponse = z.infer<typeof meResponseSchema>;

/**
 * One round: push what the device has not yet sent, pull what it lacks. `spaces` holds the pull
 * cursor of every space the device knows (0 for a new one); the server answers for every space the
 * user may read, so a device learns of new spaces (a manager, of a new author's review space).
 */
export const syncRequestSchema = z.strictObject({
  protocol: z.number().int(),
  /** The device's database schema version, for the server's logs and for refusing old clients. */
  schema: z.number().int().min(0),
  clientTime: z.string(),
  messages: z.array(syncMessageSchema).max(MAX_MESSAGES_PER_REQUEST),
  spaces: z.record(space, z.strictObject({ cursor: z.number().int().min(0) })),
  /**
   * Most messages to return in this answer (the server may return fewer). 0 stores the messages
   * and pulls nothing: the answer names no space (a device sending a long outbox in batches).
   */
  limit: z.number().int().min(0).max(MAX_MESSAGES_PER_RESPONSE).optional(),
});
export type SyncRequest = z.infer<typeof syncRequestSchema>;

export const spaceStateSchema = z.strictObject({
  /** Pass back as the cursor next time (after applying `messages`). */
  cursor: z.number().int().min(0),
  /** True when more messages wait after this answer's. */
  more: z.boolean(),
  /** The space's digest on the server after this request's messages were stored. */
  digest: digestSchema,
});
export type SpaceState = z.infer<typeof spaceStateSchema>;

export const syncResponseSchema = z.strictObject({
  serverTime: z.string(),
  /** How many of the pushed messages were new to the server (the rest it already had). */
  stored: z.number().int().min(0),
  /** Messages the device lacks, from other devices, in the order the server stored them. */
  messages: z.array(syncMessageSchema),
  spaces: z.record(space, spaceStateSchema),
});
export type SyncResponse = z.infer<typeof syncResponseSchema>;

export const bucketsResponseSchema = z.strictObject({ space, buckets: z.array(bucketSchema) });
export type BucketsResponse = z.infer<typeof bucketsResponseSchema>;

export const messagesResponseSchema = z.strictObject({ messages: z.array(syncMessageSchema), more: z.boolean() });
export type MessagesResponse = z.infer<typeof messagesResponseSchema>;

/** The most messages one authors request asks about. */
export const MAX_AUTHORS_PER_REQUEST = 100;
const messageRef = z.strictObject({ space, timestamp: z.string().refine(isTimestamp, { message: 'not a sync timestamp' }) });
export const authorsRequestSchema = z.strictObject({ messages: z.array(messageRef).min(1).max(MAX_AUTHORS_PER_REQUEST) });
export type AuthorsRequest = z.infer<typeof authorsRequestSchema>;
/** Who sent each message asked about: the device's name and its user. A message the server does not hold, or in a space the user may not read, is left out. */
export const authorsResponseSchema = z.strictObject({
  authors: z.array(
    z.strictObject({ space, timestamp: z.string(), device: z.string().max(200), user: z.string(), userId: z.string() }),
  ).max(MAX_AUTHORS_PER_REQUEST),
});
export type AuthorsResponse = z.infer<typeof authorsResponseSchema>;

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;
export const blobStartRequestSchema = z.strictObject({ size: z.number().int().min(0) });
export const blobStatusSchema = z.strictObject({ sha256: z.string().regex(SHA256_PATTERN), size: z.number().int().min(0), received: z.number().int().min(0), complete: z.boolean() });
export type BlobStatus = z.infer<typeof blobStatusSchema>;

/** Every error answer: a stable code, an English message naming what is wrong, and where when known. */
export const errorResponseSchema = z.strictObject({
  error: z.strictObject({ code: z.string(), message: z.string(), where: z.string().optional() }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
