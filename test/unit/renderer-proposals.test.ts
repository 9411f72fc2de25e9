import { describe, expect, it } from 'vitest';
import { fitLabel, GANTT_SCREEN_SIZE, ganttGeometry as ganttLayout } from '../../core/proposals/gantt';
import { timelineSchedule } from '../../core/proposals/timeline';
import type { Pricing } from '../../core/proposals/types';
import { newPricingLine, pricingCellProblems, taxPercentFromRate, taxRateFromPercent, totalsIfValid } from '../../renderer/proposals/pricing-edit';
import { changedSections, fieldLabel, sideBySide } from '../../renderer/proposals/compare-view';
import { en } from '../../renderer/i18n/en';
import { diffProposals } from '../../core/proposals/diff';
import type { ProposalSnapshot } from '../../core/proposals/types';
import { countVariables, nextSpot, unresolvedSpots } from '../../renderer/proposals/unresolved';
import { pastedTableRows } from '../../renderer/editor/proposal-plugins';

const PRICING: Pricing = {
  currency: 'CNY',
  taxRate: '0.06',
  discount: { kind: 'percent', value: '10' },
  lines: [
    { id: 'line-1', item: 'Discovery', unit: 'day', quantity: '20', unitPrice: '2800.00' },
    { id: 'line-2', item: 'Build', unit: 'day', quantity: '3', unitPrice: '0.10', discountPercent: '5' },
  ],
};

describe('gantt layout', () => {
  const schedule = timelineSchedule({
    start: '2026-03-02',
    phases: [
      { id: 'a', name: 'Discovery', weeks: 2, deliverables: '' },
      { id: 'b', name: 'Build', weeks: 3, deliverables: '', milestone: 'Go-live' },
    ],
  });

  it('puts phases back to back, proportional to their weeks, inside the plot', () => {
    const layout = ganttLayout(schedule);
    const [a, b] = layout.bars;
    expect(a?.x).toBeCloseTo(layout.plotLeft);
    expect((b?.x ?? 0) + (b?.width ?? 0)).toBeCloseTo(layout.plotRight);
    expect(b?.x).toBeCloseTo((a?.x ?? 0) + (a?.width ?? 0));
    expect((b?.width ?? 0) / (a?.width ?? 1)).toBeCloseTo(1.5);
    expect(b?.y).toBeGreaterThan(a?.y ?? 0);
  });

  it('draws a milestone only where a phase has one, at the end of its bar', () => {
    const [a, b] = ganttLayout(schedule).bars;
    expect(a?.milestoneAt).toBeNull();
    expect(b?.milestoneAt?.x).toBeCloseTo((b?.x ?? 0) + (b?.width ?? 0));
    expect(b?.milestone).toBe('Go-live');
  });

  it('ticks weekly on Mondays for short timelines and monthly for long ones', () => {
    const short = ganttLayout(schedule);
    expect(short.tickUnit).toBe('week');
    // The Monday after the last day is the end of the axis: no label fits there.
    expect(short.ticks.map((t) => t.date)).toEqual(['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30']);
    const long = ganttLayout(timelineSchedule({ start: '2026-01-15', phases: [{ id: 'x', name: 'Long', weeks: 40, deliverables: '' }] }));
    expect(long.tickUnit).toBe('month');
    expect(long.ticks[0]?.date).toBe('2026-02-01');
  });

  it('is empty without phases, and shortens labels that do not fit', () => {
    expect(ganttLayout([]).bars).toEqual([]);
    expect(fitLabel('Short', GANTT_SCREEN_SIZE.labelWidth)).toBe('Short');
    expect(fitLabel('A very long phase name that will never fit in the label column', 100)).toMatch(/…$/);
    expect(fitLabel('一二三四五六七八九十', 80).length).toBeLessThan(10);
  });
});

