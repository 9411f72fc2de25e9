import os from 'node:os';
import { formatApiMessage, msg, type ApiMessage } from '../../../core/api/message';
import { encryptedOrLocal } from '../../../core/sync/server-url';
import { ApiFailure } from '../../../core/api/result';
import { isRecordTable, type RecordTable } from '../../../core/api/tables';
import type { BackupInfo } from '../../../core/api/types';
import type { SyncMessage } from '../../../core/sync/protocol';
import { spaceKind } from '../../../core/sync/spaces';
import type { CustomerSharing, SyncConflict, SyncPreview, SyncProgress, SyncRunItem, SyncRunSummary, SyncStatus, SyncTrigger } from '../../../core/sync/status';
import { commit, onDataChanged, remove, transact, update } from '../db/changes';
import type { Db } from '../db/connection';
import { hasColumn, type SqlValue } from '../db/tables';
import { environmentFailure } from '../environment-errors';
import { reflectReviews } from '../services/review';
import { keyOfRowName } from './columns';
import { readStored } from './apply';
import { countFilesToSend, transferFiles } from './files';
import { learnConflictAuthors } from './authors';
import { enrol as enrolRequest, httpTransport, type ByteCounter, type Fetch } from './http';
import { addItems, HELD_SPACE_ITEM, closeInterruptedRuns, countOpenConflicts, countWaiting, getRun, labelOf, lastSuccess, listRuns, openConflicts, runItems, startRun, updateRun } from './history';
import { derivedColumnOf } from './derived';
import { checkIncomingValue } from './incoming';
import { hasUnsent, loggedTimestamps, outboxSize, unsentCells } from './log';
import { batchRows, mayBeStored, readStoredRows, rowId } from './read-ahead';
import { PULL_LIMIT, runSync, type Transport } from './round';
import { keyFromFile, openSecret, sealSecret } from './secret';
import { seedOutbox } from './seed';
import { shareCustomer, sharingOf } from './share';
import { dropCaches, forgetIdentity, newNodeId, readSetting, readTeams, saveIdentity, saveSetting, syncIdentity, teamSpaceName } from './state';

/**
 * Sync as the app sees it: enrolment, "Sync now", background sync, the preview of a sync that
 * deletes or overwrites much, a backup before each sync that changes anything here, the history,
 * rollback of a run, and conflicts. One sync at a time per backend.
 */

export type SyncOptions = {
  db: Db;
  dataDir: string;
  schemaVersion: number;
  emit: (progress: SyncProgress) => void;
  createBackup: () => Promise<BackupInfo>;
  /** Key for the stored device token (Electron: kept by main with safeStorage); else sync.key in the data folder. */
  secretKey?: Buffer;
  fetch?: Fetch;
  /** Background sync period; 0 turns the timer off (tests). */
  autoIntervalMs?: number;
  now?: () => number;
  log?: (message: string, error?: unknown) => void;
  /** Replaces HTTP (tests). */
  transport?: (server: string, token: string, counter: ByteCounter) => Transport;
};

export type SyncService = {
  status(): SyncStatus;
  enrol(args: { serverUrl: string; username: string; password: string; deviceName: string }): Promise<SyncStatus>;
  syncNow(trigger?: SyncTrigger): Promise<SyncRunSummary>;
  confirm(runId: number): Promise<SyncRunSummary>;
  setAuto(auto: boolean): SyncStatus;
  history(limit: number): SyncRunSummary[];
  runItems(runId: number): SyncRunItem[];
  rollback(runId: number): { reverted: number };
  conflicts(): SyncConflict[];
  resolveConflict(id: number, keep: 'local' | 'remote'): { resolved: boolean };
  disconnect(): SyncStatus;
  /** Whether a customer is private or shared with a team, and the teams it could be shared with. */
  sharing(customerId: string): CustomerSharing;
  /** Shares a customer and everything under it with a team (sent at the next sync). */
  share(customerId: string, teamId: string): { moved: number };
  close(): void;
};

