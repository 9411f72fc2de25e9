import type { Migration } from './types';

/**
 * Words the Porter stemmer put under another word's key (busy under business, experiment under
 * experience, production under product, generation under general, communication under community,
 * authority under author) get keys of their own in search_words, as search/stem.ts now gives
 * them: a search for business no longer finds busy as another form of it. The keys are written
 * out here, not computed, so this step does the same whatever later versions of stem.ts do.
 */
const KEYS: Record<string, string[]> = {
  busy: ['busy'],
  experiment: ['experiment', 'experiments', 'experimenting', 'experimented'],
  generat: ['generate', 'generates', 'generated', 'generating', 'generation', 'generations', 'generative', 'generator', 'generators'],
  generic: ['generic', 'generics'],
  communic: ['communicate', 'communicates', 'communicated', 'communicating', 'communication', 'communications'],
  news: ['news'],
  authority: ['authority', 'authorities'],
  production: ['production', 'productions'],
  productiv: ['productive', 'productivity'],
};

export const distinctStems: Migration = {
  id: 10,
  name: 'distinct-stems',
  up(db) {
    const update = db.prepare('UPDATE search_words SET stem = ? WHERE word = ?');
    for (const [key, words] of Object.entries(KEYS)) for (const word of words) update.run(key, word);
  },
};
