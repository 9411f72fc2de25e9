import { z } from 'zod';
import { noArgs, returns } from './common';
import type { BackupInfo, RecoveryStatus, RescueReport, RestoreResult } from '../types';

const backupId = z.string().regex(/^fieldbench-\d{8}T\d{6}Z-[0-9a-f]{6}-[a-z-]{5,20}$/, 'issue.notBackupId');

/**
 * Backups of the local database and recovery from a damaged one. `recovery.*` and `backups.list`
 * also answer in recovery mode, when every other call answers `unavailable`.
 */
export const backupCalls = {
  /** The verified backups in the data folder, newest first. */
  'backups.list': { args: noArgs, result: returns<BackupInfo[]>() },
  /** Backs the database up now. */
  'backups.create': { args: noArgs, result: returns<BackupInfo>() },
  /** Replaces the database with a backup; the current data is backed up first. The app reloads after. */
  'backups.restore': { args: z.object({ id: backupId }).strict(), result: returns<RestoreResult>() },
  /** Whether the database is healthy, what was repaired, and the backups to restore from. */
  'recovery.status': { args: noArgs, result: returns<RecoveryStatus>() },
  /** In recovery mode: restores a backup; the damaged file is kept aside. */
  'recovery.restoreBackup': { args: z.object({ id: backupId }).strict(), result: returns<RestoreResult>() },
  /** In recovery mode: copies every readable row of the damaged database into a new one and opens it. */
  'recovery.rescue': { args: noArgs, result: returns<RescueReport>() },
} as const;
