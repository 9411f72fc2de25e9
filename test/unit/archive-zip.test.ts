import JSZip from 'jszip';
import zlib from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { formatApiMessage, type ApiMessage } from '../../core/api/message';
import { ApiFailure } from '../../core/api/result';
import { DOCX_ZIP_LIMITS, type ZipLimits } from '../../electron/backend/archive/limits';
import { inspectZip, packStored, unpackZip } from '../../electron/backend/archive/zip';
import { deflatedEntry, docxWith, storedEntry, zerosEntry, zipOf, type BombEntry } from '../helpers/zip-bombs';

const MIB = 1024 * 1024;

/** Small limits, so each can be reached exactly with small packages. */
const SMALL: ZipLimits = { maxArchiveBytes: 100_000, maxEntries: 3, maxEntryBytes: 1000, maxTotalBytes: 2500, maxRatio: 10, ratioFloorBytes: 500 };

/** The failure thrown, with its inner message (what was exceeded) worded in English. */
function refusal(run: () => unknown): { code: string; key: string; why: ApiMessage; text: string } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof ApiFailure)) throw error;
    const why = error.detail.params?.['why'] as ApiMessage;
    return { code: error.code, key: error.detail.key, why, text: formatApiMessage(error.detail, 'en') };
  }
  throw new Error('expected a refusal');
}

const text = (n: number, fill = 'x'): string => fill.repeat(n);
/** Compresses about 1:1 (stored), so only the size limits apply. */
const sized = (name: string, n: number): BombEntry => storedEntry(name, text(n));

