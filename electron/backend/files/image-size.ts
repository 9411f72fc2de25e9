import { msg } from '../../../core/api/message';
import { ApiFailure } from '../../../core/api/result';
import { sniffType } from '../../../core/files/sniff';

/**
 * Width and height of the pictures the app keeps (PNG, JPEG, GIF, WebP), read from their
 * headers, never by decoding them: a picture goes into a Word document at its own proportions,
 * and a picture whose header promises more pixels than a photo has is refused before anything
 * (the window, Word, the PDF printer) decodes it. A PNG of 50,000 × 50,000 pixels of one colour
 * is a few kilobytes on disk and 10 GB once decoded.
 */

/** Longest side accepted (a stitched panorama from a phone is ~16,000–25,000 px). */
export const MAX_IMAGE_SIDE = 30_000;
/** Most pixels accepted: a 108-megapixel phone photo fits; decoded, 120 MP are ~480 MB. */
export const MAX_IMAGE_PIXELS = 120_000_000;

export type ImageSize = { width: number; height: number };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function jpegSize(b: Buffer): ImageSize | null {
  // Walk the JPEG segments to the first start-of-frame marker, which holds the size.
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1] as number;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = b.readUInt16BE(at + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return { width: b.readUInt16BE(at + 7), height: b.readUInt16BE(at + 5) };
    at += 2 + length;
  }
  return null;
}

function webpSize(b: Buffer): ImageSize | null {
  if (b.length < 30) return null;
  const chunk = b.toString('ascii', 12, 16);
  // Lossy: the key frame's 14-bit sizes after its start code.
  if (chunk === 'VP8 ' && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  // Lossless: 14 bits each (minus one) after the 0x2f signature.
  if (chunk === 'VP8L' && b[20] === 0x2f) {
    const bits = b.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  // Extended: the canvas, 24 bits each (minus one).
  if (chunk === 'VP8X') return { width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
  return null;
}

/** The size in pixels; null when the header cannot be read. */
export function imageSize(bytes: Uint8Array): ImageSize | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 24 && b.subarray(0, 8).equals(PNG_SIGNATURE) && b.toString('ascii', 12, 16) === 'IHDR') return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  if (b.length >= 10 && b.toString('ascii', 0, 3) === 'GIF') return { width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) return jpegSize(b);
  if (b.length >= 12 && b.toString('ascii', 0, 4) === 'RIFF' && b.toString('ascii', 8, 12) === 'WEBP') return webpSize(b);
  return null;
}

/** Whether a picture of this size may be shown, embedded or stored. */
export function withinImageLimits(size: ImageSize): boolean {
  return size.width <= MAX_IMAGE_SIDE && size.height <= MAX_IMAGE_SIDE && size.width * size.height <= MAX_IMAGE_PIXELS;
}

/**
 * Refuses a picture (by its bytes, whatever it is called) whose header cannot be read or promises
 * more pixels than the limits allow. Anything that is not a picture passes.
 */
export function checkImageBytes(name: string, bytes: Uint8Array): void {
  const type = sniffType(bytes);
  if (type === null || !type.startsWith('image/')) return;
  const size = imageSize(bytes);
  if (size === null) throw new ApiFailure('bad_file', msg('error.imageSizeUnreadable', { name, type: type.slice('image/'.length).toUpperCase() }));
  if (!withinImageLimits(size)) {
    throw new ApiFailure(
      'too_large',
      msg('error.imageTooLarge', { name, width: size.width, height: size.height, maxSide: MAX_IMAGE_SIDE, maxMegapixels: MAX_IMAGE_PIXELS / 1_000_000 }),
    );
  }
}
