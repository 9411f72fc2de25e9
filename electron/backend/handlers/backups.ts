import type { backupCalls } from '../../../core/api/calls/backups';
import { msg } from '../../../core/api/message';
import { ApiFailure } from '../../../core/api/result';
import type { HandlerContext, HandlersFor } from './context';

/** Backups and recovery while the database is healthy (recovery mode has its own table in launch.ts). */
export function backupHandlers({ dataSafety }: HandlerContext): HandlersFor<typeof backupCalls> {
  return {
    'backups.list': () => dataSafety.status().backups,
    // A full disk or a read-only folder is said by dispatch's classifier, like any other write.
    'backups.create': () => dataSafety.createBackup('manual'),
    'backups.restore': ({ id }) => dataSafety.restore(id),
    'recovery.status': () => dataSafety.status(),
    'recovery.restoreBackup': ({ id }) => dataSafety.restore(id),
    'recovery.rescue': () => {
      throw new ApiFailure('conflict', msg('error.notInRecovery'));
    },
  };
}
