import { bucketStart, digestOf, firstDifference, sameDigest, type Digest } from '../../../core/sync/digest';
import { BATCH_BYTES, PROTOCOL_VERSION, type AuthorsRequest, type AuthorsResponse, type BucketsResponse, type MeResponse, type MessagesResponse, type SyncMessage, type SyncRequest, type SyncResponse } from '../../../core/sync/protocol';
import { submissionColumnRefused } from '../../../core/review/authority';
import { canRead, canWrite, ownSpace, PUBLISHED_SPACE, reviewSpace, teamSpace, type Actor } from '../../../core/sync/spaces';
import { msg } from '../../../core/api/message';
import { ApiFailure } from '../../../core/api/result';
import { recordKindWords } from '../../../core/sync/record-words';
import { transact } from '../db/changes';
import type { Db } from '../db/connection';
import { applyIncoming, type ApplyResult, type RunItem } from './apply';
import { acknowledge, heldSpaces, localBuckets, localCount, newestUnsent, outbox, outboxSize, resendHour, whileSending, type OutboxMessage, type UnsentCells } from './log';
import { actorOf, readBatchBytes, readCursors, refreshAccount, saveBatchBytes, saveCursors, type SyncIdentity } from './state';

/**
 * One sync, independent of how bytes travel: rounds of push-and-pull until nothing is left either
 * way, then a digest check per space that repairs any gap (a message the cursor skipped, one lost
 * by an earlier version, a restored backup) by pulling the differing hours again. Each round's
 * acknowledgements commit with the first part of what it pulled and its new cursors with the last
 * (exchange), so a sync cut at any point — the network, the server, this process — resumes where
 * it stopped: what was not acknowledged is sent again (the server keeps one copy), what was not
 * applied is pulled again, and what was applied already is in the log and changes nothing again.
 */

export type Transport = {
  /** Who the device acts for now (its user's teams change on the server); a transport without it keeps the teams last known. */
  me?: () => Promise<MeResponse>;
  sync: (request: SyncRequest) => Promise<SyncResponse>;
  buckets: (space: string) => Promise<BucketsResponse>;
  messages: (space: string, from: string, after: string | null, limit: number) => Promise<MessagesResponse>;
  /** Who sent messages this device holds (sync/authors.ts); a transport without it leaves conflicts unnamed. */
  authors?: (request: AuthorsRequest) => Promise<AuthorsResponse>;
};

export type RoundHooks = {
  /** Before pulled messages are applied: 'stop' leaves them unapplied (cursors unmoved) and ends the sync. */
  beforeApply?: (messages: readonly SyncMessage[]) => Promise<'apply' | 'stop'>;
  /** After each answer; `toReceive`: what this sync takes in all, as far as the server's answers tell (null before the first that names spaces). */
  onRound?: (progress: { sent: number; received: number; toReceive: number | null; bytesUp: number; bytesDown: number; left: number }) => void;
  /** Serialised sizes, for progress (the HTTP transport measures real bytes). */
  measure?: (value: unknown) => number;
  /** Most messages per request each way (smaller after a cut, so a poor network still gets through). */
  page?: number;
  /**
   * Local changes that follow from what was pulled (an author's lessons follow their reviews),
   * made once the pull is done; returns how many. They go up in the same sync, so a finished sync
   * leaves nothing of its own making to send.
   */
  afterPull?: () => number;
  /**
   * What each pulled message did, inside the transaction that applied it: the run's history is
   * written with the change, so a sync cut later keeps the record (and the rollback) of what it
   * applied, and no single write at the end grows with the size of the pull.
   */
  onApplied?: (items: readonly RunItem[]) => void;
};

export type SyncOutcome = {
  sent: number;
  received: number;
  apply: Omit<ApplyResult, 'items'>;
  sentRows: { dataset: string; row: string }[];
  stopped: boolean;
  repaired: string[];
  bytesUp: number;
  bytesDown: number;
  /** Spaces with unsent changes this user may no longer write (a team left): they stay on this device. */
  held: string[];
};

export const PUSH_BATCH = 2000;
export const PULL_LIMIT = 5000;
const MAX_ROUNDS = 10_000;

/** Most pulled messages applied in one transaction (see exchange). */
export const APPLY_PART = 1000;

