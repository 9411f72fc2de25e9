import type { Migration } from './types';

/**
 * Who made the other side of a conflict: the device's name and its user, as the server says who
 * sent that message (sync/authors.ts). NULL until asked; '' when the server did not know it.
 */
export const conflictAuthors: Migration = {
  id: 11,
  name: 'conflict-authors',
  up(db) {
    db.exec(`
ALTER TABLE sync_conflicts ADD COLUMN remote_device TEXT;
ALTER TABLE sync_conflicts ADD COLUMN remote_user TEXT;
ALTER TABLE sync_conflicts ADD COLUMN remote_user_id TEXT;`);
  },
};
