import type { ApiMessage } from '../api/message';
import type { SyncTeam } from './protocol';
import type { Role } from './spaces';

/** What the renderer learns about sync (the `sync.*` calls and the `sync.progress` event). */

export type SyncAccount = { serverUrl: string; userName: string; displayName: string; role: Role; deviceId: string; deviceName: string | null; enrolledAt: string; teams: SyncTeam[] };

/** Whether a customer is private or shared with an account team, and the teams it could be shared with. */
export type CustomerSharing = { space: 'private' | 'team'; team: SyncTeam | null; teams: SyncTeam[] };

export type SyncTrigger = 'manual' | 'background' | 'confirmed';
export type SyncRunStatus = 'running' | 'done' | 'failed' | 'needs_confirmation' | 'rolled_back';

/** What a sync would delete or overwrite on this device, shown for confirmation when it is much. */
export type SyncPreview = {
  deletes: number;
  overwrites: number;
  creates: number;
  /** The first records affected, with a readable label. */
  examples: { dataset: string; row: string; label: string; kind: 'delete' | 'overwrite' }[];
};

export type SyncRunSummary = {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  trigger: SyncTrigger;
  status: SyncRunStatus;
  sent: number;
  received: number;
  applied: number;
  refused: number;
  conflicts: number;
  bytesUp: number;
  bytesDown: number;
  /** The backup taken before this run applied anything (Settings › Backups). */
  backupId: string | null;
  error: ApiMessage | null;
  preview: SyncPreview | null;
};

export type SyncStatus = {
  account: SyncAccount | null;
  auto: boolean;
  running: boolean;
  /** Changes made here that the server has not acknowledged yet. */
  outbox: number;
  /** Files attached here whose bytes the server does not have yet (files.ts countFilesToSend). */
  filesToSend: number;
  /** Records that arrived without their parent and wait for it. */
  waiting: number;
  openConflicts: number;
  lastRun: SyncRunSummary | null;
  lastSuccessAt: string | null;
};

export type SyncItemStatus = 'sent' | 'applied' | 'unchanged' | 'refused' | 'conflict' | 'waiting' | 'rolled_back';

export type SyncRunItem = {
  seq: number;
  direction: 'up' | 'down';
  dataset: string;
  row: string;
  label: string;
  status: SyncItemStatus;
  /** Why it was refused, waits or was set aside. */
  detail: ApiMessage | null;
  /** For a conflict: the columns changed here and elsewhere. */
  fields: string[] | null;
};

export type SyncConflict = {
  id: number;
  dataset: string;
  row: string;
  column: string;
  label: string;
  /** The values as stored (JSON-decoded); rich text comes as its plain text too. */
  localValue: string | number | null;
  remoteValue: string | number | null;
  localText: string;
  remoteText: string;
  kept: 'local' | 'remote';
  detectedAt: string;
  /** Who made the other change: the device's name, its user, and whether that is this device's user; null until the server has said. */
  other: { device: string; user: string; mine: boolean } | null;
};

export type SyncPhase = 'connecting' | 'sending' | 'receiving' | 'files' | 'checking' | 'done' | 'failed' | 'waiting';

/**
 * `toReceive`: the messages this sync takes in all, received so far included — what the server
 * holds in this device's spaces that the device does not (their digests' counts); null until the
 * server's first answer.
 */
export type SyncProgress = { runId: number; phase: SyncPhase; sent: number; toSend: number; received: number; toReceive: number | null; bytesUp: number; bytesDown: number; files: number };
