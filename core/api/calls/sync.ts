import { z } from 'zod';
import { id, noArgs, returns } from './common';
import { encryptedOrLocal, SERVER_URL } from '../../sync/server-url';
import { TEAM_ID_PATTERN } from '../../sync/spaces';
import { UNPRINTABLE_IN_NAME } from '../../sync/protocol';
import type { CustomerSharing, SyncConflict, SyncRunItem, SyncRunSummary, SyncStatus } from '../../sync/status';

// An address typed without its scheme (fieldbench.example.com) is https, as browsers read it.
const serverUrl = z
  .string()
  .trim()
  .max(500)
  .transform((url) => (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(url) ? url : `https://${url}`))
  .pipe(z.string().regex(SERVER_URL, 'issue.notServerUrl').refine(encryptedOrLocal, 'issue.serverUrlNotHttps'));

const runId = z.number().int().min(1);

/** Sync with the central repository: the account of this device, syncing, its history and conflicts. */
export const syncCalls = {
  /** Whether this device is enrolled, what waits to be sent, the last run. */
  'sync.status': { args: noArgs, result: returns<SyncStatus>() },
  /** Enrols this device with the user's credentials (once); the server gives it a revocable token. */
  'sync.enrol': {
    args: z.object({ serverUrl, username: z.string().trim().min(1).max(100), password: z.string().min(1).max(1000), deviceName: z.string().trim().min(1).max(200).refine((name) => !UNPRINTABLE_IN_NAME.test(name), 'issue.unprintableName') }).strict(),
    result: returns<SyncStatus>(),
  },
  /** Syncs now: sends what changed here, brings what changed elsewhere. */
  'sync.now': { args: noArgs, result: returns<SyncRunSummary>() },
  /** Applies a sync that waited for confirmation because it deletes or overwrites much. */
  'sync.confirm': { args: z.object({ runId }).strict(), result: returns<SyncRunSummary>() },
  /** Turns background sync (when the server is reachable) on or off. */
  'sync.setAuto': { args: z.object({ auto: z.boolean() }).strict(), result: returns<SyncStatus>() },
  /** The latest sync runs, newest first. */
  'sync.history': { args: z.object({ limit: z.number().int().min(1).max(200).optional() }).strict(), result: returns<SyncRunSummary[]>() },
  /** What one run sent and received, record by record. */
  'sync.runItems': { args: z.object({ runId }).strict(), result: returns<SyncRunItem[]>() },
  /** Undoes what a run changed on this device, as new changes (which then sync like any other). */
  'sync.rollback': { args: z.object({ runId }).strict(), result: returns<{ reverted: number }>() },
  /** Fields changed here and on another device before either saw the other's change. */
  'sync.conflicts': { args: noArgs, result: returns<SyncConflict[]>() },
  /** Keeps one of a conflict's two values. */
  'sync.resolveConflict': { args: z.object({ id: z.number().int().min(1), keep: z.enum(['local', 'remote']) }).strict(), result: returns<{ resolved: boolean }>() },
  /** Whether a customer is private or shared with an account team, and the user's teams. */
  'sync.sharing': { args: z.object({ customerId: id }).strict(), result: returns<CustomerSharing>() },
  /** Shares a customer and everything under it with one of the user's teams (not undone). */
  'sync.share': { args: z.object({ customerId: id, teamId: z.string().regex(TEAM_ID_PATTERN) }).strict(), result: returns<{ moved: number }>() },
  /** Forgets this device's account (its data stays; to sync again it enrols again). */
  'sync.disconnect': { args: noArgs, result: returns<SyncStatus>() },
} as const;
