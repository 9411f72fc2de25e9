import { isApiMessage, msg, type ApiMessage } from '../../../core/api/message';
import { API_MESSAGES } from '../../../core/api/messages';
import { isRecordTable } from '../../../core/api/tables';
import { recordKindWords } from '../../../core/sync/record-words';
import { isSpace } from '../../../core/sync/spaces';
import type { SyncConflict, SyncPreview, SyncRunItem, SyncRunSummary, SyncTrigger } from '../../../core/sync/status';
import type { Db } from '../db/connection';
import { prepared } from '../db/statements';
import { hasColumn, tableSpec } from '../db/tables';
import type { RunItem } from './apply';
import { keyOfRowName } from './columns';
import { NOT_DERIVED_CONFLICT } from './derived';
import { syncIdentity, teamSpaceName } from './state';

/** The `dataset` of a run item that is a whole space whose changes stay on this device, its `row` the space. */
export const HELD_SPACE_ITEM = 'sync';

/** The sync history (sync_runs, sync_run_items) and the conflicts list, read and written. */

type RunRow = {
  id: number;
  started_at: string;
  finished_at: string | null;
  trigger: SyncTrigger;
  status: SyncRunSummary['status'];
  sent: number;
  received: number;
  applied: number;
  refused: number;
  conflicts: number;
  bytes_up: number;
  bytes_down: number;
  backup_id: string | null;
  error: string | null;
  preview: string | null;
};

function toSummary(r: RunRow): SyncRunSummary {
  return {
    id: r.id,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    trigger: r.trigger,
    status: r.status,
    sent: r.sent,
    received: r.received,
    applied: r.applied,
    refused: r.refused,
    conflicts: r.conflicts,
    bytesUp: r.bytes_up,
    bytesDown: r.bytes_down,
    backupId: r.backup_id,
    error: r.error === null ? null : storedError(r.error),
    preview: r.preview === null ? null : (JSON.parse(r.preview) as SyncPreview),
  };
}

/**
 * A run's error as stored. One stored before failure messages said what comes next (`{then}`:
 * the work waits here, or connect again) was a sync's: it reads as one.
 */
function storedError(text: string): ApiMessage {
  const error = JSON.parse(text) as ApiMessage;
  if (!isApiMessage(error) || !API_MESSAGES[error.key].en.includes('{then}') || 'then' in error.params) return error;
  return { ...error, params: { ...error.params, then: msg('error.syncThenKept') } };
}

/** How many runs are kept (older ones and their items are dropped when a run starts). */
export const RUNS_KEPT = 200;
/** Most items recorded per run and direction; the counts stay exact beyond it. */
export const ITEMS_KEPT_PER_RUN = 5000;

export function startRun(db: Db, trigger: SyncTrigger, now: string): number {
  db.prepare('DELETE FROM sync_runs WHERE id <= (SELECT max(id) FROM sync_runs) - ?').run(RUNS_KEPT);
  return Number(db.prepare("INSERT INTO sync_runs (started_at, trigger, status) VALUES (?, ?, 'running')").run(now, trigger).lastInsertRowid);
}

/**
 * Runs still marked running when the backend starts were cut by a crash, a kill or a power cut:
 * they are recorded as failed, saying so, instead of showing as running for ever. (What they had
 * not committed is sent or pulled again by the next sync.)
 */
export function closeInterruptedRuns(db: Db, now: string): number {
  return db.prepare("UPDATE sync_runs SET status = 'failed', finished_at = ?, error = ? WHERE status = 'running'").run(now, JSON.stringify(msg('error.syncInterrupted'))).changes;
}

/** What a run records as it goes: its counts and outcome (the rest is fixed when it starts). */
export type RunUpdate = Partial<Omit<SyncRunSummary, 'id' | 'startedAt' | 'trigger' | 'finishedAt' | 'backupId' | 'error' | 'preview'>> &
  Partial<{ finishedAt: string; backupId: string; error: ApiMessage; preview: SyncPreview }>;

