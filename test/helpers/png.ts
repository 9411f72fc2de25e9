import { Resvg } from '@resvg/resvg-js';

/**
 * PNG pictures for tests and benchmarks, drawn by resvg (the library the backend rasterises charts
 * with), and their pixels read back the same way: a PNG embedded in an SVG of its own size and
 * rendered again at 1:1 gives its RGBA pixels.
 */

function render(svg: string): Buffer {
  return new Resvg(svg, { font: { loadSystemFonts: false }, logLevel: 'off' }).render().asPng();
}

/** A photo-like picture: a flat background with a triangle in an accent colour. */
export function picturePng(width: number, height: number, colours: { background?: string; accent?: string } = {}): Buffer {
  const { background = '#e6ecf0', accent = '#c85028' } = colours;
  return render(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="${background}"/>` +
      `<polygon points="10,10 ${width - 10},${height / 2} 10,${height - 10}" fill="${accent}"/></svg>`,
  );
}

/**
 * Noise of a photo's size that hardly compresses (PNG of about 3 bytes a pixel): the worst case
 * for an export that stores pictures as they are. `seed` varies the noise.
 */
export function noisePng(width: number, height: number, seed: number): Buffer {
  return render(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><filter id="n" x="0" y="0" width="100%" height="100%">` +
      `<feTurbulence type="fractalNoise" baseFrequency="0.9" numOctaves="1" seed="${seed}"/><feComponentTransfer><feFuncA type="linear" slope="0" intercept="1"/></feComponentTransfer>` +
      `</filter><rect width="${width}" height="${height}" filter="url(#n)"/></svg>`,
  );
}

export type Pixels = { width: number; height: number; /** RGBA, row by row */ rgba: Buffer };

/** The pixels of a PNG. */
export function pngPixels(png: Buffer): Pixels {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" image-rendering="optimizeSpeed" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  const rendered = new Resvg(svg, { font: { loadSystemFonts: false }, logLevel: 'off' }).render();
  return { width: rendered.width, height: rendered.height, rgba: rendered.pixels };
}

/** The RGB of one pixel. */
export function pixelAt(p: Pixels, x: number, y: number): [number, number, number] {
  const at = (Math.round(y) * p.width + Math.round(x)) * 4;
  return [p.rgba[at] ?? -1, p.rgba[at + 1] ?? -1, p.rgba[at + 2] ?? -1];
}

/** How many pixels in a rectangle differ between two pictures of the same size by more than a shade. */
export function differingPixels(a: Pixels, b: Pixels, box: { x: number; y: number; width: number; height: number }): number {
  let count = 0;
  for (let y = Math.max(0, Math.floor(box.y)); y < Math.min(a.height, Math.ceil(box.y + box.height)); y++) {
    for (let x = Math.max(0, Math.floor(box.x)); x < Math.min(a.width, Math.ceil(box.x + box.width)); x++) {
      const at = (y * a.width + x) * 4;
      const delta = Math.abs((a.rgba[at] ?? 0) - (b.rgba[at] ?? 0)) + Math.abs((a.rgba[at + 1] ?? 0) - (b.rgba[at + 1] ?? 0)) + Math.abs((a.rgba[at + 2] ?? 0) - (b.rgba[at + 2] ?? 0));
      if (delta > 24) count++;
    }
  }
  return count;
}

/**
 * Bytes that start as a 1×1 PNG (signature and IHDR header) followed by `tail`: passes the type
 * sniffing and the picture-size check, and its size and content are the test's to choose.
 */
export function pngHeaded(tail: Uint8Array): Buffer {
  const head = Buffer.alloc(24);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(head);
  head.writeUInt32BE(1, 16);
  head.writeUInt32BE(1, 20);
  return Buffer.concat([head, tail]);
}