/** A pulled batch that deletes or overwrites at least this much waits for the user's confirmation. */
export const PREVIEW_DELETES = 10;
export const PREVIEW_OVERWRITES = 50;
const DEFAULT_INTERVAL_MS = 5 * 60 * 1000;
/** After a local change, background sync waits this long for more before it sends… */
const AFTER_CHANGE_MS = 20_000;
/** …but no longer than this after the first change it waits for: an hour of steady answers goes up as it goes. */
const AFTER_CHANGE_AT_MOST_MS = 2 * 60 * 1000;
const MAX_BACKOFF_MS = 30 * 60 * 1000;
const MIN_PAGE = 50;

export function createSyncService(options: SyncOptions): SyncService {
  const { db } = options;
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  let key: Buffer | null = options.secretKey ?? null;
  const secretKey = (): Buffer => (key ??= keyFromFile(options.dataDir));
  let running: Promise<SyncRunSummary> | null = null;
  let closed = false;
  let failures = 0;
  // Messages per request: quartered after a connection fails mid-way (each round is whole or
  // nothing, so a network that cuts long answers still lets short ones through), doubled back
  // after a sync that finished.
  let page = PULL_LIMIT;
  // No sync runs yet in this process: one marked running was cut short by the last one's end.
  const interrupted = closeInterruptedRuns(db, new Date(now()).toISOString());
  if (interrupted > 0) log(`sync: ${interrupted} run(s) were cut short when the app last stopped`);

  const status = (): SyncStatus => {
    const identity = syncIdentity(db);
    const runs = listRuns(db, 1);
    return {
      account:
        identity === null
          ? null
          : {
              serverUrl: identity.serverUrl,
              userName: identity.userName,
              displayName: identity.displayName,
              role: identity.role,
              deviceId: identity.deviceId,
              deviceName: identity.deviceName ?? null,
              enrolledAt: identity.enrolledAt,
              teams: readTeams(db),
            },
      auto: readSetting(db, 'auto') !== '0',
      running: running !== null,
      outbox: identity === null ? 0 : outboxSize(db),
      filesToSend: identity === null ? 0 : countFilesToSend(db),
      waiting: countWaiting(db),
      openConflicts: countOpenConflicts(db),
      lastRun: runs[0] ?? null,
      lastSuccessAt: lastSuccess(db),
    };
  };

  const token = (): string => {
    const sealed = readSetting(db, 'token');
    const plain = sealed === undefined ? null : openSecret(secretKey(), sealed);
    // Not the server's refusal: this device cannot open what it stored (another key).
    if (plain === null) throw new ApiFailure('forbidden', msg('error.syncTokenUnreadable'));
    return plain;
  };

  const enrol: SyncService['enrol'] = async ({ serverUrl, username, password, deviceName }) => {
    const existing = syncIdentity(db);
    if (existing !== null) throw new ApiFailure('conflict', msg('error.syncAlreadyEnrolled', { user: existing.userName, server: existing.serverUrl }));
    const name = deviceName || os.hostname();
    const answer = await enrolRequest(serverUrl, { username, password, deviceName: name }, options.fetch);
    const previousUser = readPreviousUser(db);
    if (previousUser !== null && previousUser !== answer.user.id) {
      throw new ApiFailure('conflict', msg('error.syncOtherUser', { user: previousUser, other: answer.user.name }));
    }
    transact(db, () => {
      const identity = {
        serverUrl,
        userId: answer.user.id,
        userName: answer.user.name,
        displayName: answer.user.displayName,
        role: answer.user.role,
        deviceId: answer.deviceId,
        node: newNodeId(),
        enrolledAt: new Date(now()).toISOString(),
        deviceName: name,
      };
      saveIdentity(db, identity);
      saveSetting(db, 'token', sealSecret(secretKey(), answer.token));
      db.prepare("INSERT INTO sync_state (key, value) VALUES ('user', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(answer.user.id);
      const seeded = seedOutbox(db, identity, now());
      log(`enrolled as ${answer.user.name} (${answer.user.role}) on ${serverUrl}; ${seeded} records to send`);
    });
    schedule(1000);
    return status();
  };

  const progress = (p: SyncProgress): void => {
    try {
      options.emit(p);
    } catch (error) {
      log('a sync progress listener failed', error);
    }
  };

  /** When the oldest local change that background sync waits to send was made (null: none waits). */
  let changedSince: number | null = null;

  const run = async (trigger: SyncTrigger): Promise<SyncRunSummary> => {
    const identity = syncIdentity(db);
    if (identity === null) throw new ApiFailure('conflict', msg('error.syncNotEnrolled'));
    changedSince = null;
    const runId = startRun(db, trigger, new Date(now()).toISOString());
    const counter: ByteCounter = { up: 0, down: 0 };
    const toSend = outboxSize(db);
    let toReceive: number | null = null;
    progress({ runId, phase: 'connecting', sent: 0, toSend, received: 0, toReceive, bytesUp: 0, bytesDown: 0, files: 0 });
    let backupId: string | null = null;
    try {
      // Refused before anything is sent: an enrolment an earlier version allowed over plain http.
      if (!encryptedOrLocal(identity.serverUrl)) throw new ApiFailure('forbidden', msg('error.syncNotEncrypted', { server: identity.serverUrl }));
      const transport = (options.transport ?? ((s, t, c) => httpTransport(s, t, c, options.fetch)))(identity.serverUrl, token(), counter);
      const unsent = unsentCells(db);
      const outcome = await runSync(
        db,
        identity,
        transport,
        options.schemaVersion,
        unsent,
        {
          beforeApply: async (messages) => {
            const logged = loggedTimestamps(db, messages.map((m) => m.timestamp));
            const fresh = messages.filter((m) => !logged.has(m.timestamp));
            if (fresh.length === 0) return 'apply';
            if (trigger !== 'confirmed') {
              const preview = previewOf(db, fresh);
              if (preview.deletes >= PREVIEW_DELETES || preview.overwrites >= PREVIEW_OVERWRITES) {
                updateRun(db, runId, { preview });
                return 'stop';
              }
            }
            if (backupId === null) backupId = (await options.createBackup()).id;
            return 'apply';
          },
          page,
          // The author's lessons follow their reviews (returned ones can be edited again).
          afterPull: () => reflectReviews(db),
          onApplied: (items) => addItems(db, runId, 'down', items),
          onRound: (p) => {
            toReceive = p.toReceive ?? toReceive;
            progress({ runId, phase: p.left > 0 ? 'sending' : 'receiving', sent: p.sent, toSend, received: p.received, toReceive, bytesUp: counter.up, bytesDown: counter.down, files: 0 });
          },
        },
        now,
      );
      const files = outcome.stopped
        ? { uploaded: 0, downloaded: 0, failed: [] }
        : await transferFiles(db, options.dataDir, { server: identity.serverUrl, token: token(), fetch: options.fetch ?? fetch, counter }, (done) =>
            progress({ runId, phase: 'files', sent: outcome.sent, toSend, received: outcome.apply.received, toReceive, bytesUp: counter.up, bytesDown: counter.down, files: done }),
          );
      for (const f of files.failed) log(`sync: the file ${f.sha256} (${f.name}) was not transferred: ${formatApiMessage(f.detail, 'en')}`);
      transact(
        db,
        () => {
          addItems(db, runId, 'up', outcome.sentRows.map((r) => ({ ...r, status: 'sent' as const })));
          addItems(
            db,
            runId,
            'up',
            outcome.held.map((space) => ({ dataset: HELD_SPACE_ITEM, row: space, status: 'waiting' as const, detail: heldSpaceMessage(db, space) })),
          );
          for (const direction of ['up', 'down'] as const) {
            addItems(
              db,
              runId,
              direction,
              files.failed.filter((f) => f.direction === direction).map((f) => ({ dataset: 'attachments', row: f.sha256, status: 'waiting' as const, detail: f.detail })),
            );
          }
          updateRun(db, runId, {
            status: outcome.stopped ? 'needs_confirmation' : 'done',
            finishedAt: new Date(now()).toISOString(),
            sent: outcome.sent,
            received: outcome.apply.received,
            applied: outcome.apply.applied,
            refused: outcome.apply.refused,
            conflicts: outcome.apply.conflicts,
            bytesUp: counter.up,
            bytesDown: counter.down,
            ...(backupId === null ? {} : { backupId }),
          });
        },
        { fromSync: true },
      );
      if (outcome.repaired.length > 0) log(`sync: the digest check pulled again in ${outcome.repaired.join(', ')}`);
      // Before the run's last progress event, which refreshes the conflict view.
      await learnConflictAuthors(db, transport).catch((error: unknown) => log('sync: who made the other side of a conflict could not be asked', error));
      failures = 0;
      // What was saved while this ran waits for the next sync (runSync sends what was waiting when
      // it began): that one comes shortly, as after any change.
      if (trigger !== 'background') schedule(nextBackgroundDelay());
      page = Math.min(PULL_LIMIT, page * 2);
      progress({ runId, phase: outcome.stopped ? 'waiting' : 'done', sent: outcome.sent, toSend, received: outcome.apply.received, toReceive, bytesUp: counter.up, bytesDown: counter.down, files: 0 });
    } catch (error) {
      failures++;
      // A full or read-only disk here is this device's trouble, and the history says so in the same words.
      const failure = error instanceof ApiFailure ? error : environmentFailure(error, options.dataDir);
      if (failure?.code === 'unavailable') page = Math.max(MIN_PAGE, Math.floor(page / 4));
      if (failure === null) log('sync failed', error);
      try {
        updateRun(db, runId, {
          status: 'failed',
          finishedAt: new Date(now()).toISOString(),
          bytesUp: counter.up,
          bytesDown: counter.down,
          error: failure?.detail ?? msg('error.syncServer', { status: 0, reason: error instanceof Error ? error.message.slice(0, 200) : String(error), then: msg('error.syncThenKept') }),
          ...(backupId === null ? {} : { backupId }),
        });
      } catch (recording) {
        // A disk too full to record the failure: the caller still hears of the failure itself;
        // the run is closed as interrupted when the backend next starts.
        log('sync: the failed run could not be recorded', recording);
      }
      progress({ runId, phase: 'failed', sent: 0, toSend, received: 0, toReceive, bytesUp: counter.up, bytesDown: counter.down, files: 0 });
      if (failure === null) throw error;
      throw failure;
    }
    return getRun(db, runId) as SyncRunSummary;
  };

  const syncNow = async (trigger: SyncTrigger = 'manual'): Promise<SyncRunSummary> => {
    // Asked for while a background sync runs: wait for it, then sync again (it may have started
    // before the change the user wants sent). Two runs never overlap.
    while (running !== null) {
      if (trigger === 'background') throw new ApiFailure('conflict', msg('error.syncRunning'));
      await running.catch(() => undefined);
    }
    const started = run(trigger).finally(() => {
      running = null;
    });
    running = started;
    return started;
  };

  // Background sync: on a timer, and shortly after local changes; backs off while failing.
  let timer: NodeJS.Timeout | null = null;
  const interval = options.autoIntervalMs ?? DEFAULT_INTERVAL_MS;
  function schedule(delay: number): void {
    if (closed || interval === 0) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void backgroundSync();
    }, delay);
    timer.unref();
  }
  async function backgroundSync(): Promise<void> {
    const identity = syncIdentity(db);
    if (identity !== null && readSetting(db, 'auto') !== '0' && running === null) {
      try {
        await syncNow('background');
      } catch {
        // Recorded in the history and shown in the status bar; the next attempt waits longer.
      }
    }
    schedule(nextBackgroundDelay());
  }
  /** After a sync: longer after each failure; soon when changes made while it ran wait to be sent; else the interval. */
  function nextBackgroundDelay(): number {
    if (failures > 0) return Math.min(MAX_BACKOFF_MS, interval * 2 ** Math.min(failures, 4));
    return changedSince !== null && hasUnsent(db) ? AFTER_CHANGE_MS : interval;
  }
  schedule(interval);
  const unsubscribe = onDataChanged(db, (change) => {
    // The search indexer's announcements name no rows and change nothing to send: they must not
    // keep putting off the sync a local change asked for.
    if (change.ids.length === 0) return;
    // Asked after every local write: whether, not how many (a count grows with a week offline).
    if (syncIdentity(db) !== null && hasUnsent(db) && failures === 0) {
      const at = now();
      changedSince ??= at;
      schedule(Math.max(0, Math.min(AFTER_CHANGE_MS, changedSince + AFTER_CHANGE_AT_MOST_MS - at)));
    }
  });

  return {
    status,
    enrol,
    syncNow,
    confirm: async (runId) => {
      const run = getRun(db, runId);
      if (run === null) throw new ApiFailure('not_found', msg('error.syncNoSuchRun', { id: runId }));
      if (run.status !== 'needs_confirmation') throw new ApiFailure('conflict', msg('error.syncNotConfirmable', { id: runId }));
      const result = await syncNow('confirmed');
      updateRun(db, runId, { status: 'done' });
      return result;
    },
    setAuto: (auto) => {
      saveSetting(db, 'auto', auto ? '1' : '0');
      if (auto) schedule(1000);
      return status();
    },
    history: (limit) => listRuns(db, limit),
    runItems: (runId) => {
      if (getRun(db, runId) === null) throw new ApiFailure('not_found', msg('error.syncNoSuchRun', { id: runId }));
      return runItems(db, runId);
    },
    rollback: (runId) => rollbackRun(db, runId),
    conflicts: () => openConflicts(db),
    resolveConflict: (id, keep) => resolveConflict(db, id, keep, now),
    sharing: (customerId) => {
      const identity = syncIdentity(db);
      return identity === null ? { space: 'private', team: null, teams: [] } : sharingOf(db, identity, customerId);
    },
    share: (customerId, teamId) => {
      const identity = syncIdentity(db);
      if (identity === null) throw new ApiFailure('conflict', msg('error.syncNotEnrolled'));
      const result = shareCustomer(db, identity, customerId, teamId, now());
      if (result.moved > 0) schedule(AFTER_CHANGE_MS);
      return result;
    },
    disconnect: () => {
      if (running !== null) throw new ApiFailure('conflict', msg('error.syncRunning'));
      db.transaction(() => forgetIdentity(db))();
      dropCaches(db);
      return status();
    },
    close: () => {
      closed = true;
      if (timer) clearTimeout(timer);
      unsubscribe();
    },
  };
}