describe('pricing editor helpers', () => {
  it('computes totals only when every figure is sound', () => {
    expect(pricingCellProblems(PRICING)).toEqual([]);
    // 56000.00 + 0.29 (0.30 less 5%, half-up) = 56000.29; less 10% (5600.03) = 50400.26; tax 6% = 3024.02.
    expect(totalsIfValid(PRICING, [])?.total).toBe('53424.28');
  });

  it('names the wrong cell with a message key for the UI language', () => {
    const wrong: Pricing = {
      ...PRICING,
      lines: [
        { ...PRICING.lines[0]!, unitPrice: '2,80' },
        { ...PRICING.lines[1]!, quantity: 'abc', discountPercent: '120' },
      ],
    };
    const problems = pricingCellProblems(wrong);
    expect(problems).toEqual([
      { line: 0, field: 'unitPrice', message: { key: 'proposals.pricing.problem.decimalComma', value: '2,80', fixed: '2.80' } },
      { line: 1, field: 'quantity', message: { key: 'proposals.pricing.problem.notNumber', value: 'abc' } },
      { line: 1, field: 'discountPercent', message: { key: 'proposals.pricing.problem.overPercent', value: '120' } },
    ]);
    expect(totalsIfValid(wrong, problems)).toBeNull();
    // "2,800.00" is a price with its thousands grouped: read, not refused.
    expect(pricingCellProblems({ ...PRICING, lines: [{ ...PRICING.lines[0]!, unitPrice: '2,800.00' }] })).toEqual([]);
  });

  it('marks an empty item, a negative price, too many digits and a discount above the subtotal', () => {
    const messages = (p: Pricing) => pricingCellProblems(p).map((x) => x.message.key);
    expect(messages({ ...PRICING, lines: [{ ...PRICING.lines[0]!, item: ' ', unitPrice: '-5' }] })).toEqual([
      'proposals.pricing.problem.itemEmpty',
      'proposals.pricing.problem.negative',
    ]);
    expect(messages({ ...PRICING, lines: [{ ...PRICING.lines[0]!, unitPrice: '1.1234567' }] })).toEqual(['proposals.pricing.problem.tooManyDigits']);
    expect(messages({ ...PRICING, discount: { kind: 'amount', value: '999999' } })).toEqual(['proposals.pricing.problem.discountOverSubtotal']);
    expect(messages({ ...PRICING, taxRate: '1.5' })).toEqual(['proposals.pricing.problem.taxOverOne']);
  });

  it('adds lines with ids unique in the table', () => {
    const line = newPricingLine([{ ...PRICING.lines[0]!, id: 'line-3' }, PRICING.lines[1]!]);
    expect(line.id).toBe('line-4');
    expect(line.quantity).toBe('1');
  });

  it('shows the tax rate as a percent and stores it as a fraction, exactly', () => {
    expect(taxPercentFromRate('0.06')).toBe('6');
    expect(taxPercentFromRate('0.135')).toBe('13.5');
    expect(taxPercentFromRate('1')).toBe('100');
    expect(taxRateFromPercent('6')).toBe('0.06');
    expect(taxRateFromPercent('13.5')).toBe('0.135');
    expect(taxRateFromPercent('0')).toBe('0');
    expect(taxRateFromPercent('6x')).toBe('6x');
  });
});

describe('compare view', () => {
  it('splits a word diff into the old and new columns, merging neighbours', () => {
    const view = sideBySide([
      { text: 'The ', op: 'same' },
      { text: 'old', op: 'removed' },
      { text: 'new', op: 'added' },
      { text: ' plan', op: 'same' },
      { text: ' here', op: 'same' },
    ]);
    expect(view.left).toEqual([
      { text: 'The ', mark: 'same' },
      { text: 'old', mark: 'removed' },
      { text: ' plan here', mark: 'same' },
    ]);
    expect(view.right).toEqual([
      { text: 'The ', mark: 'same' },
      { text: 'new', mark: 'added' },
      { text: ' plan here', mark: 'same' },
    ]);
  });

  it('shows only sections that changed', () => {
    const base = { fromTitle: 'A', toTitle: 'A', tokens: [] };
    expect(changedSections([{ ...base, id: 'a', change: 'same' }, { ...base, id: 'b', change: 'changed' }]).map((s) => s.id)).toEqual(['b']);
  });
});

