import crypto from 'node:crypto';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { z } from 'zod';
import { MAX_DRIFT_MS } from '../core/sync/hlc';
import {
  authorsRequestSchema,
  BATCH_BYTES,
  BLOB_CHUNK_BYTES,
  blobStartRequestSchema,
  enrolRequestSchema,
  MAX_BLOB_BYTES,
  MAX_MESSAGES_PER_RESPONSE,
  MAX_SYNC_BODY_BYTES,
  PROTOCOL_VERSION,
  SHA256_PATTERN,
  syncRequestSchema,
  type AuthorsResponse,
  type BlobStatus,
  type MeResponse,
  type SyncMessage,
} from '../core/sync/protocol';
import { canRead, canWrite, isSpace, ownSpace, PUBLISHED_SPACE, readsAllReviewSpaces, reviewSpace, spaceKind, tableBelongs, teamSpace, type Actor } from '../core/sync/spaces';
import { submissionColumnRefused } from '../core/review/authority';
import { dummyHash, hashToken, newId, newToken, verifyPassword } from './auth';
import type { Sql } from './store/sql';
import {
  actorOfToken,
  addDevice,
  authorOf,
  appendChunk,
  audit,
  blobChunks,
  blobStatus,
  bucketsOfSpace,
  clearFailures,
  findUserByName,
  finishBlob,
  messagesFrom,
  recentFailures,
  recordFailure,
  reviewSpaces,
  startBlob,
  storeAndPull,
  storeMessages,
  userNames,
  type AfterStore,
  type DeviceActor,
  type Exchange,
} from './store/store';
import { messagesResponseJson, syncResponseJson } from './wire';
import { auditEntriesOf, decisionAuthors } from './audit-entries';
import { databaseUnavailable } from './store/unavailable';

/**
 * The central repository's HTTP API (the protocol in core/sync/protocol.ts). It authenticates
 * devices, checks each message's space against the user (and the table against the space), stores
 * messages once, and hands out what a device may read. It never looks inside a message's values.
 */

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_USER = 5;
export const MAX_FAILURES_PER_IP = 20;
const DEFAULT_PULL = 2000;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly where?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function parse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.join('.') ?? '';
  throw new HttpError(400, 'bad_request', `${where === '' ? 'the body' : where}: ${issue?.message ?? 'is not valid'}`, where);
}

/**
 * A store that ran out of room: SQLite's SQLITE_FULL, PostgreSQL's disk_full (53100), the file
 * system's ENOSPC or a quota. Devices are told so (507) instead of "the server failed"; what they
 * sent stays in their outbox.
 */
function storageFull(error: { code?: unknown }): boolean {
  const code = typeof error.code === 'string' ? error.code : '';
  return code === 'SQLITE_FULL' || code === '53100' || code === 'ENOSPC' || code === 'EDQUOT';
}

/** Seconds a client is asked to wait before it tries again when the database is unavailable. */
const RETRY_AFTER_SECONDS = 30;

export type AppOptions = {
  sql: Sql;
  logger?: FastifyServerOptions['logger'];
  https?: { cert: Buffer; key: Buffer } | undefined;
  /** Reverse proxies whose X-Forwarded-For names the client (config.ts, TRUST_PROXY). */
  trustProxy?: readonly string[];
  now?: () => number;
};

