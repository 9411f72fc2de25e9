import zlib from 'node:zlib';
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { checkZipLimits, ZIP_LIMITS } from '../../electron/backend/files/zip-limits';
import { docxToHtml } from '../../electron/backend/import/docx-template';
import { ApiFailure } from '../../core/api/result';
import { formatApiMessage } from '../../core/api/message';
import { callFail, callOk, startBackend } from '../helpers/backend';

/**
 * Word files that expand beyond what the app reads — built here, never committed: a few hundred KB
 * that inflate to hundreds of MB, a central directory that lies, too many parts.
 */

const DOCUMENT_XML_HEAD = '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>';

const bombs = new Map<number, Buffer>();

/** A ZIP of deflated entries, written by hand (JSZip's JavaScript deflate takes tens of seconds for 300 MB; zlib takes one). */
function zipOf(entries: { name: string; content: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, content } of entries) {
    const data = zlib.deflateRawSync(content, { level: 9 });
    const nameBytes = Buffer.from(name);
    const crc = zlib.crc32(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A .docx whose word/document.xml expands to `bytes` of text (spaces compress about 1000:1); made once per size. */
function docxBomb(bytes: number): Buffer {
  const made =
    bombs.get(bytes) ??
    zipOf([
      { name: '[Content_Types].xml', content: Buffer.from('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
      { name: 'word/document.xml', content: Buffer.concat([Buffer.from(DOCUMENT_XML_HEAD), Buffer.alloc(bytes, 0x20)]) },
    ]);
  bombs.set(bytes, made);
  return made;
}

/** Rewrites every declared uncompressed size of an archive to `declared` (local and central headers), as a crafted file would. */
function lieAboutSizes(zip: Buffer, declared: number): Buffer {
  const out = Buffer.from(zip);
  for (let at = 0; at + 46 <= out.length; at += 1) {
    const sig = out.readUInt32LE(at);
    if (sig === 0x04034b50) out.writeUInt32LE(declared, at + 22);
    else if (sig === 0x02014b50) out.writeUInt32LE(declared, at + 24);
  }
  return out;
}

async function refusal(bytes: Buffer, name = 'bomb.docx', limits?: { timeoutMs: number; heapMb: number }): Promise<{ code: string; text: string }> {
  try {
    await docxToHtml(name, bytes, limits);
  } catch (error) {
    if (error instanceof ApiFailure) return { code: error.code, text: formatApiMessage(error.detail, 'en') };
    throw error;
  }
  throw new Error('the file was read');
}

// Building the bombs and the large documents takes seconds on a busy machine.
describe('archive limits', { timeout: 120_000 }, () => {
  it('refuses a small .docx whose document.xml expands to 300 MB, from its central directory, naming the part and the limit', async () => {
    const bomb = docxBomb(300 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(checkZipLimits(bomb)).toMatchObject({ limit: 'entryBytes', entry: 'word/document.xml', max: ZIP_LIMITS.maxEntryBytes });
    const refused = await refusal(bomb);
    expect(refused.code).toBe('too_large');
    expect(refused.text).toBe('“bomb.docx”: its part word/document.xml expands to 300 MB; at most 50 MB per part are read, so it was not imported.');
  });

  it('refuses a part that expands more than 100 times its packed size', async () => {
    const bomb = docxBomb(20 * 1024 * 1024);
    expect(checkZipLimits(bomb)).toMatchObject({ limit: 'ratio', entry: 'word/document.xml', max: ZIP_LIMITS.maxRatio });
    expect((await refusal(bomb)).text).toMatch(/^“bomb\.docx”: its part word\/document\.xml expands \d+ times its packed size \(at most 100 times is read\)/);
  });

  it('refuses a part that inflates beyond the size its headers declare, without inflating past it', async () => {
    const liar = lieAboutSizes(docxBomb(5 * 1024 * 1024), 1000);
    expect(checkZipLimits(liar)).toEqual({ limit: 'sizeLie', entry: 'word/document.xml', declared: 1000 });
    const refused = await refusal(liar);
    expect(refused).toEqual({ code: 'bad_file', text: '“bomb.docx”: its part word/document.xml expands beyond the 1000 bytes it declares, so the file is damaged or crafted; it was not imported.' });
  });

  it('refuses an archive with more parts than are read', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', DOCUMENT_XML_HEAD);
    for (let i = 0; i < ZIP_LIMITS.maxEntries + 5; i += 1) zip.file(`word/media/p${i}.bin`, '');
    const many = await zip.generateAsync({ type: 'nodebuffer' });
    expect(checkZipLimits(many)).toMatchObject({ limit: 'entries', max: ZIP_LIMITS.maxEntries });
    expect((await refusal(many)).code).toBe('too_large');
  });

  it('refuses a total over the limit even when every part is under it', async () => {
    const zip = new JSZip();
    for (let i = 0; i < 5; i += 1) zip.file(`word/part${i}.xml`, Buffer.alloc(45 * 1024 * 1024, 0x41 + i));
    const total = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
    expect(checkZipLimits(total)).toMatchObject({ limit: 'totalBytes', max: ZIP_LIMITS.maxTotalBytes });
  });

  it('reads a real Word document, and stops a parse that runs past its time or memory limit with a clear message', async () => {
    const real = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Summary of the pilot')] }] }));
    expect(checkZipLimits(real)).toBeNull();
    expect(await docxToHtml('real.docx', real)).toContain('Summary of the pilot');
    // Within the archive limits, but a parse that needs more than the limits allow (shrunk here).
    const big = await Packer.toBuffer(new Document({ sections: [{ children: Array.from({ length: 20000 }, (_, i) => new Paragraph(`Paragraph ${i} of a long manual`)) }] }));
    expect(await refusal(big, 'manual.docx', { timeoutMs: 1, heapMb: 256 })).toEqual({ code: 'too_large', text: 'Reading “manual.docx” took longer than 0.001 s, the limit for one document, so it was stopped and nothing was imported.' });
    expect(await refusal(big, 'manual.docx', { timeoutMs: 60_000, heapMb: 4 })).toEqual({ code: 'too_large', text: 'Reading “manual.docx” needed more than 4 MB of memory, the limit for one document, so it was stopped and nothing was imported.' });
  });

  it('keeps answering other calls while a Word document is being read', async () => {
    const { backend } = await startBackend();
    const big = await Packer.toBuffer(new Document({ sections: [{ children: Array.from({ length: 8000 }, (_, i) => new Paragraph(`Paragraph ${i}`)) }] }));
    const order: string[] = [];
    const importing = backend.call('templates.importDocx', { name: 'manual.docx', data: big }).then(() => order.push('import'));
    const other = callOk(backend, 'settings.get', {}).then(() => order.push('settings'));
    await Promise.all([importing, other]);
    // The parse runs in a worker: the other call is answered first.
    expect(order).toEqual(['settings', 'import']);
    // And a bomb through the contract gets the clear error.
    const refused = await callFail(backend, 'templates.importDocx', { name: 'bomb.docx', data: docxBomb(300 * 1024 * 1024) });
    expect(refused.code).toBe('too_large');
  });

  it('refuses a picture whose header declares more than 100 million pixels, from the header alone', async () => {
    const { backend } = await startBackend();
    const note = await callOk(backend, 'notes.create', { title: 'Site' });
    // A PNG header declaring 60000 × 60000 pixels, with no pixel data at all.
    const png = Buffer.alloc(64);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(png);
    png.writeUInt32BE(60000, 16);
    png.writeUInt32BE(60000, 20);
    const refused = await callFail(backend, 'attachments.add', { ownerTable: 'field_notes', ownerId: note.id, name: 'huge.png', mime: 'image/png', data: png });
    expect(refused.code).toBe('too_large');
    expect(refused.message).toContain('60000 × 60000');
  });
});