export function updateRun(db: Db, id: number, u: RunUpdate): void {
  const columns: Record<string, string | number | null> = {};
  if (u.status !== undefined) columns.status = u.status;
  if (u.finishedAt !== undefined) columns.finished_at = u.finishedAt;
  if (u.sent !== undefined) columns.sent = u.sent;
  if (u.received !== undefined) columns.received = u.received;
  if (u.applied !== undefined) columns.applied = u.applied;
  if (u.refused !== undefined) columns.refused = u.refused;
  if (u.conflicts !== undefined) columns.conflicts = u.conflicts;
  if (u.bytesUp !== undefined) columns.bytes_up = u.bytesUp;
  if (u.bytesDown !== undefined) columns.bytes_down = u.bytesDown;
  if (u.backupId !== undefined) columns.backup_id = u.backupId;
  if (u.error !== undefined) columns.error = JSON.stringify(u.error);
  if (u.preview !== undefined) columns.preview = JSON.stringify(u.preview);
  const names = Object.keys(columns);
  if (names.length === 0) return;
  db.prepare(`UPDATE sync_runs SET ${names.map((n) => `${n} = ?`).join(', ')} WHERE id = ?`).run(...names.map((n) => columns[n] ?? null), id);
}

export function addItems(db: Db, runId: number, direction: 'up' | 'down', items: readonly (RunItem | { dataset: string; row: string; status: 'sent' })[]): void {
  // Called once per part a sync applies (round.ts): counting stops at the limit, so a run of
  // 100,000 items does not count them all again for each part.
  const counted = db.prepare('SELECT count(*) AS n FROM (SELECT 1 FROM sync_run_items WHERE run_id = ? AND direction = ? LIMIT ?)').get(runId, direction, ITEMS_KEPT_PER_RUN) as { n: number };
  const insert = db.prepare('INSERT INTO sync_run_items (run_id, seq, direction, dataset, row, status, detail, before) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  let seq = (db.prepare('SELECT coalesce(max(seq), 0) AS last FROM sync_run_items WHERE run_id = ?').get(runId) as { last: number }).last;
  let room = ITEMS_KEPT_PER_RUN - counted.n;
  for (const item of items) {
    // Rolling back needs every change a run made: those are kept beyond the display limit.
    const needed = 'before' in item && item.before !== undefined;
    if (room <= 0 && !needed) continue;
    room--;
    const detail = storedDetail('detail' in item ? item.detail : undefined, 'fields' in item ? item.fields : undefined);
    const before = 'before' in item && item.before !== undefined ? JSON.stringify(item.before) : null;
    insert.run(runId, ++seq, direction, item.dataset, item.row, item.status, detail, before);
  }
}

export function getRun(db: Db, id: number): SyncRunSummary | null {
  const row = db.prepare('SELECT * FROM sync_runs WHERE id = ?').get(id) as RunRow | undefined;
  return row ? toSummary(row) : null;
}

export function listRuns(db: Db, limit: number): SyncRunSummary[] {
  return (db.prepare('SELECT * FROM sync_runs ORDER BY id DESC LIMIT ?').all(limit) as RunRow[]).map(toSummary);
}

export function lastSuccess(db: Db): string | null {
  return (db.prepare("SELECT max(finished_at) AS at FROM sync_runs WHERE status = 'done'").get() as { at: string | null }).at;
}

/**
 * A readable name for a record: its title or name as stored here, or as the part of it that has
 * arrived says (a record waiting for the rest of its columns or its parent); else its id, with its
 * table when the screens have no word for its kind (core/sync/record-words.ts).
 */
export function labelOf(db: Db, dataset: string, row: string): string {
  // A space whose changes stay on this device (service.ts): a team goes by its name.
  if (dataset === HELD_SPACE_ITEM && isSpace(row)) return teamSpaceName(db, row);
  const unnamed = recordKindWords(dataset) === null ? `${dataset} ${row}` : row;
  if (!isRecordTable(dataset)) return unnamed;
  const key = keyOfRowName(dataset, row);
  const column = ['title', 'name', 'original_name', 'question_id'].find((c) => hasColumn(dataset, c));
  if (key === null || column === undefined) return unnamed;
  const keyColumns = tableSpec(dataset).key;
  // Once per item of a run (thousands): the statements are prepared once per connection.
  const found = prepared(db, `SELECT ${column} AS label FROM ${dataset} WHERE ${keyColumns.map((c) => `${c} = ?`).join(' AND ')}`).get(...keyColumns.map((c) => key[c] ?? null)) as
    | { label: string | null }
    | undefined;
  if (found?.label) return String(found.label);
  const pending = prepared(db, 'SELECT json_extract(pending, ?) AS label FROM sync_rows WHERE dataset = ? AND row = ? AND json_valid(pending)').get(`$.${column}`, dataset, row) as
    | { label: unknown }
    | undefined;
  return typeof pending?.label === 'string' && pending.label !== '' ? pending.label : unnamed;
}

/**
 * An item's detail as sync_run_items keeps it (JSON): why it was refused or waits, as a message
 * the renderer words in the user's language, and — for a conflict — the fields changed here and
 * elsewhere. Earlier versions kept English text (a JSON string, or `text` beside the fields): it is
 * shown as it was written.
 */
function storedDetail(message: ApiMessage | undefined, fields: string[] | undefined): string | null {
  if (message === undefined && fields === undefined) return null;
  return JSON.stringify({ ...(message === undefined ? {} : { message }), ...(fields === undefined ? {} : { fields }) });
}

function readDetail(stored: string | null): { detail: ApiMessage | null; fields: string[] | null } {
  const parsed: unknown = stored === null ? null : JSON.parse(stored);
  if (typeof parsed === 'string') return { detail: msg('syncItem.text', { text: parsed }), fields: null };
  if (typeof parsed !== 'object' || parsed === null) return { detail: null, fields: null };
  const { fields, text, message } = parsed as { fields?: unknown; text?: unknown; message?: unknown };
  const detail = isApiMessage(message) ? message : typeof text === 'string' ? msg('syncItem.text', { text }) : null;
  return { detail, fields: Array.isArray(fields) ? fields.filter((f): f is string => typeof f === 'string') : null };
}

export function runItems(db: Db, runId: number): SyncRunItem[] {
  const rows = db.prepare('SELECT seq, direction, dataset, row, status, detail FROM sync_run_items WHERE run_id = ? ORDER BY seq LIMIT ?').all(runId, ITEMS_KEPT_PER_RUN * 2) as {
    seq: number;
    direction: 'up' | 'down';
    dataset: string;
    row: string;
    status: SyncRunItem['status'];
    detail: string | null;
  }[];
  return rows.map((r) => ({ ...r, label: labelOf(db, r.dataset, r.row), ...readDetail(r.detail) }));
}

type ConflictRow = {
  id: number;
  dataset: string;
  row: string;
  column_name: string;
  local_value: string | null;
  remote_value: string | null;
  kept: 'local' | 'remote';
  detected_at: string;
  remote_device: string | null;
  remote_user: string | null;
  remote_user_id: string | null;
};

function displayText(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  // Rich text and JSON columns: their words, not their markup.
  if (value.startsWith('{') || value.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(value);
      // A list of names (tags, scenarios, team): the names.
      if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')) return parsed.join(', ');
      const words: string[] = [];
      const walk = (node: unknown): void => {
        if (typeof node !== 'object' || node === null) return;
        if ('text' in node && typeof node.text === 'string') words.push(node.text);
        for (const child of Object.values(node)) if (typeof child === 'object') walk(child);
      };
      walk(parsed);
      return words.join(' ');
    } catch {
      return value;
    }
  }
  return value;
}

