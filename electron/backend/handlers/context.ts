import type { Handlers } from '../../../core/api/dispatch';
import type { CallName } from '../../../core/api/contract';
import type { Db } from '../db/connection';
import type { Emit } from '../events';
import type { Platform } from '../platform';

/** What every domain's handlers may use. */
export type HandlerContext = {
  db: Db;
  host: 'electron' | 'web';
  appVersion: string;
  dataDir: string;
  schemaVersion: number;
  emit: Emit;
  /** What the host can do for the backend (Electron: print to PDF); empty in the browser host. */
  platform: Platform;
};

/** The handlers for one domain's call map (e.g. `HandlersFor<typeof kbCalls>`). */
export type HandlersFor<M> = { [N in keyof M & CallName]: Handlers[N] };