export function createApp({ sql, logger = false, https, trustProxy = [], now = Date.now }: AppOptions): FastifyInstance {
  // One log line per request, written when it is answered (Fastify's default is two).
  const options = {
    logger,
    bodyLimit: MAX_SYNC_BODY_BYTES,
    logController: new LogController({ disableRequestLogging: true }),
    ...(trustProxy.length > 0 ? { trustProxy: [...trustProxy] } : {}),
  };
  const app = (https ? Fastify({ ...options, https }) : Fastify(options)) as unknown as FastifyInstance;
  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });

  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: BLOB_CHUNK_BYTES }, (_req, body, done) => done(null, body));

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (error instanceof HttpError) {
      void reply
        .code(error.status)
        .headers(error.headers)
        .send({ error: { code: error.code, message: error.message, ...(error.where === undefined ? {} : { where: error.where }) } });
      return;
    }
    const status = error.statusCode ?? 500;
    if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      void reply.code(413).send({ error: { code: 'too_large', message: 'the request body is larger than the server accepts' } });
      return;
    }
    if (status >= 400 && status < 500) {
      const code = error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'unsupported_type' : 'bad_request';
      void reply.code(status === 415 ? 415 : 400).send({ error: { code, message: error.message } });
      return;
    }
    if (storageFull(error)) {
      request.log.error({ err: error }, 'storage full');
      void reply.code(507).send({ error: { code: 'storage_full', message: "the server's storage is full; nothing was stored, and an administrator must free space before it takes more" } });
      return;
    }
    if (databaseUnavailable(error)) {
      request.log.error({ err: error }, 'database unavailable');
      void reply
        .code(503)
        .header('retry-after', String(RETRY_AFTER_SECONDS))
        .send({ error: { code: 'unavailable', message: "the server cannot reach its database right now; nothing was stored, try again in a minute" } });
      return;
    }
    request.log.error({ err: error }, 'request failed');
    void reply.code(500).send({ error: { code: 'internal', message: 'the server failed; the error is in its log' } });
  });
  app.setNotFoundHandler((_request, reply) => {
    void reply.code(404).send({ error: { code: 'not_found', message: 'no such endpoint' } });
  });

  const authenticate = async (request: FastifyRequest): Promise<DeviceActor> => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
    if (!match?.[1]) throw new HttpError(401, 'unauthenticated', 'a device token is required (Authorization: Bearer …)');
    const actor = await actorOfToken(sql, hashToken(match[1]));
    if (actor === null) throw new HttpError(401, 'unauthenticated', 'this device token is not valid: unknown, revoked, or its user is disabled');
    return actor;
  };

  app.get('/health', async () => ({ ok: true }));
  app.get('/ready', async (_request, reply) => {
    try {
      await sql.all('SELECT 1 AS ok');
      return { ok: true };
    } catch {
      return reply.code(503).send({ ok: false });
    }
  });

  app.post('/api/v1/enrol', { bodyLimit: 64 * 1024 }, async (request) => {
    const body = parse(enrolRequestSchema, request.body);
    const ip = request.ip;
    const since = new Date(now() - SIGN_IN_WINDOW_MS).toISOString();
    const failures = await recentFailures(sql, body.username, ip, since);
    if (failures.user >= MAX_FAILURES_PER_USER || failures.ip >= MAX_FAILURES_PER_IP) {
      await audit(sql, { userId: null, deviceId: null, action: 'sign_in_limited', detail: { username: body.username, ip } });
      throw new HttpError(429, 'rate_limited', 'too many failed sign-ins; try again later', undefined, { 'retry-after': String(SIGN_IN_WINDOW_MS / 1000) });
    }
    const user = await findUserByName(sql, body.username);
    const valid = await verifyPassword(body.password, user?.password_hash ?? (await dummyHash()));
    if (!user || !valid) {
      await sql.transaction(async (tx) => {
        await recordFailure(tx, body.username, ip);
        await audit(tx, { userId: user?.id ?? null, deviceId: null, action: 'sign_in_failed', detail: { username: body.username, ip } });
      });
      throw new HttpError(401, 'sign_in', 'the user name or password is not right');
    }
    if (Number(user.disabled) !== 0) {
      await audit(sql, { userId: user.id, deviceId: null, action: 'sign_in_refused', detail: { reason: 'disabled', ip } });
      throw new HttpError(403, 'disabled', 'this account is disabled');
    }
    const token = newToken();
    const deviceId = newId();
    // The device and its audit entry are committed together, or neither is.
    await sql.transaction(async (tx) => {
      await clearFailures(tx, body.username);
      await addDevice(tx, { id: deviceId, userId: user.id, name: body.deviceName, tokenHash: hashToken(token) });
      await audit(tx, { userId: user.id, deviceId, action: 'enrol', detail: { deviceName: body.deviceName, ip } });
    });
    return { token, deviceId, user: { id: user.id, name: user.name, displayName: user.display_name, role: user.role }, serverTime: new Date(now()).toISOString() };
  });

  const rulesActor = (actor: DeviceActor): Actor => ({ userId: actor.userId, role: actor.role, teams: actor.teams.map((t) => t.id) });

  /**
   * The spaces a sync answers for, in the order their messages fill an answer: the user's own
   * space first (a row shared with a team is announced there before the team's messages for it
   * arrive), then the user's review space, the published space, the user's teams, and — for
   * knowledge managers — every review space. A team space the user has left is dropped (the
   * device learns its teams from /me); any other space the user may not read is refused.
   */
  const readableSpaces = async (actor: DeviceActor, asked: readonly string[]): Promise<string[]> => {
    const a = rulesActor(actor);
    const spaces = [ownSpace(actor.userId), reviewSpace(actor.userId), PUBLISHED_SPACE, ...actor.teams.map((t) => teamSpace(t.id))];
    if (readsAllReviewSpaces(a)) spaces.push(...(await reviewSpaces(sql)));
    for (const s of asked) {
      if (canRead(a, s)) spaces.push(s);
      else if (spaceKind(s) !== 'team') throw new HttpError(403, 'forbidden', `${actor.userName} may not read ${s}`, s);
    }
    return [...new Set(spaces)];
  };

  app.get('/api/v1/me', async (request): Promise<MeResponse> => {
    const actor = await authenticate(request);
    return {
      user: { id: actor.userId, name: actor.userName, displayName: actor.displayName, role: actor.role },
      deviceId: actor.deviceId,
      teams: actor.teams,
      spaces: await readableSpaces(actor, []),
      serverTime: new Date(now()).toISOString(),
    };
  });

  app.post('/api/v1/sync', async (request, reply) => {
    const actor = await authenticate(request);
    const raw = request.body as { protocol?: unknown } | null;
    // The protocol version first: a newer client's body may not fit this server's schema at all.
    if (raw && typeof raw === 'object' && typeof raw.protocol === 'number' && raw.protocol !== PROTOCOL_VERSION) {
      throw new HttpError(426, 'upgrade', `this server speaks sync protocol ${PROTOCOL_VERSION}, not ${raw.protocol}`);
    }
    const body = parse(syncRequestSchema, request.body);
    const clientTime = Date.parse(body.clientTime);
    if (Number.isNaN(clientTime)) throw new HttpError(400, 'bad_request', 'clientTime: is not a time', 'clientTime');
    const drift = clientTime - now();
    if (Math.abs(drift) > MAX_DRIFT_MS) {
      throw new HttpError(422, 'clock_drift', `the device clock is ${Math.round(drift / 60000)} minutes off the server's; at most ${MAX_DRIFT_MS / 60000} are accepted`);
    }
    const a = rulesActor(actor);
    for (const [i, m] of body.messages.entries()) {
      if (!canWrite(a, m.space)) throw new HttpError(403, 'forbidden', `${actor.userName} may not write ${m.space}`, `messages.${i}.space`);
      if (!tableBelongs(m.space, m.dataset)) throw new HttpError(400, 'bad_request', `${m.dataset} does not belong in ${m.space}`, `messages.${i}.dataset`);
      const refused = submissionColumnRefused(a, m);
      if (refused !== null) throw new HttpError(403, 'forbidden', `only a knowledge manager decides a submission: ${actor.userName} may not set its ${refused} so`, `messages.${i}.values.${refused}`);
    }
    const answer = (exchange: Exchange) =>
      reply.type('application/json; charset=utf-8').send(syncResponseJson({ serverTime: new Date(now()).toISOString(), stored: exchange.stored.length, pages: exchange.pages, spaces: exchange.spaces }));
    // A push that pulls nothing (a long outbox sent in batches): the answer names no space.
    if (body.limit === 0) return answer({ stored: await storeMessages(sql, body.messages, actor, auditOfWrites(actor, body.messages)), pages: [], spaces: {} });
    // Which spaces it may read is settled before anything is stored, so a refusal stores nothing.
    const spaces = await readableSpaces(actor, Object.keys(body.spaces));
    const room = Math.min(body.limit ?? DEFAULT_PULL, MAX_MESSAGES_PER_RESPONSE);
    // The answer's size across spaces too (a knowledge manager reads every review space), in
    // proportion to the messages asked for: a device whose answers were cut asks for fewer, and
    // a link that drops long answers then gets short ones, however large the messages.
    const bytes = Math.ceil((BATCH_BYTES * room) / MAX_MESSAGES_PER_RESPONSE);
    const asks = spaces.map((space) => ({ space, cursor: body.spaces[space]?.cursor ?? 0 }));
    return answer(await storeAndPull(sql, body.messages, actor, asks, room, bytes, auditOfWrites(actor, body.messages)));
  });

  // Who sent messages the device can read: a device names the other side of its conflicts with it.
  app.post('/api/v1/authors', { bodyLimit: 64 * 1024 }, async (request): Promise<AuthorsResponse> => {
    const actor = await authenticate(request);
    const body = parse(authorsRequestSchema, request.body);
    const a = rulesActor(actor);
    const authors: AuthorsResponse['authors'] = [];
    // A space the user may not read (a team left since) is answered as nothing stored there.
    for (const m of body.messages.filter((x) => canRead(a, x.space))) {
      const found = await authorOf(sql, m.space, m.timestamp);
      if (found !== undefined) authors.push({ space: m.space, timestamp: m.timestamp, ...found });
    }
    return { authors };
  });

  /**
   * The audit entries of what a sync stores (audit-entries.ts), its authors named as the
   * administrator knows them, written in the store's transaction; undefined when nothing sent
   * could need one: only the published and review spaces have anything to audit, so a push of
   * notes is stored as it would be without an audit log.
   */
  const auditOfWrites = (actor: DeviceActor, messages: readonly SyncMessage[]): AfterStore | undefined => {
    const audited = messages.filter((m) => m.space === PUBLISHED_SPACE || spaceKind(m.space) === 'review');
    if (audited.length === 0) return undefined;
    return async (tx, keys) => {
      const fresh = new Set(keys.map((k) => `${k.space}\n${k.timestamp}`));
      const stored = audited.filter((m) => fresh.has(`${m.space}\n${m.timestamp}`));
      if (stored.length === 0) return;
      const names = await userNames(tx, decisionAuthors(stored));
      for (const entry of auditEntriesOf(stored, (id) => names.get(id) ?? id)) await audit(tx, { userId: actor.userId, deviceId: actor.deviceId, action: entry.action, detail: entry.detail });
    };
  };

  const spaceParam = (request: FastifyRequest, actor: DeviceActor): string => {
    const space = (request.params as { space?: string }).space ?? '';
    if (!isSpace(space)) throw new HttpError(400, 'bad_request', 'not a space', 'space');
    if (!canRead(rulesActor(actor), space)) throw new HttpError(403, 'forbidden', `${actor.userName} may not read ${space}`, space);
    return space;
  };

  app.get('/api/v1/spaces/:space/buckets', async (request) => {
    const actor = await authenticate(request);
    const space = spaceParam(request, actor);
    return { space, buckets: await bucketsOfSpace(sql, space) };
  });

  app.get('/api/v1/spaces/:space/messages', async (request, reply) => {
    const actor = await authenticate(request);
    const space = spaceParam(request, actor);
    const query = request.query as { from?: string; after?: string; limit?: string };
    const from = query.from ?? '';
    if (!/^\d{4}-\d{2}-\d{2}T/.test(from)) throw new HttpError(400, 'bad_request', 'from: must be a time', 'from');
    const limit = Math.min(MAX_MESSAGES_PER_RESPONSE, Math.max(1, Number(query.limit ?? DEFAULT_PULL) || DEFAULT_PULL));
    return reply.type('application/json; charset=utf-8').send(messagesResponseJson(await messagesFrom(sql, space, from, query.after ?? null, limit)));
  });

  const shaParam = (request: FastifyRequest): string => {
    const sha = (request.params as { sha?: string }).sha ?? '';
    if (!SHA256_PATTERN.test(sha)) throw new HttpError(400, 'bad_request', 'not a sha256 (64 lowercase hex digits)', 'sha256');
    return sha;
  };
  const statusOf = async (sha: string): Promise<BlobStatus> => {
    const row = await blobStatus(sql, sha);
    if (!row) throw new HttpError(404, 'not_found', 'no upload of this file was started');
    return { sha256: row.sha256, size: row.size, received: row.received, complete: row.complete === 1 };
  };

  app.post('/api/v1/blobs/:sha', { bodyLimit: 4096 }, async (request) => {
    const actor = await authenticate(request);
    const sha = shaParam(request);
    const { size } = parse(blobStartRequestSchema, request.body);
    if (size > MAX_BLOB_BYTES) throw new HttpError(413, 'too_large', `the file is ${size} bytes; at most ${MAX_BLOB_BYTES} are accepted`);
    const existing = await blobStatus(sql, sha);
    if (existing && existing.size !== size) throw new HttpError(409, 'size_mismatch', `an upload of this file with ${existing.size} bytes exists`);
    if (!existing) await startBlob(sql, sha, size, actor.userId);
    const status = await statusOf(sha);
    // Every byte arrived but the upload was never checked: the server stopped between the last
    // chunk and the check, or the file is empty. No chunk is left to send, so it is checked now
    // (and starts over from 0 if the bytes are not what they were named).
    if (status.complete || status.received < status.size) return status;
    await settleUpload(sha);
    return statusOf(sha);
  });

  /** Checks an upload whose bytes have all arrived against the sha256 it was sent under: complete, or emptied to start again. True when complete. */
  const settleUpload = async (sha: string): Promise<boolean> => {
    const hash = crypto.createHash('sha256');
    for (const chunk of await blobChunks(sql, sha)) hash.update(chunk.data);
    const matches = hash.digest('hex') === sha;
    await finishBlob(sql, sha, matches);
    return matches;
  };

  app.put('/api/v1/blobs/:sha', async (request, reply: FastifyReply) => {
    await authenticate(request);
    const sha = shaParam(request);
    const offset = Number((request.query as { offset?: string }).offset);
    if (!Number.isSafeInteger(offset) || offset < 0) throw new HttpError(400, 'bad_request', 'offset: must be a whole number of bytes', 'offset');
    const data = request.body;
    if (!Buffer.isBuffer(data) || data.length === 0) throw new HttpError(400, 'bad_request', 'the body must be the bytes (application/octet-stream)');
    const status = await statusOf(sha);
    if (status.complete) return status;
    if (offset !== status.received) return reply.code(409).send({ error: { code: 'offset', message: `the server has ${status.received} bytes; send from there`, where: String(status.received) } });
    if (offset + data.length > status.size) throw new HttpError(400, 'bad_request', `the chunk goes past the declared size (${status.size} bytes)`);
    if (!(await appendChunk(sql, sha, offset, data))) {
      const now = await statusOf(sha);
      return reply.code(409).send({ error: { code: 'offset', message: `the server has ${now.received} bytes; send from there`, where: String(now.received) } });
    }
    const after = await statusOf(sha);
    if (after.received < after.size) return after;
    if (!(await settleUpload(sha))) throw new HttpError(422, 'hash_mismatch', 'the bytes received do not have the sha256 they were sent under; the upload starts again from 0');
    return statusOf(sha);
  });

  app.get('/api/v1/blobs/:sha', async (request, reply) => {
    await authenticate(request);
    const sha = shaParam(request);
    const status = await statusOf(sha);
    if (!status.complete) throw new HttpError(404, 'not_found', 'this file has not been uploaded completely');
    const range = /^bytes=(\d+)-$/.exec(request.headers.range ?? '');
    const start = range?.[1] === undefined ? 0 : Number(range[1]);
    if (start > status.size) throw new HttpError(416, 'range', `the file has ${status.size} bytes`);
    const parts = (await blobChunks(sql, sha)).map((c) => (c.offset + c.data.length <= start ? null : c.offset >= start ? c.data : c.data.subarray(start - c.offset))).filter((b): b is Buffer => b !== null);
    const body = Buffer.concat(parts);
    void reply.header('content-type', 'application/octet-stream').header('accept-ranges', 'bytes');
    if (range) void reply.code(206).header('content-range', `bytes ${start}-${status.size - 1}/${status.size}`);
    return reply.send(body);
  });

  return app;
}
