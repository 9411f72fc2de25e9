import fs from 'node:fs';
import path from 'node:path';
import { msg, type ApiMessage } from '../../../core/api/message';
import { attachmentsDir } from '../files/attachment-store';
import { environmentKind } from '../environment-errors';
import { listBackups } from './backups';

/**
 * Thrown at start-up when the database must not be opened as it is: it is damaged, or it is
 * missing (or empty) in a folder that holds the user's files. launch.ts then starts in recovery
 * mode instead of the app, so the user chooses what happens — never a silent fresh start.
 */
export class DatabaseNeedsRecovery extends Error {
  override name = 'DatabaseNeedsRecovery';
  constructor(readonly problem: ApiMessage) {
    super(problem.key);
  }
}

function holdsFiles(folder: string): boolean {
  try {
    return fs.readdirSync(folder).some((n) => !n.startsWith('.'));
  } catch {
    return false;
  }
}

/**
 * A missing or 0-byte database beside attachments or backups is lost data, not a first start: a
 * first start has neither.
 */
export function refuseSuspiciouslyEmpty(dataDir: string, dbFile: string): void {
  let size: number | null = null;
  try {
    size = fs.statSync(dbFile).size;
  } catch {
    size = null;
  }
  if (size !== null && size > 0) return;
  if (holdsFiles(attachmentsDir(dataDir)) || listBackups(dataDir).length > 0) {
    throw new DatabaseNeedsRecovery(msg('recovery.missing', { file: dbFile }));
  }
}

/** The start-up error as recovery mode wants it, when it says the database is damaged. */
export function asNeedsRecovery(error: unknown, dbFile: string): DatabaseNeedsRecovery | null {
  if (error instanceof DatabaseNeedsRecovery) return error;
  if (environmentKind(error) !== 'damaged') return null;
  const detail = error instanceof Error ? error.message : String(error);
  return new DatabaseNeedsRecovery(msg('recovery.damaged', { file: path.basename(dbFile), detail }));
}
