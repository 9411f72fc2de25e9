import type { Migration } from './types';

/**
 * The bilingual domain glossary (resources/content/glossary.yaml): one row per term with its
 * English and Chinese names and abbreviations (JSON arrays of strings). A content table like
 * checklists: the pack brings it, knowledge managers publish it, search expands queries through it.
 */
export const glossary: Migration = {
  id: 6,
  name: 'glossary',
  up(db) {
    db.exec(`
CREATE TABLE glossary_entries (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  terms_en TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(terms_en)),
  terms_zh TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(terms_zh)),
  abbreviations TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(abbreviations)),
  origin TEXT NOT NULL CHECK (origin IN ('pack', 'user', 'sync')),
  locally_modified INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;
`);
  },
};