/** The user this data folder synced as before (kept after a disconnect, so it is not mixed with another's work). */
/** Why a space's changes stay on this device, naming the space as its user knows it. */
function heldSpaceMessage(db: Db, space: string): ApiMessage {
  const kind = spaceKind(space);
  if (kind === 'team') return msg('error.syncHeldTeam', { team: teamSpaceName(db, space) });
  if (kind === 'published') return msg('error.syncHeldPublished');
  return msg('error.syncHeldSpace', { space });
}

function readPreviousUser(db: Db): string | null {
  return (db.prepare("SELECT value FROM sync_state WHERE key = 'user'").get() as { value: string } | undefined)?.value ?? null;
}

function readStoredRow(db: Db, table: RecordTable, row: string): Record<string, SqlValue> | undefined {
  const key = keyOfRowName(table, row);
  return key === null ? undefined : readStored(db, table, key);
}

/** What applying these messages would delete or overwrite here (values that differ from what is stored). */
export function previewOf(db: Db, messages: readonly SyncMessage[]): SyncPreview {
  const preview: SyncPreview = { deletes: 0, overwrites: 0, creates: 0, examples: [] };
  const seen = new Set<string>();
  const storedRows = readStoredRows(db, batchRows(messages));
  for (const m of messages) {
    if (!isRecordTable(m.dataset)) continue;
    const id = rowId(m.dataset, m.row);
    if (seen.has(id)) continue;
    const stored = mayBeStored(storedRows, m.dataset, m.row) ? readStoredRow(db, m.dataset, m.row) : undefined;
    if (stored === undefined) {
      preview.creates++;
      seen.add(id);
      continue;
    }
    const kind = m.values.deleted === 1 && stored.deleted === 0 ? 'delete' : Object.entries(m.values).some(([c, v]) => c in stored && stored[c] !== v) ? 'overwrite' : null;
    if (kind === null) continue;
    seen.add(id);
    if (kind === 'delete') preview.deletes++;
    else preview.overwrites++;
    if (preview.examples.length < 20) preview.examples.push({ dataset: m.dataset, row: m.row, label: labelOf(db, m.dataset, m.row), kind });
  }
  return preview;
}

