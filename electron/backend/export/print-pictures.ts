import fs from 'node:fs';
import path from 'node:path';
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

/**
 * A print copy made before, kept by the sha256 of its original (so it can never be stale): the
 * same photos go into a report and its proposal, in two languages, again after each edit. The
 * cache is only ever a shortcut; a copy that cannot be read or written is made again.
 */
function cached(cacheDir: string | undefined, sha256: string): Buffer | null {
  if (cacheDir === undefined) return null;
  try {
    return fs.readFileSync(path.join(cacheDir, `${sha256}.print`));
  } catch {
    return null;
  }
}

function keep(cacheDir: string | undefined, sha256: string, copy: Buffer): void {
  if (cacheDir === undefined) return;
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    const file = path.join(cacheDir, `${sha256}.print`);
    const partial = `${file}.${process.pid}.partial`;
    fs.writeFileSync(partial, copy);
    fs.renameSync(partial, file);
  } catch {
    // A cache that cannot be written costs time on the next export, nothing else.
  }
}

/** Pictures made into print copies at once, in this whole process: JPEG decoding is one core's work per picture. */
const AT_ONCE = 2;
let running = 0;
const queued: (() => void)[] = [];
/** Copies being made, by cache folder and sha256: an export waits for the one started when the photo was attached. */
const inFlight = new Map<string, Promise<Buffer>>();

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  while (running >= AT_ONCE) await new Promise<void>((resolve) => queued.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    queued.shift()?.();
  }
}

/** The print copy of a picture's bytes (content-addressed by `sha256`): from the cache, from a copy being made, or made now. */
function copyOf(sha256: string, bytes: Buffer, cacheDir: string | undefined): Promise<Buffer> {
  const key = `${cacheDir ?? ''}\n${sha256}`;
  const pending = inFlight.get(key);
  if (pending) return pending;
  const made = inTurn(async () => {
    const known = cached(cacheDir, sha256);
    if (known) return known;
    const copy = await printCopy(bytes);
    // Only a real copy is kept: a picture that goes in as it is needs no second file.
    if (copy !== bytes) keep(cacheDir, sha256, copy);
    return copy;
  }).finally(() => inFlight.delete(key));
  inFlight.set(key, made);
  return made;
}

/** The print copies of the pictures by sha256 (null: not on this device); `cacheDir` keeps them for the next export. */
export async function printPictures(sha256s: readonly string[], read: (sha256: string) => Buffer | null, cacheDir?: string): Promise<Map<string, Buffer | null>> {
  const unique = [...new Set(sha256s)];
  return new Map(
    await Promise.all(
      unique.map(async (sha256) => {
        // The original decides, read now: a picture whose file is not on this device is missing, whatever the cache holds.
        const bytes = read(sha256);
        return [sha256, bytes === null ? null : await copyOf(sha256, bytes, cacheDir)] as const;
      }),
    ),
  );
}
