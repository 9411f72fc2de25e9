import { OWN_KEYS } from '../../search/stem';
import type { Migration } from './types';

/**
 * Words the Porter stemmer put under another word's key (busy under business, experiment under
 * experience, production under product, generation under general, communication under community,
 * authority under author) get the keys of their own that search/stem.ts now gives them, in the
 * index's vocabulary (search_words is derived from the stemmer and must agree with it): a search
 * for business no longer finds busy as another form of it.
 */
export const distinctStems: Migration = {
  id: 10,
  name: 'distinct-stems',
  up(db) {
    const update = db.prepare('UPDATE search_words SET stem = ? WHERE word = ?');
    for (const [word, key] of Object.entries(OWN_KEYS)) update.run(key, word);
  },
};