/** Writes back what a run replaced, as new local changes that win everywhere when they sync. */
function rollbackRun(db: Db, runId: number): { reverted: number } {
  const run = getRun(db, runId);
  if (run === null) throw new ApiFailure('not_found', msg('error.syncNoSuchRun', { id: runId }));
  const items = db.prepare("SELECT seq, dataset, row, before FROM sync_run_items WHERE run_id = ? AND direction = 'down' AND before IS NOT NULL ORDER BY seq DESC").all(runId) as {
    seq: number;
    dataset: string;
    row: string;
    before: string;
  }[];
  if (items.length === 0) throw new ApiFailure('conflict', msg('error.syncNothingToRollBack', { id: runId }));
  let reverted = 0;
  transact(db, () => {
    for (const item of items) {
      if (!isRecordTable(item.dataset)) continue;
      const table = item.dataset;
      const key = keyOfRowName(table, item.row);
      if (key === null || readStoredRow(db, table, item.row) === undefined) continue;
      const before = JSON.parse(item.before) as Record<string, SqlValue>;
      if ('' in before) {
        // The run created the row: take it away again (a tombstone, where the table keeps them).
        if (hasColumn(table, 'deleted')) commit(db, [remove(table as never, key as never)]);
      } else {
        commit(db, [update(table as never, key as never, before as never)]);
      }
      db.prepare("UPDATE sync_run_items SET status = 'rolled_back' WHERE run_id = ? AND seq = ?").run(runId, item.seq);
      reverted++;
    }
    updateRun(db, runId, { status: 'rolled_back' });
  });
  return { reverted };
}

