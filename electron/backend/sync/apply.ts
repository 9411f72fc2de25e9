import { msg, type ApiMessage } from '../../../core/api/message';
import { isRecordTable, type RecordTable } from '../../../core/api/tables';
import { ClockDriftError, MAX_DRIFT_MS, observe } from '../../../core/sync/hlc';
import { fieldWords } from '../../../core/sync/record-words';
import type { SyncMessage } from '../../../core/sync/protocol';
import { canWrite, isSpace, spaceKind, tableBelongs, type Actor } from '../../../core/sync/spaces';
import { commit, insert, update, type Change } from '../db/changes';
import type { Db } from '../db/connection';
import { hasColumn, tableSpec, type SqlValue } from '../db/tables';
import { isSyncedColumn, keyOfRowName } from './columns';
import { checkIncomingValue } from './incoming';
import { derivedColumnOf, isDerivedColumn } from './derived';
import { addToDigest, logReceived, type UnsentCells } from './log';
import { MOVE_COLUMN, moveRow } from './share';
import { actorOf, saveClock, syncClock, teamSpaceName, type SyncIdentity } from './state';
import { prepared } from '../db/statements';
import { batchRows, mayBeStored, parseRowState, readRowStates, readStoredRows, rowId, type RowState, type StoredRows } from './read-ahead';

/**
 * Applies messages from the server, inside the caller's `transact(db, …, { fromSync: true })`:
 *
 * - a message already in the log is skipped (replays and duplicates change nothing);
 * - one that does not belong (a table its space may not hold, a row that lives in another space,
 *   a value of the wrong kind, rich text that cannot be made safe, a clock far ahead) is refused
 *   and kept in the log as refused, so both sides' digests still agree;
 * - otherwise each column is last-writer-wins by HLC timestamp, whatever order messages come in;
 * - a column this device changed and has not yet sent, changed elsewhere too, is a conflict: the
 *   later value wins as everywhere, and both values are kept for the user (sync_conflicts);
 * - a row whose parent has not arrived yet (or whose first message was lost) waits in
 *   sync_rows.pending and is written as soon as it can be.
 *
 * Writes go through the write funnel, so the search index and `data.changed` follow as for any
 * change, and a row's revision (updated_at) moves so an open editor notices.
 */

export type ItemStatus = 'applied' | 'unchanged' | 'refused' | 'conflict' | 'waiting';
/** `fields`: for a conflict, the columns changed here and elsewhere (the history names them in the user's language). */
/** `detail`: why it was refused, waits or was set aside, in the user's words (core/api/messages/sync.ts). */
export type RunItem = { dataset: string; row: string; status: ItemStatus; detail?: ApiMessage; fields?: string[]; before?: Record<string, SqlValue> };
export type ApplyResult = { received: number; applied: number; refused: number; conflicts: number; waiting: number; items: RunItem[] };

type Values = Record<string, SqlValue>;

/** Local defaults for device-only columns of a row that arrives by sync. */
function localDefaults(table: RecordTable, now: string): Values {
  const out: Values = {};
  if (hasColumn(table, 'origin')) out.origin = 'sync';
  if (hasColumn(table, 'locally_modified')) out.locally_modified = 0;
  if (hasColumn(table, 'imported_at')) out.imported_at = now;
  if (hasColumn(table, 'stored_locally')) out.stored_locally = 0;
  return out;
}

