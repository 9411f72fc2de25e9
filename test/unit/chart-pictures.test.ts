import { describe, expect, it } from 'vitest';
import { CHART_PNG_SCALE, chartPicture, svgToPng } from '../../electron/backend/export/chart-pictures';
import { GANTT_COLOURS, ganttSvg } from '../../core/proposals/gantt-svg';
import { GANTT_DOCUMENT_SIZE, ganttGeometry } from '../../core/proposals/gantt';
import { timelineSchedule } from '../../core/proposals/timeline';
import { chartFontFamily, escapeXml } from '../../core/document/svg';
import { radarGeometry } from '../../core/report/radar-geometry';
import { RADAR_COLOURS, RADAR_EXPORT_SIZE, radarSvg } from '../../core/report/radar-svg';
import { differingPixels, pixelAt, pngPixels } from '../helpers/png';

/**
 * The PNG fallback of the charts in Word documents: the chart's SVG rasterised by resvg. The
 * shapes sit where the shared geometry puts them, and the words — dimension names, scores, phase
 * names, dates — are really drawn: each label region differs from a render with that label removed.
 */

const hex = (colour: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)) as [number, number, number];
const s = CHART_PNG_SCALE;

describe('chart text', () => {
  const text = (family: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="10" y="28" font-size="20" font-family="${escapeXml(family)}">数据质量 Data 42</text></svg>`;

  it("with Chinese is set in the list's CJK family on this machine (Noto Sans CJK SC), not a fallback", async () => {
    const listed = pngPixels(await svgToPng(text(chartFontFamily('数据质量 Data 42')), 1));
    const noto = pngPixels(await svgToPng(text('Noto Sans CJK SC'), 1));
    const box = { x: 0, y: 0, width: 200, height: 40 };
    expect(differingPixels(listed, noto, box)).toBe(0);
    expect(differingPixels(listed, pngPixels(await svgToPng(text('DejaVu Serif'), 1)), box)).toBeGreaterThan(50);
  });

  it('without Chinese takes a Latin family, so a chart of Latin words renders quickly', () => {
    expect(chartFontFamily('Discovery 04-13')).toMatch(/^Calibri,/);
    expect(chartFontFamily('Discovery 04-13')).not.toContain('CJK');
    expect(chartFontFamily('建设 04-13')).toContain("'Noto Sans CJK SC'");
  });
});

describe('radar PNG', () => {
  const axes = [
    { id: 'a', label: 'Business value', value: 90 },
    { id: 'b', label: '数据质量', value: 60 },
    { id: 'c', label: 'Process', value: 30 },
    { id: 'd', label: 'Channels', value: null },
    { id: 'e', label: 'People', value: 75 },
  ];
  const g = radarGeometry(axes, RADAR_EXPORT_SIZE);

  it('draws the score polygon where the shared geometry puts it, at twice the size', async () => {
    const png = pngPixels(await svgToPng(radarSvg(axes, 'not scored')));
    expect(png.width).toBe(RADAR_EXPORT_SIZE.width * s);
    expect(png.height).toBe(RADAR_EXPORT_SIZE.height * s);
    const a = g.axes[0]?.point ?? { x: 0, y: 0 };
    // The dot on axis A's score is the stroke colour.
    expect(pixelAt(png, a.x * s, a.y * s)).toEqual(hex(RADAR_COLOURS.stroke));
    // Halfway between the centre and A's score is inside the polygon: tinted, neither white nor full colour.
    const inside = pixelAt(png, g.center.x * s, ((g.center.y + a.y) / 2) * s);
    expect(inside[0]).toBeLessThan(240);
    expect(inside[0]).toBeGreaterThan(hex(RADAR_COLOURS.stroke)[0] + 40);
    // The top-left corner is background.
    expect(pixelAt(png, 5, 5)).toEqual([255, 255, 255]);
  });

  it('draws the dimension names and scores, Chinese included', async () => {
    const full = pngPixels(await svgToPng(radarSvg(axes, 'not scored')));
    for (const [index, axis] of g.axes.entries()) {
      const without = pngPixels(await svgToPng(radarSvg(axes.map((x, i) => (i === index ? { ...x, label: '' } : x)), 'not scored')));
      // The label's line: from its anchor across about 110 px in the direction it is written.
      const left = axis.anchor === 'start' ? axis.labelAt.x : axis.anchor === 'end' ? axis.labelAt.x - 110 : axis.labelAt.x - 55;
      const box = { x: left * s, y: (axis.labelAt.y - 14) * s, width: 110 * s, height: 18 * s };
      expect(differingPixels(full, without, box), axis.label).toBeGreaterThan(40);
    }
    const scoresGone = pngPixels(await svgToPng(radarSvg(axes.map((x) => ({ ...x, value: null })), '')));
    const first = g.axes[0]!;
    expect(differingPixels(full, scoresGone, { x: (first.labelAt.x - 30) * s, y: (first.labelAt.y + 3) * s, width: 60 * s, height: 16 * s })).toBeGreaterThan(20);
  });
});

describe('Gantt PNG', () => {
  const phases = timelineSchedule({
    start: '2026-04-06',
    phases: [
      { id: 'p1', name: 'Discovery', weeks: 2, deliverables: '', milestone: 'Scope signed' },
      { id: 'p2', name: '建设与上线', weeks: 3, deliverables: '' },
    ],
  });
  const g = ganttGeometry(phases, GANTT_DOCUMENT_SIZE);

  it('draws bars in the bar colour on white at twice the size', async () => {
    const picture = await chartPicture({ kind: 'gantt', phases, labels: { title: 'Timeline', phase: 'Phase', start: 'Start', end: 'End', weeks: 'Weeks', milestone: 'Milestone' } });
    expect(picture.width).toBe(g.width);
    expect(picture.svg.toString('utf8')).toContain('>2. 建设与上线</tspan></text>');
    expect(picture.description).toBe('1. Discovery: 2026-04-06 – 2026-04-19; 2. 建设与上线: 2026-04-20 – 2026-05-10');
    const png = pngPixels(picture.png);
    expect(png.width).toBe(g.width * s);
    const bar = g.bars[1]!;
    // #2f6db5 at 80 % over white.
    const middle = bar.y + bar.height / 2;
    const inside = pixelAt(png, (bar.x + bar.width / 2) * s, middle * s);
    const [r, gr, b] = hex(GANTT_COLOURS.bar);
    expect(inside.map((v) => Math.round(v / 4))).toEqual([r * 0.8 + 51, gr * 0.8 + 51, b * 0.8 + 51].map((v) => Math.round(v / 4)));
    expect(pixelAt(png, 2, middle * s)).toEqual([255, 255, 255]);
  });

  it('draws the phase names and the dates', async () => {
    const full = pngPixels(await svgToPng(ganttSvg(phases, 'Timeline')));
    for (const [index, bar] of g.bars.entries()) {
      const without = pngPixels(await svgToPng(ganttSvg(phases.map((p, i) => (i === index ? { ...p, name: '' } : p)), 'Timeline')));
      // Right-aligned at labelX; "2. " stays, the name left of it goes.
      const box = { x: (bar.labelX - 120) * s, y: ((bar.labelY[0] ?? 0) - 9) * s, width: 100 * s, height: 18 * s };
      expect(differingPixels(full, without, box), bar.name).toBeGreaterThan(40);
    }
    const tick = g.ticks[0]!;
    const noTicks = pngPixels(await svgToPng(ganttSvg(phases, 'Timeline').replace(/<text[^>]*font-size="10"[^>]*>[^<]*<\/text>/g, '')));
    expect(differingPixels(full, noTicks, { x: tick.x * s, y: (g.axisY - 20) * s, width: 34 * s, height: 14 * s })).toBeGreaterThan(20);
  });
});
