import { Document, ImageRun, Paragraph } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { packDocx, storedImage, type StoredMedia } from '../../electron/backend/export/docx-package';
import { noisePng } from '../helpers/png';

/** The zip's entries in file order with their compression method (0 stored, 8 deflated), from the local headers. */
function localEntries(zip: Buffer): { name: string; method: number }[] {
  const entries: { name: string; method: number }[] = [];
  let at = 0;
  while (zip.readUInt32LE(at) === 0x04034b50) {
    const method = zip.readUInt16LE(at + 8);
    const compressedSize = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const extraLength = zip.readUInt16LE(at + 28);
    entries.push({ name: zip.toString('utf8', at + 30, at + 30 + nameLength), method });
    at += 30 + nameLength + extraLength + compressedSize;
  }
  return entries;
}

function docWith(media: StoredMedia, images: { id: string; bytes: Buffer }[]): Document {
  return new Document({
    sections: [
      {
        children: images.map(
          ({ id, bytes }) => new Paragraph({ children: [new ImageRun({ type: 'png', data: storedImage(media, id, bytes), transformation: { width: 100, height: 100 } })] }),
        ),
      },
    ],
  });
}

describe('DOCX packing with stored photos', () => {
  it('puts the real photos in the package stored, the XML deflated, and [Content_Types].xml first', async () => {
    const a = noisePng(120, 90, 1);
    const b = noisePng(90, 120, 2);
    const media: StoredMedia = new Map();
    // The same attachment shown twice is one media part, as ImageRun does for equal bytes.
    const packed = await packDocx(docWith(media, [{ id: 'a', bytes: a }, { id: 'b', bytes: b }, { id: 'a', bytes: a }]), media);

    const entries = localEntries(packed);
    expect(entries[0]?.name).toBe('[Content_Types].xml');
    const photos = entries.filter((e) => e.name.startsWith('word/media/'));
    expect(photos).toHaveLength(2);
    expect(photos.every((e) => e.method === 0)).toBe(true);
    expect(entries.find((e) => e.name === 'word/document.xml')?.method).toBe(8);
    expect(entries.some((e) => e.name.endsWith('/'))).toBe(false);

    const zip = await JSZip.loadAsync(packed);
    const bytes = await Promise.all(photos.map((p) => zip.file(p.name)?.async('nodebuffer')));
    expect(bytes.map((x) => x?.toString('hex')).sort()).toEqual([a.toString('hex'), b.toString('hex')].sort());
    // The document refers to the parts the photos are in.
    const rels = (await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? '';
    for (const p of photos) expect(rels).toContain(p.name.slice('word/'.length));
  });

  it('refuses to write a package when a stored photo did not make it into the document', async () => {
    const media: StoredMedia = new Map();
    const doc = docWith(media, [{ id: 'shown', bytes: noisePng(10, 10, 3) }]);
    storedImage(media, 'never-shown', noisePng(10, 10, 4));
    await expect(packDocx(doc, media)).rejects.toThrow('the DOCX package lacks 1 of its 2 images');
  });
});