describe('zip inspection before inflating', () => {
  it('accepts a package at every limit exactly', () => {
    const atLimits = zipOf([sized('a', 1000), sized('b', 1000), deflatedEntry('c', text(500))]);
    expect(inspectZip('ok.zip', atLimits, SMALL).map((e) => [e.name, e.uncompressedSize])).toEqual([
      ['a', 1000],
      ['b', 1000],
      ['c', 500],
    ]);
  });

  it('refuses an entry one byte over the entry limit, naming it and its size', () => {
    const r = refusal(() => inspectZip('big.docx', zipOf([sized('word/document.xml', 1001)]), SMALL));
    expect(r).toMatchObject({ code: 'too_large', key: 'error.archiveRefused', why: { key: 'archive.entryTooLarge', params: { entry: 'word/document.xml', size: '0.0', max: '0.0' } } });
    expect(r.text).toMatch(/^“big\.docx” was refused: the part “word\/document\.xml” expands to/);
  });

  it('refuses a total one byte over the total limit, naming the entry where it was passed', () => {
    const r = refusal(() => inspectZip('t.zip', zipOf([sized('a', 1000), sized('b', 1000), sized('c', 501)]), SMALL));
    expect(r).toMatchObject({ code: 'too_large', why: { key: 'archive.totalTooLarge', params: { entry: 'c' } } });
  });

  it('refuses one entry more than allowed, whatever count the end record states', () => {
    const four = [sized('a', 1), sized('b', 1), sized('c', 1), sized('d', 1)];
    expect(refusal(() => inspectZip('n.zip', zipOf(four), SMALL)).why).toEqual({ key: 'archive.tooManyEntries', params: { count: 4, max: 3 } });
    // The end record says 1: readers follow the records, and so does the check.
    expect(refusal(() => inspectZip('n.zip', zipOf(four, { declaredCount: 1 }), SMALL)).why).toEqual({ key: 'archive.tooManyEntries', params: { count: '4+', max: 3 } });
    expect(inspectZip('n.zip', zipOf(four.slice(0, 3), { declaredCount: 1 }), SMALL)).toHaveLength(3);
  });

  it('refuses a ratio over the limit above the floor, and lets small or ordinary parts through', () => {
    // 600 bytes of one letter deflate to a few bytes: ratio far above 10.
    expect(refusal(() => inspectZip('r.zip', zipOf([deflatedEntry('word/styles.xml', text(600))]), SMALL)).why).toMatchObject({
      key: 'archive.ratioTooHigh',
      params: { entry: 'word/styles.xml', max: 10 },
    });
    // At the floor the ratio is not looked at.
    expect(inspectZip('r.zip', zipOf([deflatedEntry('small.xml', text(500))]), SMALL)).toHaveLength(1);
    // Exactly 10:1 passes.
    const tenToOne: BombEntry = { ...storedEntry('x', text(60)), method: 8, size: 600, declaredSize: 600 };
    expect(inspectZip('r.zip', zipOf([tenToOne]), SMALL)).toHaveLength(1);
    expect(refusal(() => inspectZip('r.zip', zipOf([{ ...tenToOne, size: 601, declaredSize: 601 }]), SMALL)).why).toMatchObject({ key: 'archive.ratioTooHigh' });
  });

  it('reads sizes from ZIP64 extra fields', () => {
    const wide = { ...deflatedEntry('word/document.xml', '<w:document/>'), zip64Size: 5 * 1024 * MIB };
    expect(refusal(() => inspectZip('z64.docx', docxWith(wide), DOCX_ZIP_LIMITS)).why).toEqual({
      key: 'archive.entryTooLarge',
      params: { entry: 'word/document.xml', size: '5120.0', max: '50.0' },
    });
    expect(inspectZip('z64.docx', docxWith({ ...wide, zip64Size: 13 }), DOCX_ZIP_LIMITS).map((e) => e.uncompressedSize)).toContain(13);
  });

  it('refuses a package over the size limit before reading its directory', () => {
    const limits = { ...SMALL, maxArchiveBytes: 200 };
    const pkg = zipOf([sized('a', 200)]);
    expect(refusal(() => inspectZip('p.zip', pkg, limits)).why).toMatchObject({ key: 'archive.packageTooLarge' });
    expect(inspectZip('p.zip', pkg, { ...limits, maxArchiveBytes: pkg.length })).toHaveLength(1);
  });

  it('refuses encrypted parts, unknown methods and directories that point outside the file', () => {
    const encrypted = zipOf([sized('a', 10)]);
    encrypted.writeUInt16LE(0x0801, encrypted.length - 22 - 46 - 1 + 8);
    expect(refusal(() => inspectZip('e.zip', encrypted, SMALL))).toMatchObject({ code: 'bad_file', why: { key: 'archive.encrypted', params: { entry: 'a' } } });
    const bzip = zipOf([{ ...sized('b', 10), method: 12 as 0 }]);
    expect(refusal(() => inspectZip('m.zip', bzip, SMALL))).toMatchObject({ code: 'bad_file', why: { key: 'archive.unsupportedMethod', params: { entry: 'b', method: 12 } } });
    expect(refusal(() => inspectZip('d.zip', Buffer.from('PK\x03\x04 and nothing else, not even an end record'), SMALL))).toMatchObject({ code: 'bad_file', why: { key: 'archive.damaged' } });
  });

  it('refuses the 300 MB document.xml of a 300 KB .docx from its directory alone, with the real limits', () => {
    const bomb = docxWith(zerosEntry('word/document.xml', 300));
    expect(bomb.length).toBeLessThan(400 * 1024);
    const r = refusal(() => inspectZip('bomb.docx', bomb, DOCX_ZIP_LIMITS));
    expect(r.why).toEqual({ key: 'archive.entryTooLarge', params: { entry: 'word/document.xml', size: '300.0', max: '50.0' } });
    expect(r.text).toBe(
      '“bomb.docx” was refused: the part “word/document.xml” expands to 300.0 MB, more than the 50.0 MB allowed for one part. Nothing was imported or changed.',
    );
  });

  it('refuses, with the real limits, a 40 MB run of zeros (under the size limits, but 1000:1)', () => {
    const r = refusal(() => inspectZip('ratio.docx', docxWith(zerosEntry('word/document.xml', 40)), DOCX_ZIP_LIMITS));
    expect(r.why).toMatchObject({ key: 'archive.ratioTooHigh', params: { entry: 'word/document.xml', max: 100 } });
    expect(Number((r.why.params as { ratio: number }).ratio)).toBeGreaterThan(900);
  });

  it('refuses, with the real limits, parts that each pass but together expand past 200 MB', () => {
    // Five 45 MB parts declared at a ratio a real document has (the directory may lie; unpacking checks that).
    const part = (i: number): BombEntry => ({ ...storedEntry(`word/media/image${i}.png`, Buffer.alloc(1024 * 1024)), method: 8, size: 45 * MIB, declaredSize: 45 * MIB });
    const r = refusal(() => inspectZip('photos.docx', docxWith(deflatedEntry('word/document.xml', '<w:document/>'), ...[1, 2, 3, 4, 5].map(part)), DOCX_ZIP_LIMITS));
    expect(r.why).toEqual({ key: 'archive.totalTooLarge', params: { entry: 'word/media/image5.png', size: '225.0', max: '200.0' } });
  });

  it('refuses 100,000 entries with the real limits, though the 16-bit count in the end record says 34,464', () => {
    const entries = Array.from({ length: 100_000 }, (_, i) => storedEntry(`word/media/p${i}.txt`, ''));
    const pkg = zipOf(entries);
    expect(pkg.readUInt16LE(pkg.length - 12)).toBe(100_000 - 65_536);
    expect(refusal(() => inspectZip('many.docx', pkg, DOCX_ZIP_LIMITS)).why).toEqual({ key: 'archive.tooManyEntries', params: { count: 34_464, max: 2000 } });
    // An end record that says 3 does not help: the walk stops at entry 2,001.
    const quiet = zipOf(entries, { declaredCount: 3 });
    expect(refusal(() => inspectZip('many.docx', quiet, DOCX_ZIP_LIMITS)).why).toEqual({ key: 'archive.tooManyEntries', params: { count: '2001+', max: 2000 } });
  });
});

