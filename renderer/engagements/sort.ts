import type { CustomerSummary, EngagementSummary } from '../../core/engagements/types';

/** Column sorting for the engagement and customer tables. Pure, so it is unit-tested. */

export type SortDir = 'asc' | 'desc';
export type Sort<K extends string> = { key: K; dir: SortDir };

export const ENGAGEMENT_SORT_KEYS = ['title', 'customer', 'stage', 'start', 'end', 'updated'] as const;
export type EngagementSortKey = (typeof ENGAGEMENT_SORT_KEYS)[number];
export const CUSTOMER_SORT_KEYS = ['name', 'kind', 'industry', 'region', 'engagements', 'updated'] as const;
export type CustomerSortKey = (typeof CUSTOMER_SORT_KEYS)[number];

// Sorting follows the user's language (pinyin order for Chinese, case-insensitive for Latin).
const collators = new Map<string, Intl.Collator>();
function collator(locale: string): Intl.Collator {
  let c = collators.get(locale);
  if (!c) collators.set(locale, (c = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })));
  return c;
}

/** Missing values (no date, empty text) sort last in both directions. */
function compareValues(a: string | number | null, b: string | number | null, dir: SortDir, locale: string): number {
  const aMissing = a === null || a === '';
  const bMissing = b === null || b === '';
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  const order = typeof a === 'number' && typeof b === 'number' ? a - b : collator(locale).compare(String(a), String(b));
  return dir === 'asc' ? order : -order;
}

/** Stable: rows that compare equal keep the backend's order (most recently changed first). */
function sortBy<T>(rows: readonly T[], value: (row: T) => string | number | null, dir: SortDir, locale: string): T[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => compareValues(value(a.row), value(b.row), dir, locale) || a.index - b.index)
    .map((x) => x.row);
}

export function sortEngagements(rows: readonly EngagementSummary[], sort: Sort<EngagementSortKey>, locale: string, stageOrder: readonly string[]): EngagementSummary[] {
  const value = (e: EngagementSummary): string | number | null => {
    switch (sort.key) {
      case 'title':
        return e.title;
      case 'customer':
        return e.customerName;
      case 'stage':
        return stageOrder.indexOf(e.stage);
      case 'start':
        return e.startDate;
      case 'end':
        return e.endDate;
      case 'updated':
        return e.updatedAt;
    }
  };
  return sortBy(rows, value, sort.dir, locale);
}

export function sortCustomers(rows: readonly CustomerSummary[], sort: Sort<CustomerSortKey>, locale: string): CustomerSummary[] {
  const value = (c: CustomerSummary): string | number | null => {
    switch (sort.key) {
      case 'name':
        return c.name;
      case 'kind':
        return c.kind;
      case 'industry':
        return c.industry;
      case 'region':
        return c.region;
      case 'engagements':
        return c.engagementCount;
      case 'updated':
        return c.updatedAt;
    }
  };
  return sortBy(rows, value, sort.dir, locale);
}

/** Reads `sort=<key>` / `sort=-<key>` (descending) from the URL, falling back to `fallback`. */
export function parseSort<K extends string>(raw: string | null, keys: readonly K[], fallback: Sort<K>): Sort<K> {
  if (!raw) return fallback;
  const dir: SortDir = raw.startsWith('-') ? 'desc' : 'asc';
  const key = raw.replace(/^-/, '');
  return (keys as readonly string[]).includes(key) ? { key: key as K, dir } : fallback;
}

export function sortParam<K extends string>(sort: Sort<K>): string {
  return sort.dir === 'desc' ? `-${sort.key}` : sort.key;
}

/** Clicking a column: the same column flips direction; another starts ascending (dates: newest first). */
export function nextSort<K extends string>(current: Sort<K>, key: K, descFirst: readonly K[] = []): Sort<K> {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: descFirst.includes(key) ? 'desc' : 'asc' };
}
