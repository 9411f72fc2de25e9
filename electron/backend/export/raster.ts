/**
 * A tiny anti-aliased rasteriser for what a chart needs: filled polygons, straight lines and dots.
 * There is no browser or canvas in the backend, and Word needs a bitmap beside the SVG. Each shape
 * is scan-converted on a SAMPLES×SAMPLES grid per pixel (even-odd rule); the covered fraction of a
 * pixel decides how much of the colour is blended over it.
 */

export type Rgb = { r: number; g: number; b: number };
export type Pt = { x: number; y: number };

export type Raster = { width: number; height: number; /** RGB, 3 bytes per pixel, rows top to bottom */ pixels: Uint8Array };

const SAMPLES = 4;

export function createRaster(width: number, height: number, background: Rgb): Raster {
  const pixels = new Uint8Array(width * height * 3);
  for (let i = 0; i < pixels.length; i += 3) {
    pixels[i] = background.r;
    pixels[i + 1] = background.g;
    pixels[i + 2] = background.b;
  }
  return { width, height, pixels };
}

export function parseHex(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m?.[1] || !m[2] || !m[3]) throw new Error(`not a #rrggbb colour: ${hex}`);
  return { r: parseInt(m[1], 16), g: parseInt(m[2], 16), b: parseInt(m[3], 16) };
}

/** Fills a polygon (even-odd) with a colour at the given opacity (0–1). */
export function fillPolygon(raster: Raster, points: readonly Pt[], colour: Rgb, opacity = 1): void {
  if (points.length < 3) return;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)));
  const x1 = Math.min(raster.width - 1, Math.ceil(Math.max(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const y1 = Math.min(raster.height - 1, Math.ceil(Math.max(...ys)));
  if (x1 < x0 || y1 < y0) return;
  const spanWidth = x1 - x0 + 1;
  const coverage = new Uint16Array(spanWidth);
  const crossings: number[] = [];
  for (let py = y0; py <= y1; py++) {
    coverage.fill(0);
    for (let sy = 0; sy < SAMPLES; sy++) {
      const y = py + (sy + 0.5) / SAMPLES;
      crossings.length = 0;
      for (let i = 0; i < points.length; i++) {
        const a = points[i] as Pt;
        const b = points[(i + 1) % points.length] as Pt;
        // Half-open rule: an edge counts for y in [min, max), so shared vertices cross once.
        if ((a.y <= y && b.y > y) || (b.y <= y && a.y > y)) crossings.push(a.x + ((y - a.y) / (b.y - a.y)) * (b.x - a.x));
      }
      crossings.sort((p, q) => p - q);
      for (let i = 0; i + 1 < crossings.length; i += 2) {
        const from = crossings[i] as number;
        const to = crossings[i + 1] as number;
        // Sample x positions inside [from, to): sample centres at (sx + 0.5) / SAMPLES.
        const first = Math.max(x0 * SAMPLES, Math.ceil(from * SAMPLES - 0.5));
        const last = Math.min((x1 + 1) * SAMPLES - 1, Math.ceil(to * SAMPLES - 0.5) - 1);
        for (let s = first; s <= last; s++) {
          const px = Math.floor(s / SAMPLES) - x0;
          coverage[px] = (coverage[px] ?? 0) + 1;
        }
      }
    }
    for (let px = 0; px < spanWidth; px++) {
      const covered = coverage[px] ?? 0;
      if (covered === 0) continue;
      const alpha = (opacity * covered) / (SAMPLES * SAMPLES);
      const at = (py * raster.width + x0 + px) * 3;
      const p = raster.pixels;
      p[at] = Math.round((p[at] ?? 0) * (1 - alpha) + colour.r * alpha);
      p[at + 1] = Math.round((p[at + 1] ?? 0) * (1 - alpha) + colour.g * alpha);
      p[at + 2] = Math.round((p[at + 2] ?? 0) * (1 - alpha) + colour.b * alpha);
    }
  }
}

/** A straight line of the given width with square ends, drawn as a thin rectangle. */
export function strokeLine(raster: Raster, a: Pt, b: Pt, width: number, colour: Rgb): void {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return;
  const nx = (-dy / length) * (width / 2);
  const ny = (dx / length) * (width / 2);
  fillPolygon(raster, [
    { x: a.x + nx, y: a.y + ny },
    { x: b.x + nx, y: b.y + ny },
    { x: b.x - nx, y: b.y - ny },
    { x: a.x - nx, y: a.y - ny },
  ], colour);
}

/** A filled circle (a 24-gon: round enough at chart sizes). */
export function fillCircle(raster: Raster, center: Pt, radius: number, colour: Rgb): void {
  const points = Array.from({ length: 24 }, (_, i) => ({ x: center.x + radius * Math.cos((i * Math.PI) / 12), y: center.y + radius * Math.sin((i * Math.PI) / 12) }));
  fillPolygon(raster, points, colour);
}

/** The outline of a closed polygon: its sides as lines, with round joins so corners are not notched. */
export function strokePolygon(raster: Raster, points: readonly Pt[], width: number, colour: Rgb): void {
  points.forEach((p, i) => {
    strokeLine(raster, p, points[(i + 1) % points.length] as Pt, width, colour);
    if (width > 1.5) fillCircle(raster, p, width / 2, colour);
  });
}
