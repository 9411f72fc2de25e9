import type { Migration } from './types';

/**
 * Search that finds what people mean (electron/backend/search/):
 *
 * - search_fts gains a `keys` column between title and body: tags, scenario names in both
 *   languages and the record's id, ranked below the title and above the body.
 * - search_words: every indexed word with its stem key (core/text/stem.ts), to expand a word
 *   into its other forms and to correct a mistyped word against the words that exist.
 *
 * The index is rebuilt from the records by migration 7, once its layout is complete.
 */
export const searchRelevance: Migration = {
  id: 5,
  name: 'search-relevance',
  up(db) {
    db.exec(`
DROP TABLE search_fts;
CREATE VIRTUAL TABLE search_fts USING fts5(title, keys, body, tokenize = 'unicode61 remove_diacritics 2');
-- As in migration 2: a pack import's index becomes one segment.
INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 134217728);
CREATE TABLE search_words (
  id INTEGER PRIMARY KEY,
  word TEXT NOT NULL UNIQUE,
  stem TEXT NOT NULL
) STRICT;
CREATE INDEX search_words_stem ON search_words(stem);
`);
  },
};
