import { renderAsync } from '@resvg/resvg-js';
import { ganttSvg } from '../../../core/proposals/gantt-svg';
import { GANTT_DOCUMENT_SIZE, ganttGeometry } from '../../../core/proposals/gantt';
import type { Block } from '../../../core/document/model';
import { RADAR_EXPORT_SIZE, radarSvg } from '../../../core/report/radar-svg';

/**
 * The charts of a document as pictures for Word: the SVG from core, and a PNG fallback for word
 * processors that do not show SVG, rasterised from the same SVG by resvg (a maintained renderer
 * with prebuilt binaries per platform). Text in the charts — dimension names, scores, phase names,
 * dates — is drawn with the system's fonts; the SVG's font list names a CJK-capable family for
 * each platform (core/document/svg.ts).
 */

/** The PNG is drawn at twice the size so it stays sharp on paper. */
export const CHART_PNG_SCALE = 2;

/**
 * The radar on a Word page: 85 % of the size it is drawn at (12.6 × 9.4 cm), so it fits on the
 * first page under the scores table instead of leaving half that page empty; its labels stay
 * about 9 pt.
 */
const RADAR_ON_PAGE = 0.85;

export type ChartPicture = {
  svg: Buffer;
  png: Buffer;
  /** Size on the page, in pixels at 96 per inch. */
  width: number;
  height: number;
  /** What the chart shows, in words, for the picture's alternative text. */
  description: string;
};

/** An SVG document as a PNG at `scale` times its size, on white. Runs off the main thread. */
export async function svgToPng(svg: string, scale = CHART_PNG_SCALE): Promise<Buffer> {
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { loadSystemFonts: true },
    logLevel: 'off',
  });
  return image.asPng();
}

export async function chartPicture(block: Extract<Block, { kind: 'radar' | 'gantt' }>): Promise<ChartPicture> {
  if (block.kind === 'radar') {
    const svg = radarSvg(block.axes, block.notScored);
    return {
      svg: Buffer.from(svg, 'utf8'),
      png: await svgToPng(svg),
      width: Math.round(RADAR_EXPORT_SIZE.width * RADAR_ON_PAGE),
      height: Math.round(RADAR_EXPORT_SIZE.height * RADAR_ON_PAGE),
      description: block.axes.map((a) => `${a.label}: ${a.value ?? block.notScored}`).join('; '),
    };
  }
  const svg = ganttSvg(block.phases, block.labels.title);
  const geometry = ganttGeometry(block.phases, GANTT_DOCUMENT_SIZE);
  return {
    svg: Buffer.from(svg, 'utf8'),
    png: await svgToPng(svg),
    width: geometry.width,
    height: geometry.height,
    description: block.phases.map((p, i) => `${i + 1}. ${p.name}: ${p.start} – ${p.end}`).join('; '),
  };
}