describe('changed fields in the UI language', () => {
  it('names every field core reports with a message that exists, numbered as the editor numbers lines', () => {
    const from: ProposalSnapshot = {
      title: 'A',
      lang: 'en',
      status: 'draft',
      statusReason: '',
      sections: [],
      successCriteria: [{ metric: 'm', target: 't', measurement: 'x' }],
      pricing: PRICING,
      timeline: { start: '2026-03-02', phases: [{ id: 'p1', name: 'One', weeks: 2, deliverables: 'd' }] },
      templateId: 'tpl',
      templateVersion: 1,
    };
    const to: ProposalSnapshot = {
      ...from,
      title: 'B',
      status: 'sent',
      successCriteria: [{ metric: 'm2', target: 't2', measurement: 'x2' }, { metric: 'new', target: '', measurement: '' }],
      pricing: { ...PRICING, currency: 'USD', taxRate: '0.1', discount: { kind: 'amount', value: '5' }, lines: [{ ...PRICING.lines[1]!, unitPrice: '0.2' }, { ...PRICING.lines[0]!, id: 'line-9' }] },
      timeline: { start: '2026-04-01', phases: [{ id: 'p1', name: 'Uno', weeks: 3, deliverables: 'e', milestone: 'M' }, { id: 'p2', name: 'Two', weeks: 1, deliverables: '' }] },
    };
    const fields = diffProposals(from, to).fields;
    expect(fields.length).toBeGreaterThan(15);
    for (const field of fields) {
      const label = fieldLabel(field);
      expect(label, field.path).not.toBeNull();
      expect(Object.keys(en), field.path).toContain(label?.key);
    }
    const price = fields.find((f) => f.path === 'pricing.lines.line-2.unitPrice');
    expect(price && fieldLabel(price)).toEqual({ key: 'proposals.field.line.unitPrice', n: 1 });
  });
});

describe('unresolved variables', () => {
  const body = (names: string[]) =>
    JSON.stringify({ root: { type: 'root', children: [{ type: 'paragraph', children: names.map((name) => ({ type: 'variable', version: 1, name, reason: 'unknown' })) }] } });

  it('counts variables in a body and lists them in document order', () => {
    expect(countVariables(body([]))).toBe(0);
    expect(countVariables(body(['a', 'b']))).toBe(2);
    expect(countVariables('not json "type":"variable"')).toBe(0);
    const spots = unresolvedSpots([
      { id: 's1', bodyJson: body(['a']) },
      { id: 's2', bodyJson: body([]) },
      { id: 's3', bodyJson: body(['b', 'c']) },
    ]);
    expect(spots).toEqual([
      { sectionId: 's1', index: 0 },
      { sectionId: 's3', index: 0 },
      { sectionId: 's3', index: 1 },
    ]);
    expect(nextSpot(spots, null)).toEqual({ sectionId: 's1', index: 0 });
    expect(nextSpot(spots, { sectionId: 's3', index: 1 })).toEqual({ sectionId: 's1', index: 0 });
    // The current one was replaced: the next is the one now at its place.
    expect(nextSpot([{ sectionId: 's3', index: 0 }], { sectionId: 's1', index: 0 })).toEqual({ sectionId: 's3', index: 0 });
    expect(nextSpot([], null)).toBeNull();
  });
});

describe('pasted tables', () => {
  it('counts the rows of the largest pasted table without a DOM', () => {
    const rows = (n: number) => `<table><tbody>${'<tr><td>x</td></tr>'.repeat(n)}</tbody></table>`;
    expect(pastedTableRows('<p>no table</p>')).toBe(0);
    expect(pastedTableRows(`${rows(3)}<p>and</p>${rows(2000)}`)).toBe(2000);
    expect(pastedTableRows('<TABLE class="x"><TR><TD>1</TD></TR><tr class="y"><td>2</td></tr></TABLE>')).toBe(2);
  });
});
