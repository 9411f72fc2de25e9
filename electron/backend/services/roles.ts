import { msg, type ApiMessage } from '../../../core/api/message';
import { ApiFailure } from '../../../core/api/result';
import type { Db } from '../db/connection';
import { syncIdentity, type SyncIdentity } from '../sync/state';

/** Who may do what on this device: its sync account's role (a device not connected has none). */

export function identityOrFail(db: Db): SyncIdentity {
  const identity = syncIdentity(db);
  if (identity === null) throw new ApiFailure('conflict', msg('error.syncNotEnrolled'));
  return identity;
}

/** The account, when it is a knowledge manager's; else refused with `refusal` (what only they may do). */
export function managerOrFail(db: Db, refusal: ApiMessage): SyncIdentity {
  const identity = identityOrFail(db);
  if (identity.role !== 'knowledge_manager') throw new ApiFailure('forbidden', refusal);
  return identity;
}
