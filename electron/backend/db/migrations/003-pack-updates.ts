import type { Migration } from './types';

/**
 * Content-pack updates the importer held back because the user changed (or deleted) the record,
 * or a record of another origin owns its id. Device bookkeeping, never synced: each device holds
 * its own pack and its own choices. The pack's record is kept whole (`record`, the file as loaded)
 * so it can be compared and taken as a new version later; the user's rows are never touched.
 */
export const packUpdates: Migration = {
  id: 3,
  name: 'pack-updates',
  up(db) {
    db.exec(`
CREATE TABLE pack_updates (
  kind TEXT NOT NULL CHECK (kind IN ('scenario', 'article', 'assessment', 'checklist', 'template')),
  id TEXT NOT NULL,
  pack_id TEXT NOT NULL,
  -- The record's version in the pack (for templates, not the version number it would be stored under).
  pack_version INTEGER NOT NULL,
  title_en TEXT NOT NULL,
  title_zh TEXT NOT NULL,
  record TEXT NOT NULL CHECK (json_valid(record)),
  -- edited: the user changed the record (for templates: saved a version of their own); deleted: the
  -- user deleted it; owned: a record written by the user or received by sync has the same id.
  reason TEXT NOT NULL CHECK (reason IN ('edited', 'deleted', 'owned')),
  held_at TEXT NOT NULL,
  -- held until the user takes it (templates: as a new version) or dismisses it; a newer pack
  -- version of the same record holds it back again.
  state TEXT NOT NULL DEFAULT 'held' CHECK (state IN ('held', 'taken', 'dismissed')),
  settled_at TEXT,
  taken_as_version INTEGER,
  PRIMARY KEY (kind, id)
) STRICT;
`);
  },
};
