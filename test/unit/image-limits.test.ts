import { describe, expect, it } from 'vitest';
import type { DocumentModel } from '../../core/document/model';
import { ApiFailure } from '../../core/api/result';
import { documentDocx } from '../../electron/backend/export/docx-writer';
import { checkImageBytes, imageSize, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, withinImageLimits } from '../../electron/backend/files/image-size';
import { bombPng, gifHeader, jpegHeader, webpHeader } from '../helpers/image-headers';
import { picturePng } from '../helpers/png';
import JSZip from 'jszip';
import mammoth from 'mammoth';

/** Pictures are measured from their header, never decoded, and refused past the pixel limits. */

describe('picture sizes from the header', () => {
  it('reads PNG, JPEG, GIF and the three WebP forms', () => {
    expect(imageSize(picturePng(320, 200))).toEqual({ width: 320, height: 200 });
    expect(imageSize(jpegHeader(4000, 3000))).toEqual({ width: 4000, height: 3000 });
    expect(imageSize(gifHeader(640, 480))).toEqual({ width: 640, height: 480 });
    expect(imageSize(webpHeader(1920, 1080, 'VP8 '))).toEqual({ width: 1920, height: 1080 });
    expect(imageSize(webpHeader(1920, 1080, 'VP8L'))).toEqual({ width: 1920, height: 1080 });
    expect(imageSize(webpHeader(40_000, 20_000, 'VP8X'))).toEqual({ width: 40_000, height: 20_000 });
    expect(imageSize(Buffer.from('RIFF\0\0\0\0WEBPVP8 ' + '\0'.repeat(16), 'latin1'))).toBeNull();
  });

  it('allows exactly the limits and refuses one pixel past each', () => {
    expect([MAX_IMAGE_SIDE, MAX_IMAGE_PIXELS]).toEqual([30_000, 120_000_000]);
    expect(withinImageLimits({ width: 30_000, height: 4000 })).toBe(true);
    expect(withinImageLimits({ width: 30_001, height: 1 })).toBe(false);
    expect(withinImageLimits({ width: 1, height: 30_001 })).toBe(false);
    expect(withinImageLimits({ width: 12_000, height: 10_000 })).toBe(true);
    expect(withinImageLimits({ width: 12_001, height: 10_000 })).toBe(false);
  });

  it('refuses a 400-megapixel PNG of a few hundred kilobytes by its header, naming its size', () => {
    const bomb = bombPng(20_000, 20_000);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    let refused: unknown;
    try {
      checkImageBytes('site.png', bomb);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ApiFailure);
    expect((refused as ApiFailure).toError()).toMatchObject({
      code: 'too_large',
      key: 'error.imageTooLarge',
      message: '“site.png” is a picture of 20000 × 20000 pixels; pictures may have at most 30000 pixels a side and 120 megapixels. Nothing was stored.',
    });
    expect(() => checkImageBytes('wide.webp', webpHeader(30_001, 10))).toThrow(/30001 × 10 pixels/);
    expect(() => checkImageBytes('broken.jpg', Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]))).toThrow(/JPEG picture whose size cannot be read/);
    // Not a picture: nothing to measure.
    expect(() => checkImageBytes('notes.txt', Buffer.from('plain text'))).not.toThrow();
    expect(() => checkImageBytes('ok.png', picturePng(64, 64))).not.toThrow();
  });

  it('leaves a picture past the limits out of a Word document, with its placeholder', async () => {
    const ok = picturePng(200, 100);
    const files: Record<string, Buffer> = { ['a'.repeat(64)]: ok, ['b'.repeat(64)]: bombPng(20_000, 20_000) };
    const doc: DocumentModel = {
      lang: 'en',
      title: 'Site visit',
      blocks: [
        { kind: 'paragraph', content: [{ kind: 'image', sha256: 'a'.repeat(64), alt: 'Rack' }] },
        { kind: 'paragraph', content: [{ kind: 'image', sha256: 'b'.repeat(64), alt: 'Huge' }] },
      ],
    };
    const bytes = await documentDocx(doc, (sha) => files[sha] ?? null);
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).filter((n) => n.startsWith('word/media/'))).toHaveLength(1);
    expect((await mammoth.convertToHtml({ buffer: bytes })).value).toContain('<em>[Image: Huge]</em>');
  });
});
