import type { Migration } from './types';

/**
 * Search tuning and what on-site work (engagements, assessments, risks, notes) needs beyond 001.
 * Additive only: new tables, new columns with defaults, new indexes.
 */
export const fieldWork: Migration = {
  id: 2,
  name: 'field-work',
  up(db) {
    db.exec(`
-- FTS5 keeps up to 'hashsize' bytes of a transaction's new index data in memory before writing a
-- segment (default 1 MiB). A pack import indexes everything in one transaction: with 128 MiB even
-- 100,000 articles (~115 MiB of index) become one segment instead of hundreds that are merged over
-- and over — about half the FTS time in the benchmark. A real pack needs a few MiB; small
-- transactions are unaffected (the data is written at every commit).
INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 134217728);

CREATE INDEX attachment_links_sha256 ON attachment_links(sha256);
-- The same bytes can arrive under different names: the name belongs to the link.
ALTER TABLE attachment_links ADD COLUMN name TEXT NOT NULL DEFAULT '';
`);
  },
};
