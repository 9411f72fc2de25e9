import { radarGeometry, type RadarAxisInput } from '../../../core/report/radar-geometry';
import { RADAR_COLOURS, RADAR_EXPORT_SIZE } from '../../../core/report/radar-svg';
import { createRaster, fillCircle, fillPolygon, parseHex, strokeLine, strokePolygon } from './raster';
import { encodePng } from './png';

/**
 * The radar as a PNG for word processors that do not show the SVG: the same geometry and colours,
 * without text (the labels and scores are in the table beside it), at twice the size for print.
 */
export const RADAR_PNG_SCALE = 2;

export function radarPng(axes: readonly RadarAxisInput[]): Buffer {
  const g = radarGeometry(axes, RADAR_EXPORT_SIZE);
  const s = RADAR_PNG_SCALE;
  const scale = (p: { x: number; y: number }) => ({ x: p.x * s, y: p.y * s });
  const c = RADAR_COLOURS;
  const raster = createRaster(g.width * s, g.height * s, parseHex(c.background));
  for (const ring of g.rings) strokePolygon(raster, ring.points.map(scale), 1 * s, parseHex(c.grid));
  for (const axis of g.axes) strokeLine(raster, scale(g.center), scale(axis.end), 1 * s, parseHex(c.axis));
  fillPolygon(raster, g.polygon.map(scale), parseHex(c.fill), c.fillOpacity);
  strokePolygon(raster, g.polygon.map(scale), 2.5 * s, parseHex(c.stroke));
  for (const axis of g.axes) if (axis.value !== null) fillCircle(raster, scale(axis.point), 3.5 * s, parseHex(c.stroke));
  return encodePng(raster);
}