export function openConflicts(db: Db): SyncConflict[] {
  const me = syncIdentity(db)?.userId ?? null;
  const rows = db.prepare(`SELECT * FROM sync_conflicts WHERE resolved_at IS NULL AND ${NOT_DERIVED_CONFLICT} ORDER BY detected_at DESC, id DESC LIMIT 500`).all() as ConflictRow[];
  return rows.map((r) => {
    const localValue = r.local_value === null ? null : (JSON.parse(r.local_value) as string | number | null);
    const remoteValue = r.remote_value === null ? null : (JSON.parse(r.remote_value) as string | number | null);
    return {
      id: r.id,
      dataset: r.dataset,
      row: r.row,
      column: r.column_name,
      label: labelOf(db, r.dataset, r.row),
      localValue,
      remoteValue,
      localText: displayText(localValue),
      remoteText: displayText(remoteValue),
      kept: r.kept,
      detectedAt: r.detected_at,
      other: r.remote_device ? { device: r.remote_device, user: r.remote_user ?? '', mine: r.remote_user_id === me } : null,
    };
  });
}

export function countOpenConflicts(db: Db): number {
  return (db.prepare(`SELECT count(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL AND ${NOT_DERIVED_CONFLICT}`).get() as { n: number }).n;
}

export function countWaiting(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM sync_rows WHERE pending IS NOT NULL').get() as { n: number }).n;
}