/** `items` in runs of at most `size`, in order; one empty run when there are none. */
function partsOf<T>(items: readonly T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  const parts: T[][] = [];
  for (let i = 0; i < items.length; i += size) parts.push(items.slice(i, i + size));
  return parts;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The spaces to ask about: the user's own, review and team spaces, the published one, and any other known one still readable. */
export function knownSpaces(actor: Actor, cursors: Record<string, number>): Record<string, { cursor: number }> {
  const spaces: Record<string, { cursor: number }> = {};
  const teams = (actor.teams ?? []).map(teamSpace);
  for (const space of [ownSpace(actor.userId), reviewSpace(actor.userId), PUBLISHED_SPACE, ...teams, ...Object.keys(cursors)]) {
    if (canRead(actor, space)) spaces[space] = { cursor: cursors[space] ?? 0 };
  }
  return spaces;
}

/** A request with changes that the server, or a proxy in front of it, refused as too large (413). */
class RefusedAsTooLarge extends Error {
  constructor(readonly messages: readonly OutboxMessage[]) {
    super('a request was refused as too large');
  }
}

const bytesOf = (messages: readonly OutboxMessage[]): number => messages.reduce((sum, m) => sum + Buffer.byteLength(JSON.stringify(m.values)), 0);

export function runSync(db: Db, identity: SyncIdentity, transport: Transport, schema: number, unsent: UnsentCells, hooks: RoundHooks = {}, now: () => number = Date.now): Promise<SyncOutcome> {
  return whileSending(db, async () => {
    const outcome: SyncOutcome = { sent: 0, received: 0, apply: { received: 0, applied: 0, refused: 0, conflicts: 0, waiting: 0 }, sentRows: [], stopped: false, repaired: [], bytesUp: 0, bytesDown: 0, held: [] };
    for (;;) {
      try {
        return await exchangeAll(db, identity, transport, schema, unsent, hooks, now, outcome, readBatchBytes(db) ?? BATCH_BYTES);
      } catch (error) {
        if (!(error instanceof RefusedAsTooLarge)) throw error;
        // A proxy in front of the server may accept less than the server does (nginx: 1 MB unless
        // told otherwise). What was acknowledged stays so; the rest goes again in requests half
        // the size of the refused one, a limit this device keeps for this server.
        const [only] = error.messages;
        if (error.messages.length === 1 && only !== undefined) {
          const size = (bytesOf(error.messages) / (1024 * 1024)).toFixed(1);
          throw new ApiFailure('too_large', msg('error.syncChangeTooLarge', { record: recordKindWords(only.dataset) ?? only.dataset, size }));
        }
        saveBatchBytes(db, Math.max(1, Math.floor(bytesOf(error.messages) / 2)));
      }
    }
  });
}

async function exchangeAll(
  db: Db,
  enrolled: SyncIdentity,
  transport: Transport,
  schema: number,
  unsent: UnsentCells,
  hooks: RoundHooks,
  now: () => number,
  outcome: SyncOutcome,
  maxBytes: number,
): Promise<SyncOutcome> {
  const send = async (request: SyncRequest): Promise<SyncResponse> => {
    try {
      return await transport.sync(request);
    } catch (error) {
      if (error instanceof ApiFailure && error.code === 'too_large' && request.messages.length > 0) throw new RefusedAsTooLarge(request.messages);
      throw error;
    }
  };
  const measure = hooks.measure ?? (() => 0);
  // Who the device acts for now: the user's teams and role change on the server.
  const identity = transport.me ? refreshAccount(db, enrolled, await transport.me()) : enrolled;
  const actor = actorOf(db, identity);
  // Changes to a space this user may no longer write stay here, unsent, instead of failing every sync.
  const held = heldSpaces(db, (space) => !canWrite(actor, space));
  outcome.held = held;
  let digests: Record<string, Digest> = {};
  const page = Math.max(1, Math.min(hooks.page ?? PULL_LIMIT, PULL_LIMIT));
  const size = Math.min(PUSH_BATCH, page);
  // Fewer bytes too when the service asks for smaller pages (after requests failed mid-way).
  const pushBytes = Math.min(maxBytes, Math.ceil((BATCH_BYTES * page) / PULL_LIMIT));
  /** Counts an acknowledged batch and tells the UI. */
  const sentBatch = (batch: readonly OutboxMessage[], request: SyncRequest, response: SyncResponse): void => {
    outcome.sent += batch.length;
    outcome.sentRows.push(...batch.map((m) => ({ dataset: m.dataset, row: m.row })));
    outcome.bytesUp += measure(request);
    outcome.bytesDown += measure(response);
  };
  /**
   * A long outbox (a day of offline work) goes ahead of the rounds in full batches that pull
   * nothing (limit 0), two at a time: the next batch is read and sent while the server stores the
   * last, so neither side waits for the other. Each is acknowledged when its answer comes, in
   * order; one that fails ends the sync, and what was not acknowledged is sent again next time
   * (the server keeps one copy). The rounds then send the rest and pull.
   */
  const pushAhead = async (upTo: string): Promise<void> => {
    let inFlight: { batch: OutboxMessage[]; request: SyncRequest; answer: Promise<SyncResponse> } | null = null;
    const settle = async (sent: NonNullable<typeof inFlight>): Promise<void> => {
      const response = await sent.answer;
      transact(db, () => acknowledge(db, sent.batch), { fromSync: true });
      sentBatch(sent.batch, sent.request, response);
      hooks.onRound?.({ sent: outcome.sent, received: outcome.received, toReceive: null, bytesUp: outcome.bytesUp, bytesDown: outcome.bytesDown, left: outboxSize(db, held, upTo) });
    };
    let after = '';
    for (let round = 0; round < MAX_ROUNDS; round++) {
      // One message more than a batch, to know whether another batch follows: the last one, full
      // or not, goes with a round that pulls.
      const batch = outbox(db, size + 1, held, after, pushBytes, upTo);
      if (batch.length <= size) break;
      batch.pop();
      const last = batch[size - 1] as OutboxMessage;
      const request: SyncRequest = { protocol: PROTOCOL_VERSION, schema, clientTime: new Date(now()).toISOString(), messages: batch, spaces: {}, limit: 0 };
      const answer = send(request);
      // Awaited in turn below; if an earlier batch fails first, this one's failure is not news.
      answer.catch(() => undefined);
      if (inFlight !== null) await settle(inFlight);
      inFlight = { batch, request, answer };
      after = last.timestamp;
    }
    if (inFlight !== null) await settle(inFlight);
  };
  /**
   * Push-and-pull rounds until nothing is left either way; false when a preview stopped them.
   * While one answer is applied, the next page is already asked for (a pull that sends nothing,
   * from where that answer leaves each space), so the server's read and the network's round trip
   * overlap the apply instead of following it: a fresh device taking the knowledge base over a
   * VPN waits for the link once, not once per page. Pulls change nothing on the server, so an
   * early answer that is not used (the apply failed, a preview stopped the sync) costs nothing.
   * It sends what was waiting when it began: what the user saves meanwhile goes with the next sync
   * (background sync follows shortly), or a user typing over a slow link would keep one sync
   * going round after round, each sending the last few saves, and it would never finish.
   */
  const exchange = async (): Promise<boolean> => {
    const upTo = newestUnsent(db);
    await pushAhead(upTo);
    const roundRequest = (messages: OutboxMessage[], cursors: Record<string, number>): SyncRequest => ({
      protocol: PROTOCOL_VERSION,
      schema,
      clientTime: new Date(now()).toISOString(),
      messages,
      spaces: knownSpaces(actor, cursors),
      limit: page,
    });
    let ahead: { request: SyncRequest; answer: Promise<SyncResponse> } | null = null;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const batch = ahead === null ? outbox(db, size, held, '', pushBytes, upTo) : [];
      const request = ahead?.request ?? roundRequest(batch, readCursors(db));
      const response = await (ahead?.answer ?? send(request));
      ahead = null;
      const apply = hooks.beforeApply && response.messages.length > 0 ? await hooks.beforeApply(response.messages) : 'apply';
      const more = Object.values(response.spaces).some((s) => s.more);
      if (apply === 'apply' && more) {
        const next = roundRequest([], { ...readCursors(db), ...Object.fromEntries(Object.entries(response.spaces).map(([space, s]) => [space, s.cursor])) });
        ahead = { request: next, answer: send(next) };
        // Awaited next round; if this round fails first, its failure is not news.
        ahead.answer.catch(() => undefined);
      }
      // In parts, each its own transaction with a turn of the event loop between: a save or a
      // screen's query made meanwhile waits for one part, not for a whole page (a fresh device
      // takes the knowledge base 5,000 messages a page). The cursors move with the last part; a
      // sync cut between parts takes the page again, and the parts already applied are in the log,
      // so they change nothing the second time.
      const parts = apply === 'stop' ? [[]] : partsOf(response.messages, APPLY_PART);
      for (const [i, part] of parts.entries()) {
        if (i > 0) await nextTurn();
        transact(
          db,
          () => {
            if (i === 0) acknowledge(db, batch);
            if (apply === 'stop') return;
            record(outcome, applyIncoming(db, identity, part, unsent, now()), hooks);
            if (i < parts.length - 1) return;
            const cursors = readCursors(db);
            for (const [space, state] of Object.entries(response.spaces)) cursors[space] = state.cursor;
            saveCursors(db, cursors);
          },
          { fromSync: true },
        );
      }
      sentBatch(batch, request, response);
      outcome.received += response.messages.length;
      digests = Object.fromEntries(Object.entries(response.spaces).map(([space, s]) => [space, s.digest]));
      const left = outboxSize(db, held, upTo);
      // What is still to come: each space's messages on the server that this device does not hold yet.
      const missing = Object.entries(response.spaces).reduce((sum, [space, s]) => sum + Math.max(0, s.digest.count - localCount(db, space)), 0);
      hooks.onRound?.({ sent: outcome.sent, received: outcome.received, toReceive: outcome.received + missing, bytesUp: outcome.bytesUp, bytesDown: outcome.bytesDown, left });
      if (apply === 'stop') {
        outcome.stopped = true;
        return false;
      }
      if (!more && left === 0) break;
    }
    return true;
  };
  if (!(await exchange())) return outcome;
  // Every space: same messages on both sides? If not, pull the hours that differ again; what the
  // server lacks (restored from an older backup, say) is sent again.
  let resend = 0;
  for (const [space, theirs] of Object.entries(digests)) {
    if (sameDigest(digestOf(localBuckets(db, space)), theirs)) continue;
    resend += await repair(db, identity, actor, transport, space, unsent, outcome, now, page, hooks);
    outcome.repaired.push(space);
  }
  const followed = hooks.afterPull?.() ?? 0;
  if (resend > 0 || followed > 0) await exchange();
  return outcome;
}

