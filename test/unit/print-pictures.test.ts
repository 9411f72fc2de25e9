import fs from 'node:fs';
import JSZip from 'jszip';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { DocumentModel } from '../../core/document/model';
import { documentDocx } from '../../electron/backend/export/docx-writer';
import { imageSize } from '../../electron/backend/files/image-size';
import { PRINT_LONG_SIDE, printPictures } from '../../electron/backend/export/print-pictures';
import { picturePng } from '../helpers/png';
import { makeTempDir } from '../helpers/temp-dir';

/** A phone photo: landscape pixels, and an EXIF orientation saying "turn it a quarter to the right". */
async function portraitPhoto(width = 4000, height = 3000): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 160 } } })
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

describe('pictures in documents', () => {
  it('turns a photo upright and brings it to print size; leaves a small upright picture as it is; passes on what it cannot read', async () => {
    const photo = await portraitPhoto();
    const small = picturePng(40, 20);
    const junk = Buffer.from('\xff\xd8\xff not really a jpeg', 'latin1');
    const copies = await printPictures(['a', 'b', 'c', 'd'], (sha) => ({ a: photo, b: small, c: junk })[sha] ?? null);
    const upright = copies.get('a');
    if (!upright) throw new Error('no copy');
    expect(imageSize(upright)).toEqual({ width: 1200, height: PRINT_LONG_SIDE });
    expect((await sharp(upright).metadata()).orientation ?? 1).toBe(1);
    expect(upright.length).toBeLessThan(photo.length);
    expect(copies.get('b')).toBe(small);
    expect(copies.get('c')).toBe(junk);
    expect(copies.get('d')).toBeNull();
  });

  it('keeps a print copy for the next export, by its original\'s sha256', async () => {
    const photo = await portraitPhoto(2400, 1800);
    const dir = makeTempDir('fieldbench-print-').dir;
    const reads: string[] = [];
    const read = (sha: string): Buffer | null => (reads.push(sha), sha === 'a' ? photo : null);
    const first = await printPictures(['a'], read, dir);
    const again = await printPictures(['a'], read, dir);
    expect(again.get('a')).toEqual(first.get('a'));
    expect(fs.readdirSync(dir)).toEqual(['a.print']);
    // The copy is kept, but the original decides: once its file is gone, the picture is missing.
    expect(reads).toEqual(['a', 'a']);
    expect((await printPictures(['a'], () => null, dir)).get('a')).toBeNull();
  });

  it('puts the upright print copy in the Word document, at portrait proportions', async () => {
    const photo = await portraitPhoto();
    const sha = 'e'.repeat(64);
    const doc: DocumentModel = {
      lang: 'en',
      title: 'Site visit',
      blocks: [{ kind: 'files', role: 'photos', otherFilesLabel: 'Other files', files: [{ sha256: sha, name: 'queue.jpg', caption: 'Queue board', mime: 'image/jpeg', isImage: true }] }],
    };
    const zip = await JSZip.loadAsync(await documentDocx(doc, (s) => (s === sha ? photo : null)));
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    const embedded = await zip.file(media[0] ?? '')?.async('nodebuffer');
    expect(embedded && imageSize(embedded)).toEqual({ width: 1200, height: 1600 });
    // Shown portrait on the page: taller than wide.
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec((await zip.file('word/document.xml')?.async('string')) ?? '');
    expect(Number(extent?.[2])).toBeGreaterThan(Number(extent?.[1]));
  });
});