export function applyIncoming(db: Db, identity: SyncIdentity, messages: readonly SyncMessage[], unsent: UnsentCells, now: number = Date.now()): ApplyResult {
  const result: ApplyResult = { received: 0, applied: 0, refused: 0, conflicts: 0, waiting: 0, items: [] };
  const clock = syncClock(db, identity.node);
  const sorted = [...messages].sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0));
  const touchedPending = new Set<string>();
  const named = batchRows(messages);
  const rows: RowCache = readRowStates(db, named);
  const stored = readStoredRows(db, named);
  const logged: SyncMessage[] = [];
  const keepValues = valuesWorthKeeping(actorOf(db, identity));
  for (const message of sorted) {
    // Logged as held (state 1) at once: a message already in the log is a replay and changes nothing.
    if (!logReceived(db, message, keepValues(message))) continue;
    logged.push(message);
    result.received++;
    if (MOVE_COLUMN in message.values) {
      const moved = applyMove(db, rows, message);
      if (moved.status === 'refused') {
        markRefused(db, message.timestamp);
        result.refused++;
      } else if (moved.status === 'applied') result.applied++;
      result.items.push(moved);
      continue;
    }
    if (sameFileElsewhere(db, rows, message)) {
      result.items.push({ dataset: message.dataset, row: message.row, status: 'unchanged' });
      continue;
    }
    const checked = checkMessage(db, rows, message, clock, now);
    if (!('values' in checked)) {
      markRefused(db, message.timestamp);
      result.refused++;
      result.items.push({ dataset: message.dataset, row: message.row, status: 'refused', detail: checked.reason });
      continue;
    }
    const table = message.dataset as RecordTable;
    const unknown = Object.keys(message.values).filter((c) => !isSyncedColumn(table, c));
    const outcome = applyOne(db, rows, stored, table, message, checked.values, unsent, now);
    if (unknown.length > 0 && outcome.detail === undefined) outcome.detail = msg('syncItem.fieldsLeftOut', { fields: unknown.join(', ') });
    if (outcome.status === 'refused') {
      markRefused(db, message.timestamp);
      result.refused++;
    }
    if (outcome.status === 'applied' || outcome.status === 'conflict') result.applied++;
    if (outcome.status === 'conflict') result.conflicts++;
    if (outcome.status === 'waiting') touchedPending.add(rowId(table, message.row));
    result.items.push(outcome);
  }
  // Rows that waited for a parent: try again now that the whole batch is in.
  addToDigest(db, logged);
  for (const item of retryPending(db, rows, stored, now)) {
    result.items.push(item);
    result.applied++;
    touchedPending.delete(rowId(item.dataset, item.row));
  }
  result.waiting = touchedPending.size;
  saveClock(db, clock);
  return result;
}

/**
 * A file is named by its bytes, so a record of one that this device keeps in another space is
 * the same file: the author's own picture, which an article made from their note shows too. Not
 * a row living elsewhere (refused), just nothing new.
 */
function sameFileElsewhere(db: Db, rows: RowCache, message: SyncMessage): boolean {
  if (message.dataset !== 'attachments') return false;
  const known = rowState(db, rows, 'attachments', message.row);
  return known !== null && known.space !== message.space;
}

/** Whether a received message's values are kept in the log (see logReceived). */
function valuesWorthKeeping(actor: Actor): (message: SyncMessage) => boolean {
  const writable = new Map<string, boolean>();
  return (message) => {
    let mayWrite = writable.get(message.space);
    if (mayWrite === undefined) writable.set(message.space, (mayWrite = isSpace(message.space) && canWrite(actor, message.space)));
    if (mayWrite || !isRecordTable(message.dataset)) return true;
    const table = message.dataset;
    return Object.keys(message.values).some((column) => !isSyncedColumn(table, column));
  };
}

/**
 * A row shared with a team (share.ts): announced in the user's own space, which only that user
 * writes, naming the team space the row lives in from now on. Anything else is refused: a move
 * from a team or review space, to anything but a team space, of a row that lives elsewhere.
 */