describe('unpacking against the declared sizes', () => {
  it('refuses a part that inflates past what the directory declares, after at most that many bytes', () => {
    // The directory declares 1 KB for 300 MB of zeros: size and ratio look harmless.
    const lying = docxWith({ ...zerosEntry('word/document.xml', 300), declaredSize: 1024 });
    const entries = inspectZip('liar.docx', lying, DOCX_ZIP_LIMITS);
    const r = refusal(() => unpackZip('liar.docx', lying, entries));
    expect(r).toMatchObject({ code: 'too_large', why: { key: 'archive.entryLies', params: { entry: 'word/document.xml', size: 1024 } } });
  });

  it('tells zlib to stop at the size each part declares, so a lie costs at most that much inflating', () => {
    const liar = docxWith({ ...zerosEntry('word/document.xml', 300), declaredSize: 1024 });
    const inflate = vi.spyOn(zlib, 'inflateRawSync');
    try {
      expect(() => unpackZip('liar.docx', liar, inspectZip('liar.docx', liar, DOCX_ZIP_LIMITS))).toThrow(ApiFailure);
      expect(inflate).toHaveBeenCalledWith(expect.anything(), { maxOutputLength: 1024 });
    } finally {
      inflate.mockRestore();
    }
  });

  it('refuses a stored part whose data is longer than declared, and one that is cut short', () => {
    const stored = zipOf([{ ...storedEntry('a', text(100)), declaredSize: 50 }]);
    // A stored part is as large as its data: the check counts the 100 bytes, not the 50 declared.
    expect(inspectZip('s.zip', stored, SMALL)[0]?.uncompressedSize).toBe(100);
    const cut = zipOf([deflatedEntry('a', text(400) + 'y'.repeat(400))]);
    cut.writeUInt32LE(100_000, cut.length - 22 - 46 - 1 + 20);
    expect(refusal(() => inspectZip('c.zip', cut, { ...SMALL, maxEntryBytes: 10_000, maxTotalBytes: 10_000 }))).toMatchObject({ code: 'bad_file', why: { key: 'archive.damaged' } });
  });

  it('gives back every part as it was, repacked uncompressed so a zip reader inflates nothing', async () => {
    const doc = '<w:document>' + 'Zeile und Absatz. '.repeat(50) + '</w:document>';
    const pkg = zipOf([deflatedEntry('word/document.xml', doc), storedEntry('word/media/a.bin', Buffer.from([1, 2, 3])), deflatedEntry('名前.xml', '<a/>')]);
    const unpacked = unpackZip('ok.zip', pkg, inspectZip('ok.zip', pkg, { ...SMALL, maxEntryBytes: 5000, maxTotalBytes: 5000, maxRatio: 1000 }));
    expect(unpacked.map((u) => [u.name, u.data.toString('latin1').length])).toEqual([
      ['word/document.xml', doc.length],
      ['word/media/a.bin', 3],
      ['名前.xml', 4],
    ]);
    const repacked = packStored(unpacked);
    const zip = await JSZip.loadAsync(repacked, { checkCRC32: true });
    expect(await zip.file('word/document.xml')?.async('string')).toBe(doc);
    expect(await zip.file('名前.xml')?.async('string')).toBe('<a/>');
    expect(inspectZip('again.zip', repacked, { ...SMALL, maxEntryBytes: 5000, maxTotalBytes: 5000 }).map((e) => e.method)).toEqual([0, 0, 0]);
  });
});
