import type { Handlers } from '../../../core/api/dispatch';
import type { CallName } from '../../../core/api/contract';
import type { Emit } from '../events';
import type { ServiceContext } from '../services/context';
import type { BackupInfo, BackupReason, RecoveryStatus, RestoreResult } from '../../../core/api/types';

/** The data-safety operations of a running backend (backend.ts builds them; restoring goes through launch.ts). */
export type DataSafety = {
  status(): RecoveryStatus;
  createBackup(reason: BackupReason): Promise<BackupInfo>;
  restore(id: string): Promise<RestoreResult>;
};

/**
 * What every domain's handlers may use. Handlers are thin adapters from a call to a service
 * (services/<domain>.ts holds the rules); a plain read with no rule may call a repository directly.
 */
export type HandlerContext = ServiceContext & {
  host: 'electron' | 'web';
  appVersion: string;
  schemaVersion: number;
  emit: Emit;
  dataSafety: DataSafety;
};

/** The handlers for one call map (e.g. `HandlersFor<typeof kbCalls>`). */
export type HandlersFor<M> = { [N in keyof M & CallName]: Handlers[N] };
