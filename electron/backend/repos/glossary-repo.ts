import type { GlossaryTerm } from '../../../core/kb/types';
import type { Db } from '../db/connection';
import { prepared } from '../db/statements';
import { stringArray } from './json';

/**
 * The glossary's terms by English name; with a query, those with a name that contains it (any
 * case). Rows may come from a publication: only the string names of each list are shown.
 */
export function listGlossary(db: Db, query: string | undefined): GlossaryTerm[] {
  const rows = prepared(db, 'SELECT id, terms_en, terms_zh, abbreviations FROM glossary_entries WHERE deleted = 0').all() as {
    id: string;
    terms_en: string;
    terms_zh: string;
    abbreviations: string;
  }[];
  const terms = rows.map((r) => ({ id: r.id, en: stringArray(r.terms_en), zh: stringArray(r.terms_zh), abbr: stringArray(r.abbreviations) }));
  const needle = (query ?? '').trim().toLowerCase();
  const found = needle === '' ? terms : terms.filter((t) => [...t.en, ...t.zh, ...t.abbr].some((name) => name.toLowerCase().includes(needle)));
  return found.sort((a, b) => (a.en[0] ?? a.id).localeCompare(b.en[0] ?? b.id, 'en', { sensitivity: 'base' }));
}
