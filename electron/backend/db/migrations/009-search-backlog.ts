import type { Migration } from './types';

/**
 * Records whose search entries are still to be written: a large sync (a fresh device taking the
 * published knowledge base) applies its rows at once and leaves their indexing to the background
 * indexer (search/backlog.ts), so the articles can be read before all of them can be found.
 * Queued in the same transaction as the rows, so a crash leaves nothing unindexed for good.
 */
export const searchBacklog: Migration = {
  id: 9,
  name: 'search-backlog',
  up(db) {
    db.exec(`
CREATE TABLE search_backlog (
  kind TEXT NOT NULL,
  ref_id TEXT NOT NULL,
  PRIMARY KEY (kind, ref_id)
) STRICT, WITHOUT ROWID;`);
  },
};
