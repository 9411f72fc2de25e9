import sharp from 'sharp';
import { sniffType } from '../../../core/files/sniff';
import { MAX_IMAGE_PIXELS } from '../files/image-size';

/**
 * Photos as a document carries them: upright and no larger than print needs. Phones store a
 * portrait photo as landscape pixels with an EXIF orientation that Word and LibreOffice ignore, so
 * it came out sideways; and a 12-megapixel photo is ~2 MB where 1,600 pixels on the long side print
 * sharp at the size a report shows them (20 photos made a 40 MB file, too big to e-mail). The
 * original stays in the app untouched; only the copy in the document changes. A picture that is
 * upright and small enough goes in as it is (no re-encoding); one sharp cannot read goes in as it
 * is too, for the writer's own checks to judge.
 */

/** Longest side of a photo in a document, in pixels: ~13.5 cm at 300 dpi. */
export const PRINT_LONG_SIDE = 1600;
const JPEG_QUALITY = 82;

async function printCopy(bytes: Buffer): Promise<Buffer> {
  const type = sniffType(bytes);
  if (type !== 'image/jpeg' && type !== 'image/png') return bytes;
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' });
    const { width = 0, height = 0, orientation = 1 } = await image.metadata();
    if (orientation === 1 && Math.max(width, height) <= PRINT_LONG_SIDE) return bytes;
    const upright = image.rotate().resize({ width: PRINT_LONG_SIDE, height: PRINT_LONG_SIDE, fit: 'inside', withoutEnlargement: true });
    return type === 'image/jpeg' ? await upright.jpeg({ quality: JPEG_QUALITY }).toBuffer() : await upright.png({ compressionLevel: 6 }).toBuffer();
  } catch {
    return bytes;
  }
}

/** The print copies of the pictures by sha256 (null: not on this device). */
export async function printPictures(sha256s: readonly string[], read: (sha256: string) => Buffer | null): Promise<Map<string, Buffer | null>> {
  const copies = new Map<string, Buffer | null>();
  // One at a time: libvips already uses every core for each picture.
  for (const sha256 of new Set(sha256s)) {
    const bytes = read(sha256);
    copies.set(sha256, bytes === null ? null : await printCopy(bytes));
  }
  return copies;
}