function applyMove(db: Db, rows: RowCache, message: SyncMessage): RunItem {
  const refuse = (detail: ApiMessage): RunItem => ({ dataset: message.dataset, row: message.row, status: 'refused', detail });
  const target = message.values[MOVE_COLUMN];
  if (Object.keys(message.values).length !== 1 || typeof target !== 'string' || !isSpace(target) || spaceKind(target) !== 'team') return refuse(msg('syncItem.shareMalformed'));
  if (!isSpace(message.space) || spaceKind(message.space) !== 'user') return refuse(msg('syncItem.shareNotPersonal'));
  if (!isRecordTable(message.dataset) || !tableBelongs(target, message.dataset)) return refuse(msg('syncItem.shareNotTeamKind'));
  if (keyOfRowName(message.dataset, message.row) === null) return refuse(msg('syncItem.badRowName', { row: message.row.slice(0, 80) }));
  const known = rowState(db, rows, message.dataset, message.row);
  if (known?.space === target) return { dataset: message.dataset, row: message.row, status: 'unchanged' };
  if (known !== null && known.space !== message.space) return refuse(msg('syncItem.livesElsewhere', { space: known.space, from: message.space }));
  moveRow(db, message.dataset, message.row, target);
  rows.set(rowId(message.dataset, message.row), { space: target, stamps: known?.stamps ?? {}, pending: known?.pending ?? null });
  return { dataset: message.dataset, row: message.row, status: 'applied', detail: msg('syncItem.sharedWith', { team: teamSpaceName(db, target) }) };
}

function checkMessage(db: Db, rows: RowCache, message: SyncMessage, clock: ReturnType<typeof syncClock>, now: number): { reason: ApiMessage } | { values: Values } {
  if (!isRecordTable(message.dataset)) return { reason: msg('syncItem.unknownTable', { table: message.dataset.slice(0, 80) }) };
  if (!tableBelongs(message.space, message.dataset)) return { reason: msg('syncItem.wrongSpace', { space: message.space }) };
  const table = message.dataset;
  const key = keyOfRowName(table, message.row);
  if (key === null) return { reason: msg('syncItem.badRowName', { row: message.row.slice(0, 80) }) };
  for (const [column, value] of Object.entries(key)) {
    if (column in message.values && message.values[column] !== value) return { reason: msg('syncItem.keyMismatch', { field: fieldWords(column) }) };
  }
  const known = rowState(db, rows, table, message.row);
  if (known !== null && known.space !== message.space) return { reason: msg('syncItem.livesElsewhere', { space: known.space, from: message.space }) };
  if (table === 'kb_article_texts') {
    const article = rowState(db, rows, 'kb_articles', String(key.article_id));
    if (article !== null && article.space !== message.space) return { reason: msg('syncItem.articleElsewhere', { space: article.space }) };
  }
  const values: Values = {};
  // Rich text's plain text, by column, as the check worked it out.
  const texts: Record<string, string> = {};
  for (const [column, value] of Object.entries(message.values)) {
    // A column this version does not know (a newer app wrote it) is left out, not fatal: the
    // message stays in the log whole, for a later version to read.
    // A derived column is never taken from a message: the check of its source works it out (derived.ts).
    if (!isSyncedColumn(table, column) || isDerivedColumn(table, column)) continue;
    const checked = checkIncomingValue(table, column, value);
    if (!checked.ok) return { reason: checked.reason };
    values[column] = checked.value;
    if (checked.text !== undefined) texts[column] = checked.text;
  }
  const derived = derivedColumnOf(table);
  const derivedText = derived === undefined ? undefined : texts[derived.from];
  if (derived !== undefined && derivedText !== undefined) values[derived.column] = derivedText;
  try {
    observe(clock, message.timestamp, now);
  } catch (error) {
    if (error instanceof ClockDriftError) return { reason: msg('syncItem.clockAhead', { minutes: Math.round(error.driftMs / 60_000), most: MAX_DRIFT_MS / 60_000 }) };
    return { reason: msg('syncItem.badClock', { reason: error instanceof Error ? error.message : String(error) }) };
  }
  return { values };
}

/**
 * The sync state of the rows one batch touches, read once each: a batch names most rows several
 * times (an article and its texts, a row's columns in several messages). Written through.
 */
type RowCache = Map<string, RowState | null>;

function rowState(db: Db, rows: RowCache, table: string, row: string): RowState | null {
  const id = rowId(table, row);
  const cached = rows.get(id);
  if (cached !== undefined) return cached;
  const found = prepared(db, 'SELECT space, stamps, pending FROM sync_rows WHERE dataset = ? AND row = ?').get(table, row) as
    | { space: string; stamps: string; pending: string | null }
    | undefined;
  const state = found ? parseRowState(found) : null;
  rows.set(id, state);
  return state;
}

