import type { SyncProgress } from '../sync/status';
import type { RecordTable } from './tables';

/** Push events from backend to renderer; both transports carry exactly these. */
export type Events = {
  /**
   * Records changed (a user's edit, a content import, later sync), sent once after each commit.
   * `ids` are the changed rows' keys, at most DATA_CHANGED_MAX_IDS of them: bulk changes list
   * only the first ones, so invalidate by table. `seq` numbers the commits of this backend run; a
   * call's result names the commits it made (`ApiResult.committed`), so a renderer can tell the
   * echo of its own change from a change made elsewhere.
   */
  'data.changed': { tables: RecordTable[]; ids: string[]; seq: number };
  /** The bundled content pack was imported or upgraded. */
  'content.imported': { packVersion: number; added: number; updated: number; problems: number };
  /** A sync's progress: records and bytes each way, the phase it is in, and when it ends. */
  'sync.progress': SyncProgress;
};
export type EventName = keyof Events;
export const EVENT_NAMES: readonly EventName[] = ['data.changed', 'content.imported', 'sync.progress'];
export const DATA_CHANGED_MAX_IDS = 1000;
