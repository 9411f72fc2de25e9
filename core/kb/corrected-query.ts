import type { SearchCorrection } from './types';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The query as it was searched: each corrected word replaced, wherever it stands as a whole word (any case). */
export function correctedQuery(query: string, corrections: readonly SearchCorrection[]): string {
  let out = query;
  for (const c of corrections) out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escape(c.from)}(?![\\p{L}\\p{N}])`, 'giu'), c.to);
  return out;
}
