import type { syncCalls } from '../../../core/api/calls/sync';
import type { HandlerContext, HandlersFor } from './context';

/** Sync with the central repository: every call adapts to the sync service (sync/service.ts). */
export function syncHandlers({ sync }: HandlerContext): HandlersFor<typeof syncCalls> {
  return {
    'sync.status': () => sync.status(),
    'sync.enrol': (args) => sync.enrol(args),
    'sync.now': () => sync.syncNow('manual'),
    'sync.confirm': ({ runId }) => sync.confirm(runId),
    'sync.setAuto': ({ auto }) => sync.setAuto(auto),
    'sync.history': ({ limit }) => sync.history(limit ?? 50),
    'sync.runItems': ({ runId }) => sync.runItems(runId),
    'sync.rollback': ({ runId }) => sync.rollback(runId),
    'sync.conflicts': () => sync.conflicts(),
    'sync.resolveConflict': ({ id, keep }) => sync.resolveConflict(id, keep),
    'sync.sharing': ({ customerId }) => sync.sharing(customerId),
    'sync.share': ({ customerId, teamId }) => sync.share(customerId, teamId),
    'sync.disconnect': () => sync.disconnect(),
  };
}
