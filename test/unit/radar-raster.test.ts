import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createRaster, fillPolygon, parseHex, strokeLine, type Raster } from '../../electron/backend/export/raster';
import { crc32, encodePng, imageSize, PNG_SIGNATURE } from '../../electron/backend/export/png';
import { radarPng, RADAR_PNG_SCALE } from '../../electron/backend/export/radar-png';
import { radarGeometry } from '../../core/report/radar-geometry';
import { RADAR_COLOURS, RADAR_EXPORT_SIZE } from '../../core/report/radar-svg';

const WHITE = { r: 255, g: 255, b: 255 };
const BLUE = { r: 0, g: 0, b: 255 };

function pixel(r: Raster, x: number, y: number): [number, number, number] {
  const at = (y * r.width + x) * 3;
  return [r.pixels[at] ?? -1, r.pixels[at + 1] ?? -1, r.pixels[at + 2] ?? -1];
}

/** Decodes the PNGs encodePng writes (RGB, filter 0): chunks checked by CRC, pixels inflated. */
function decodePng(png: Buffer): Raster {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9]]).toEqual([8, 2]);
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const pixels = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 3 + 1)]).toBe(0);
    pixels.set(raw.subarray(y * (width * 3 + 1) + 1, (y + 1) * (width * 3 + 1)), y * width * 3);
  }
  return { width, height, pixels };
}

describe('rasteriser', () => {
  it('fills a polygon: inside fully, outside not at all, edges partly', () => {
    const r = createRaster(10, 10, WHITE);
    fillPolygon(r, [{ x: 2, y: 2 }, { x: 7.5, y: 2 }, { x: 7.5, y: 8 }, { x: 2, y: 8 }], BLUE);
    expect(pixel(r, 4, 4)).toEqual([0, 0, 255]);
    expect(pixel(r, 1, 4)).toEqual([255, 255, 255]);
    expect(pixel(r, 8, 4)).toEqual([255, 255, 255]);
    // Half of column 7 is covered: half blue over white.
    const [red, , blue] = pixel(r, 7, 4);
    expect(red).toBeGreaterThan(100);
    expect(red).toBeLessThan(155);
    expect(blue).toBe(255);
  });

  it('blends with opacity and leaves holes of an even-odd shape empty', () => {
    const r = createRaster(12, 12, WHITE);
    // An outer square traced, then an inner square: the inner one is a hole.
    fillPolygon(r, [{ x: 0, y: 0 }, { x: 12, y: 0 }, { x: 12, y: 12 }, { x: 0, y: 12 }, { x: 0, y: 0 }, { x: 4, y: 4 }, { x: 4, y: 8 }, { x: 8, y: 8 }, { x: 8, y: 4 }, { x: 4, y: 4 }], BLUE, 0.5);
    expect(pixel(r, 1, 1)).toEqual([128, 128, 255]);
    expect(pixel(r, 6, 6)).toEqual([255, 255, 255]);
  });

  it('strokes lines of a given width and ignores shapes outside the raster', () => {
    const r = createRaster(20, 20, WHITE);
    strokeLine(r, { x: 0, y: 10 }, { x: 20, y: 10 }, 2, BLUE);
    expect(pixel(r, 10, 9)).toEqual([0, 0, 255]);
    expect(pixel(r, 10, 10)).toEqual([0, 0, 255]);
    expect(pixel(r, 10, 12)).toEqual([255, 255, 255]);
    fillPolygon(r, [{ x: -50, y: -50 }, { x: -40, y: -50 }, { x: -40, y: -40 }], BLUE);
    fillPolygon(r, [{ x: 1, y: 1 }, { x: 2, y: 2 }], BLUE);
    expect(pixel(r, 1, 1)).toEqual([255, 255, 255]);
  });

  it('encodes a PNG that decodes to the same pixels, and reads image sizes from headers', () => {
    const r = createRaster(33, 7, parseHex('#102030'));
    fillPolygon(r, [{ x: 3, y: 1 }, { x: 30, y: 1 }, { x: 20, y: 6 }], BLUE);
    const png = encodePng(r);
    const back = decodePng(png);
    expect(back.width).toBe(33);
    expect(back.height).toBe(7);
    expect(Buffer.from(back.pixels).equals(Buffer.from(r.pixels))).toBe(true);
    expect(imageSize(png)).toEqual({ width: 33, height: 7 });
    // A JPEG header: SOI, an APP0 segment, then SOF0 with height 480 and width 640.
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x03]);
    expect(imageSize(jpeg)).toEqual({ width: 640, height: 480 });
    expect(imageSize(Buffer.from('GIF89a\x0a\x00\x05\x00', 'latin1'))).toEqual({ width: 10, height: 5 });
    expect(imageSize(Buffer.from('not an image'))).toBeNull();
  });
});

describe('radar PNG', () => {
  it('draws the score polygon where the shared geometry puts it', () => {
    const axes = [
      { id: 'a', label: 'A', value: 90 },
      { id: 'b', label: 'B', value: 60 },
      { id: 'c', label: 'C', value: 30 },
      { id: 'd', label: 'D', value: null },
      { id: 'e', label: 'E', value: 75 },
    ];
    const png = decodePng(radarPng(axes));
    const s = RADAR_PNG_SCALE;
    expect(png.width).toBe(RADAR_EXPORT_SIZE.width * s);
    const g = radarGeometry(axes, RADAR_EXPORT_SIZE);
    const stroke = parseHex(RADAR_COLOURS.stroke);
    // The dot on axis A's score is the stroke colour.
    const a = g.axes[0]?.point ?? { x: 0, y: 0 };
    expect(pixel(png, Math.round(a.x * s), Math.round(a.y * s))).toEqual([stroke.r, stroke.g, stroke.b]);
    // Halfway between the centre and A's score is inside the polygon: tinted, neither white nor full colour.
    const inside = pixel(png, Math.round(g.center.x * s), Math.round(((g.center.y + a.y) / 2) * s));
    expect(inside[0]).toBeLessThan(240);
    expect(inside[0]).toBeGreaterThan(stroke.r + 40);
    // Beyond the outer ring at the top-left corner: background.
    expect(pixel(png, 5, 5)).toEqual([255, 255, 255]);
    // Just beyond the score along axis A (between score 90 and the 100 ring) is outside the polygon.
    const outside = { x: g.center.x, y: (a.y + (g.axes[0]?.end.y ?? 0)) / 2 };
    expect(pixel(png, Math.round(outside.x * s) + 6, Math.round(outside.y * s))).toEqual([255, 255, 255]);
  });
});