function resolveConflict(db: Db, id: number, keep: 'local' | 'remote', now: () => number): { resolved: boolean } {
  const conflict = db.prepare('SELECT dataset, row, column_name, local_value, remote_value FROM sync_conflicts WHERE id = ? AND resolved_at IS NULL').get(id) as
    | { dataset: string; row: string; column_name: string; local_value: string | null; remote_value: string | null }
    | undefined;
  if (conflict === undefined || !isRecordTable(conflict.dataset)) throw new ApiFailure('not_found', msg('error.syncNoSuchConflict', { id }));
  const table = conflict.dataset;
  const raw = keep === 'local' ? conflict.local_value : conflict.remote_value;
  const value = raw === null ? null : (JSON.parse(raw) as SqlValue);
  const key = keyOfRowName(table, conflict.row);
  // Keeping a body keeps its text too (derived.ts); a conflict an earlier version recorded on the text goes with it.
  const derived = derivedColumnOf(table);
  const checked = derived?.from === conflict.column_name ? checkIncomingValue(table, conflict.column_name, value) : null;
  const withText = derived !== undefined && checked?.ok === true && checked.text !== undefined ? { [derived.column]: checked.text } : {};
  transact(db, () => {
    const resolvedAt = new Date(now()).toISOString();
    if (key !== null && readStoredRow(db, table, conflict.row) !== undefined) commit(db, [update(table as never, key as never, { [conflict.column_name]: value, ...withText } as never)]);
    db.prepare('UPDATE sync_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?').run(resolvedAt, keep, id);
    if (derived?.from === conflict.column_name) {
      db.prepare('UPDATE sync_conflicts SET resolved_at = ?, resolution = ? WHERE dataset = ? AND row = ? AND column_name = ? AND resolved_at IS NULL').run(resolvedAt, keep, table, conflict.row, derived.column);
    }
  });
  return { resolved: true };
}
