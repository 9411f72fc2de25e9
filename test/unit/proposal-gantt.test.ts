import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { timelineSchedule } from '../../core/proposals/timeline';
import { GANTT_PNG_SCALE, ganttGeometry, ganttPng, ganttSvg } from '../../electron/backend/export/proposal-gantt';

const TIMELINE = {
  start: '2026-04-08', // a Wednesday
  phases: [
    { id: 'p1', name: 'Discovery & <scope>', weeks: 2, deliverables: '', milestone: 'Scope signed' },
    { id: 'p2', name: '建设', weeks: 3, deliverables: '' },
  ],
};

/** The RGB of one pixel of an unfiltered 8-bit RGB PNG as encodePng writes it. */
function pixel(png: Buffer, x: number, y: number): [number, number, number] {
  const width = png.readUInt32BE(16);
  let at = 8;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const offset = y * (width * 3 + 1) + 1 + x * 3;
  return [raw[offset] ?? -1, raw[offset + 1] ?? -1, raw[offset + 2] ?? -1];
}

describe('the timeline chart for documents', () => {
  const phases = timelineSchedule(TIMELINE);

  it('lays phases back to back on a calendar axis with weekly ticks on Mondays', () => {
    const g = ganttGeometry(phases);
    const [a, b] = g.bars;
    expect(a?.x).toBeCloseTo(g.plotLeft);
    expect((b?.x ?? 0) + (b?.width ?? 0)).toBeCloseTo(g.plotRight);
    // 14 of 35 days for the first phase.
    expect(a?.width).toBeCloseTo(((g.plotRight - g.plotLeft) * 14) / 35);
    expect(g.tickUnit).toBe('week');
    expect(g.ticks.map((t) => t.date)).toEqual(['2026-04-13', '2026-04-20', '2026-04-27', '2026-05-04', '2026-05-11']);
    expect(a?.milestone).toBe('Scope signed');
    expect(b?.milestone).toBeNull();
  });

  it('writes an SVG with the numbered, escaped phase names and a milestone diamond', () => {
    const svg = ganttSvg(phases, 'Timeline');
    expect(svg).toContain('>1. Discovery &amp; &lt;scope&gt;</text>');
    expect(svg).toContain('>2. 建设</text>');
    expect(svg.match(/<polygon /g)).toHaveLength(1);
    expect(svg).not.toContain('<scope>');
  });

  it('draws a PNG at twice the size: bars in the bar colour, the background white', () => {
    const png = ganttPng(phases);
    const g = ganttGeometry(phases);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(g.width * GANTT_PNG_SCALE);
    expect(png.readUInt32BE(20)).toBe(g.height * GANTT_PNG_SCALE);
    const bar = g.bars[1];
    if (!bar) throw new Error('no second bar');
    const inside = pixel(png, Math.round((bar.x + bar.width / 2) * GANTT_PNG_SCALE), Math.round(bar.rowMid * GANTT_PNG_SCALE));
    // #2f6db5 at 80 % over white.
    expect(inside).toEqual([89, 138, 196]);
    expect(pixel(png, 2, Math.round(bar.rowMid * GANTT_PNG_SCALE))).toEqual([255, 255, 255]);
    // The phase number is drawn in the label column, left of the plot.
    const labelRow = Math.round(bar.rowMid * GANTT_PNG_SCALE);
    const dark = Array.from({ length: 40 }, (_, i) => pixel(png, (g.plotLeft - 8) * GANTT_PNG_SCALE - 40 + i, labelRow)).some(([r]) => r < 100);
    expect(dark).toBe(true);
  });
});