/** Pulls again from the first hour that differs; returns how many held messages the server lacks and must get again. */
async function repair(
  db: Db,
  identity: SyncIdentity,
  actor: Actor,
  transport: Transport,
  space: string,
  unsent: UnsentCells,
  outcome: SyncOutcome,
  now: () => number,
  page: number,
  hooks: RoundHooks,
): Promise<number> {
  const { buckets } = await transport.buckets(space);
  const from = firstDifference(localBuckets(db, space), buckets);
  if (from === null) return 0;
  let after: string | null = null;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const { messages, more } = await transport.messages(space, bucketStart(from), after, page);
    // In parts, as a round's page (exchange): a save made meanwhile waits for one part. A repair
    // cut between parts is found by the next sync's digest check; what was applied is in the log.
    for (const [i, part] of partsOf(messages, APPLY_PART).entries()) {
      if (i > 0) await nextTurn();
      transact(db, () => record(outcome, applyIncoming(db, identity, part, unsent, now()), hooks), { fromSync: true });
    }
    outcome.received += messages.length;
    const last = messages.at(-1);
    if (!more || last === undefined) break;
    after = last.timestamp;
  }
  // Hours where this device holds more than the server: the server lost messages (a restore).
  // Those this user may write go back into the outbox; the next round sends them (stored once).
  if (!canWrite(actor, space)) return 0;
  const theirs = new Map(buckets.map((b) => [b.bucket, b.count]));
  let marked = 0;
  transact(
    db,
    () => {
      for (const mine of localBuckets(db, space)) {
        if ((theirs.get(mine.bucket) ?? 0) < mine.count) marked += resendHour(db, space, mine.bucket, (m) => submissionColumnRefused(actor, m) === null);
      }
    },
    { fromSync: true },
  );
  return marked;
}

function record(outcome: SyncOutcome, result: ApplyResult, hooks: RoundHooks): void {
  outcome.apply.received += result.received;
  outcome.apply.applied += result.applied;
  outcome.apply.refused += result.refused;
  outcome.apply.conflicts += result.conflicts;
  outcome.apply.waiting = result.waiting;
  hooks.onApplied?.(result.items);
}