function saveRowState(db: Db, rows: RowCache, table: string, row: string, state: RowState): void {
  prepared(db, 
    `INSERT INTO sync_rows (dataset, row, space, stamps, pending) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (dataset, row) DO UPDATE SET stamps = excluded.stamps, pending = excluded.pending`,
  ).run(table, row, state.space, JSON.stringify(state.stamps), state.pending === null ? null : JSON.stringify(state.pending));
  rows.set(rowId(table, row), state);
}

function markRefused(db: Db, timestamp: string): void {
  prepared(db, 'UPDATE sync_log SET state = 2 WHERE timestamp = ?').run(timestamp);
}

/** The stored row with this key, or undefined. */
export function readStored(db: Db, table: RecordTable, key: Values): Values | undefined {
  const columns = tableSpec(table).key;
  return prepared(db, `SELECT * FROM ${table} WHERE ${columns.map((c) => `${c} = ?`).join(' AND ')}`).get(...columns.map((c) => key[c] ?? null)) as Values | undefined;
}

function applyOne(db: Db, rows: RowCache, storedRows: StoredRows, table: RecordTable, message: SyncMessage, values: Values, unsent: UnsentCells, now: number): RunItem {
  const key = keyOfRowName(table, message.row) as Values;
  // A copy: the cache holds what is saved, and this may be refused.
  const known = rowState(db, rows, table, message.row);
  const state: RowState = known === null ? { space: message.space, stamps: {}, pending: null } : { ...known, stamps: { ...known.stamps } };
  const stored = mayBeStored(storedRows, table, message.row) ? readStored(db, table, key) : undefined;
  const packWins = newerPackVersion(db, table, key, stored, values);
  if (packWins !== null) return { dataset: table, row: message.row, status: 'unchanged', detail: packWins };
  const newer: Values = {};
  const conflicts: string[] = [];
  for (const [column, value] of Object.entries(values)) {
    const localStamp = state.stamps[column];
    const wins = localStamp === undefined || message.timestamp > localStamp;
    // A derived column (derived.ts) goes with its source: its conflict is the source's.
    if (!isDerivedColumn(table, column) && unsent.has(table, message.row, column) && localStamp !== undefined && stored !== undefined && stored[column] !== value) {
      recordConflict(db, table, message.row, column, stored[column] ?? null, value, localStamp, message.timestamp, wins ? 'remote' : 'local', now);
      conflicts.push(column);
    }
    if (!wins) continue;
    newer[column] = value;
    state.stamps[column] = message.timestamp;
  }
  const status = (base: 'applied' | 'unchanged'): RunItem['status'] => (conflicts.length > 0 ? 'conflict' : base);
  const detail = conflicts.length > 0 ? { fields: conflicts } : undefined;
  if (Object.keys(newer).length === 0) {
    saveRowState(db, rows, table, message.row, state);
    return { dataset: table, row: message.row, status: status('unchanged'), ...detail };
  }
  if (stored !== undefined) {
    const before: Values = {};
    for (const column of Object.keys(newer)) before[column] = stored[column] ?? null;
    // A pack record taken over by a publication is no longer the pack's (the importer leaves it be).
    const set = stored.origin === 'pack' ? { ...newer, origin: 'sync' } : newer;
    try {
      // One statement: if this database's rules refuse it, SQLite backs out that statement alone
      // and the batch's transaction goes on.
      writeChange(db, update(table as never, key as never, set as never));
    } catch (error) {
      // A value this database's rules refuse (a status it does not know, say): refused, and the
      // row keeps what it had, column timestamps included.
      if (isConstraintError(error)) return { dataset: table, row: message.row, status: 'refused', detail: constraintDetail(error) };
      throw error;
    }
    saveRowState(db, rows, table, message.row, state);
    return { dataset: table, row: message.row, status: status('applied'), before, ...detail };
  }
  // A row this device does not have yet: gather its columns until it can be written (its state
  // is saved once, with what still waits, if anything).
  state.pending = { ...(state.pending ?? {}), ...key, ...newer };
  const created = tryInsert(db, rows, storedRows, table, message.row, state, now);
  if (created === null) saveRowState(db, rows, table, message.row, state);
  return created ?? { dataset: table, row: message.row, status: 'waiting', detail: msg('syncItem.waitingForParent') };
}

