import { RECORD_TABLES } from '../../../core/api/tables';
import { funnelIsWriting } from './changes';
import type { Db } from './connection';

/**
 * Makes this connection refuse any write to a record table that does not come from the write
 * funnel (changes.ts): temporary triggers ask a function whether the funnel is running the
 * statement. The integration tests open every backend with it, so a module that writes around the
 * funnel fails them at run time (the static check in test/unit/write-funnel.test.ts finds the rest).
 * Temporary triggers live only on this connection; the database file is not changed.
 */
export function guardRecordTables(db: Db): void {
  db.function('fieldbench_funnel_writing', { deterministic: false }, () => (funnelIsWriting() ? 1 : 0));
  for (const table of RECORD_TABLES) {
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      db.exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS guard_${event.toLowerCase()}_${table} BEFORE ${event} ON main.${table}
         WHEN fieldbench_funnel_writing() = 0
         BEGIN SELECT RAISE(ABORT, '${table} was written outside the write funnel (electron/backend/db/changes.ts)'); END`,
      );
    }
  }
}
