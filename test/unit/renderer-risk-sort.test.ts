import { describe, expect, it } from 'vitest';
import type { RiskItem } from '../../core/risks/types';
import { sortRisks } from '../../renderer/risks/sort';
import { orderChecklists } from '../../renderer/risks/AddFromChecklistDialog';

function risk(id: string, score: number, dueDate: string | null, status: RiskItem['status']): RiskItem {
  return { id, score, dueDate, status } as RiskItem;
}

describe('risk table sorting', () => {
  const items = [risk('a', 12, '2026-05-01', 'mitigated'), risk('b', 20, null, 'open'), risk('c', 6, '2026-04-01', 'mitigating'), risk('d', 12, null, 'open')];

  it('sorts by score either way, ties in the given order', () => {
    expect(sortRisks(items, 'score', 'desc').map((r) => r.id)).toEqual(['b', 'a', 'd', 'c']);
    expect(sortRisks(items, 'score', 'asc').map((r) => r.id)).toEqual(['c', 'a', 'd', 'b']);
  });

  it('sorts by due date with undated risks last in both directions', () => {
    expect(sortRisks(items, 'due', 'asc').map((r) => r.id)).toEqual(['c', 'a', 'b', 'd']);
    expect(sortRisks(items, 'due', 'desc').map((r) => r.id)).toEqual(['a', 'c', 'b', 'd']);
  });

  it('sorts by status in workflow order', () => {
    expect(sortRisks(items, 'status', 'asc').map((r) => r.status)).toEqual(['open', 'open', 'mitigating', 'mitigated']);
  });

  it('puts checklists for the engagement scenarios first', () => {
    const summary = (id: string, scenarios: string[]) => ({ id, version: 1, title: { en: id, zh: id }, description: { en: '', zh: '' }, scenarios, itemCount: 1 });
    const ordered = orderChecklists([summary('all', []), summary('video', ['video-analytics']), summary('ics', ['intelligent-customer-service'])], ['intelligent-customer-service']);
    expect(ordered.map((c) => c.id)).toEqual(['ics', 'all', 'video']);
  });
});
