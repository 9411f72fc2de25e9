import { describe, expect, it } from 'vitest';
import { diamondPath, fitLabel, GANTT_DOCUMENT_SIZE, GANTT_SCREEN_SIZE, ganttGeometry, wrapLabel } from '../../core/proposals/gantt';
import { ganttSvg } from '../../core/proposals/gantt-svg';
import { timelineSchedule } from '../../core/proposals/timeline';

const TIMELINE = {
  start: '2026-04-08', // a Wednesday
  phases: [
    { id: 'p1', name: 'Discovery & <scope>', weeks: 2, deliverables: '', milestone: 'Scope signed' },
    { id: 'p2', name: '建设', weeks: 3, deliverables: '' },
  ],
};

describe('the one Gantt geometry', () => {
  const phases = timelineSchedule(TIMELINE);

  it('lays phases back to back on a calendar axis with weekly ticks on Mondays', () => {
    const g = ganttGeometry(phases, GANTT_DOCUMENT_SIZE);
    const [a, b] = g.bars;
    expect(a?.x).toBeCloseTo(g.plotLeft);
    expect((b?.x ?? 0) + (b?.width ?? 0)).toBeCloseTo(g.plotRight);
    // 14 of 35 days for the first phase.
    expect(a?.width).toBeCloseTo(((g.plotRight - g.plotLeft) * 14) / 35);
    expect(g.tickUnit).toBe('week');
    // The Monday two days before the end has no room for its label.
    expect(g.ticks.map((t) => t.date)).toEqual(['2026-04-13', '2026-04-20', '2026-04-27', '2026-05-04']);
    expect(g.ticks[0]?.label).toBe('04-13');
    expect(a?.milestone).toBe('Scope signed');
    expect(a?.milestoneAt).toEqual({ x: (a?.x ?? 0) + (a?.width ?? 0), y: (a?.y ?? 0) + (a?.height ?? 0) / 2 });
    expect(b?.milestone).toBeNull();
  });

  it('sizes the chart for the screen or the page, numbering the rows on the page', () => {
    const screen = ganttGeometry(phases, GANTT_SCREEN_SIZE);
    const page = ganttGeometry(phases, GANTT_DOCUMENT_SIZE);
    expect(screen.width).toBe(760);
    expect(page.width).toBe(640);
    expect(screen.height).toBe(GANTT_SCREEN_SIZE.axisHeight + 2 * GANTT_SCREEN_SIZE.rowHeight + 8);
    expect(screen.bars.map((b) => b.labelLines)).toEqual([['Discovery & <scope>'], ['建设']]);
    expect(page.bars.map((b) => b.labelLines)).toEqual([['1. Discovery & <scope>'], ['2. 建设']]);
  });

  it('ticks monthly for long timelines, and is empty without phases', () => {
    const long = ganttGeometry(timelineSchedule({ start: '2026-01-15', phases: [{ id: 'x', name: 'Long', weeks: 40, deliverables: '' }] }));
    expect(long.tickUnit).toBe('month');
    expect(long.ticks[0]).toMatchObject({ date: '2026-02-01', label: '2026-02' });
    expect(ganttGeometry([]).bars).toEqual([]);
    expect(diamondPath({ x: 10, y: 20 }, 6)).toBe('M10,14L16,20L10,26L4,20Z');
    expect(fitLabel('A very long phase name that will never fit in the label column', 100)).toMatch(/…$/);
  });

  it('wraps a long phase name onto a second line, between words or Chinese characters, and shortens only past two lines', () => {
    expect(wrapLabel('Mobilisation and discovery', 190)).toEqual(['Mobilisation and discovery']);
    expect(wrapLabel('1. Mobilisation and discovery', 160)).toEqual(['1. Mobilisation and', 'discovery']);
    expect(wrapLabel('动员与现场调研及数据盘点阶段', 120)).toEqual(['动员与现场调研及数', '据盘点阶段']);
    const long = wrapLabel('A very long phase name that will never fit in the label column at all', 120);
    expect(long).toHaveLength(2);
    expect(long[1]).toMatch(/…$/);
    // Two lines centred on the row: the chart keeps its row height.
    const g = ganttGeometry(timelineSchedule({ start: '2026-04-06', phases: [{ id: 'a', name: 'Mobilisation and discovery with the customer', weeks: 2, deliverables: '' }] }), GANTT_DOCUMENT_SIZE);
    expect(g.bars[0]?.labelLines).toEqual(['1. Mobilisation and discovery', 'with the customer']);
    const mid = (g.bars[0]?.y ?? 0) + (g.bars[0]?.height ?? 0) / 2;
    expect(g.bars[0]?.labelY.map((y) => y - mid)).toEqual([-6.5, 6.5]);
  });

  it('writes an SVG with the numbered, escaped phase names, the dates and a milestone diamond', () => {
    const svg = ganttSvg(phases, 'Timeline');
    expect(svg).toContain('>1. Discovery &amp; &lt;scope&gt;</tspan></text>');
    expect(svg).toContain('>2. 建设</tspan></text>');
    expect(svg).toContain('>04-13</text>');
    expect(svg.match(/<path d="M/g)).toHaveLength(1);
    expect(svg).toContain('<title>Scope signed</title>');
    expect(svg).not.toContain('<scope>');
  });
});
