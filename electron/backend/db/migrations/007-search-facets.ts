import type { Migration } from './types';
import { rebuildSearchIndex } from '../../search/indexers';

/**
 * An article's type, scenarios and tags on its search index entries (search_docs), written with
 * the entry: the knowledge-base filters then test the index itself instead of reading the
 * article for every candidate match.
 *
 * The index is then rebuilt from the records: migrations 5 to 7 changed its layout (this must
 * stay the last migration that calls the current indexers, which write the current layout).
 */
export const searchFacets: Migration = {
  id: 7,
  name: 'search-facets',
  up(db) {
    db.exec(`
ALTER TABLE search_docs ADD COLUMN type TEXT;
ALTER TABLE search_docs ADD COLUMN scenarios TEXT NOT NULL DEFAULT '[]';
ALTER TABLE search_docs ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
`);
    rebuildSearchIndex(db);
  },
};
