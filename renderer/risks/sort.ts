import { RISK_STATUSES, type RiskItem } from '../../core/risks/types';

/** How the register table can be sorted; the pure comparison lives here to be unit-tested. */
export const RISK_SORTS = ['score', 'due', 'status'] as const;
export type RiskSort = (typeof RISK_SORTS)[number];
export type SortDirection = 'asc' | 'desc';

function compare(a: RiskItem, b: RiskItem, key: RiskSort): number {
  if (key === 'score') return a.score - b.score;
  if (key === 'status') return RISK_STATUSES.indexOf(a.status) - RISK_STATUSES.indexOf(b.status);
  // Risks without a due date sort after every dated one, in either direction.
  if (a.dueDate === b.dueDate) return 0;
  if (a.dueDate === null) return 1;
  if (b.dueDate === null) return -1;
  return a.dueDate < b.dueDate ? -1 : 1;
}

/** A sorted copy; ties keep the backend's order (highest score, then earliest due date). */
export function sortRisks(items: readonly RiskItem[], key: RiskSort, direction: SortDirection): RiskItem[] {
  const sign = direction === 'asc' ? 1 : -1;
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      const c = compare(a.item, b.item, key);
      if (c !== 0) return key === 'due' && (a.item.dueDate === null || b.item.dueDate === null) ? c : c * sign;
      return a.index - b.index;
    })
    .map(({ item }) => item);
}

/** The direction a column starts in when first chosen: highest score and earliest date first. */
export function defaultDirection(key: RiskSort): SortDirection {
  return key === 'score' ? 'desc' : 'asc';
}
