import { describe, expect, it } from 'vitest';
import { binRisks, cellFill, heatLayout, severityOf } from '../../renderer/charts/heatmap-layout';
import { isOverdue, parseRiskRef } from '../../core/risks/rules';

describe('heat map binning and colour', () => {
  it('counts risks per likelihood × impact in 25 cells, top row = likelihood 5', () => {
    const cells = binRisks([
      { likelihood: 4, impact: 3 },
      { likelihood: 4, impact: 3 },
      { likelihood: 1, impact: 5 },
      { likelihood: 7, impact: 3 }, // out of range: not drawn
    ]);
    expect(cells).toHaveLength(25);
    expect(cells[0]).toMatchObject({ likelihood: 5, impact: 1 });
    expect(cells[24]).toMatchObject({ likelihood: 1, impact: 5, count: 1 });
    expect(cells.find((c) => c.likelihood === 4 && c.impact === 3)?.count).toBe(2);
    expect(cells.reduce((n, c) => n + c.count, 0)).toBe(3);
  });

  it('bands severity by score and colours empty cells neutrally', () => {
    expect([severityOf(1, 4), severityOf(1, 5), severityOf(3, 3), severityOf(2, 5), severityOf(4, 4), severityOf(4, 5), severityOf(5, 5)]).toEqual([
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'critical',
      'critical',
    ]);
    expect(cellFill({ count: 0, severity: 'critical' })).toBe('var(--heat-empty)');
    expect(cellFill({ count: 2, severity: 'high' })).toBe('var(--heat-high)');
  });

  it('lays out impact left to right and likelihood bottom to top', () => {
    const layout = heatLayout(250, 250);
    expect(layout.x(1)).toBe(0);
    expect(layout.x(5)).toBeGreaterThan(layout.x(4));
    expect(layout.y(5)).toBe(0);
    expect(layout.y(1)).toBeGreaterThan(layout.y(2));
    expect(layout.x(5) + layout.cellWidth).toBeCloseTo(250);
  });
});

describe('risk rules', () => {
  it('is overdue only when due before today and still open or mitigating', () => {
    const today = '2026-03-10';
    expect(isOverdue({ dueDate: '2026-03-09', status: 'open' }, today)).toBe(true);
    expect(isOverdue({ dueDate: '2026-03-09', status: 'mitigating' }, today)).toBe(true);
    expect(isOverdue({ dueDate: '2026-03-10', status: 'open' }, today)).toBe(false);
    expect(isOverdue({ dueDate: '2026-03-09', status: 'mitigated' }, today)).toBe(false);
    expect(isOverdue({ dueDate: '2026-03-09', status: 'accepted' }, today)).toBe(false);
    expect(isOverdue({ dueDate: null, status: 'open' }, today)).toBe(false);
  });

  it('splits assessment recommendation refs', () => {
    expect(parseRiskRef('rc-data-readiness#labels-missing')).toEqual({ checklistId: 'rc-data-readiness', itemId: 'labels-missing' });
    expect(parseRiskRef('poc-ics-voicebot')).toBeNull();
    expect(parseRiskRef('a#b#c')).toBeNull();
    expect(parseRiskRef('#b')).toBeNull();
  });
});