/**
 * The bundled content pack and central publications coexist by version: a publication older than
 * the pack's record on this device does not replace it (nor, for an article, its texts). Returns
 * why the message is set aside, or null.
 */
function newerPackVersion(db: Db, table: RecordTable, key: Values, stored: Values | undefined, values: Values): ApiMessage | null {
  if (table === 'kb_article_texts') {
    if (stored === undefined) return null;
    const article = prepared(db, 'SELECT origin FROM kb_articles WHERE id = ?').get(key.article_id) as { origin: string } | undefined;
    return article?.origin === 'pack' ? msg('syncItem.packArticleNewer') : null;
  }
  if (stored === undefined || stored.origin !== 'pack' || typeof values.version !== 'number' || typeof stored.version !== 'number') return null;
  return stored.version > values.version ? msg('syncItem.packNewer', { stored: stored.version, incoming: values.version }) : null;
}

/** Inserts a pending row in a savepoint; null when it cannot be written yet (a parent or a required column is missing). */
function tryInsert(db: Db, rows: RowCache, storedRows: StoredRows, table: RecordTable, row: string, state: RowState, now: number): RunItem | null {
  const pending = state.pending ?? {};
  const { deleted, ...rest } = pending;
  const values: Values = { ...localDefaults(table, new Date(now).toISOString()), ...rest };
  try {
    // A failed INSERT (a parent not here yet, a required column not yet arrived) is backed out
    // alone; the row keeps waiting.
    writeChange(db, insert(table as never, values as never));
  } catch (error) {
    if (isConstraintError(error)) return null;
    throw error;
  }
  storedRows.stored.add(rowId(table, row));
  if (deleted === 1) writeChange(db, update(table as never, keyOfRowName(table, row) as never, { deleted: 1 } as never));
  state.pending = null;
  saveRowState(db, rows, table, row, state);
  return { dataset: table, row, status: 'applied', before: { '': 'created' } };
}

function retryPending(db: Db, cache: RowCache, storedRows: StoredRows, now: number): RunItem[] {
  const done: RunItem[] = [];
  // Parents before children: keep going while a pass writes something.
  for (let pass = 0; pass < 10; pass++) {
    const rows = prepared(db, 'SELECT dataset, row FROM sync_rows WHERE pending IS NOT NULL').all() as { dataset: string; row: string }[];
    let wrote = false;
    for (const r of rows) {
      if (!isRecordTable(r.dataset)) continue;
      const state = rowState(db, cache, r.dataset, r.row);
      if (state === null) continue;
      const item = tryInsert(db, cache, storedRows, r.dataset, r.row, { ...state }, now);
      if (item) {
        done.push(item);
        wrote = true;
      }
    }
    if (!wrote) break;
  }
  return done;
}

function writeChange(db: Db, change: Change): void {
  commit(db, [change]);
}

function isConstraintError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && error.code.startsWith('SQLITE_CONSTRAINT');
}

function constraintDetail(error: unknown): ApiMessage {
  return msg('syncItem.databaseRules', { reason: error instanceof Error ? error.message.slice(0, 200) : String(error) });
}

function recordConflict(db: Db, table: string, row: string, column: string, local: SqlValue, remote: SqlValue, localTs: string, remoteTs: string, kept: 'local' | 'remote', now: number): void {
  prepared(db, 
    `INSERT INTO sync_conflicts (dataset, row, column_name, local_value, remote_value, local_timestamp, remote_timestamp, kept, detected_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(table, row, column, JSON.stringify(local), JSON.stringify(remote), localTs, remoteTs, kept, new Date(now).toISOString());
}
