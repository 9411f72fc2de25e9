import zlib from 'node:zlib';

/**
 * Zip packages written byte by byte, so a test can make one that no zip library would: a tiny
 * document.xml that inflates to 300 MB, a central directory that lies about sizes or counts,
 * 100,000 entries. Nothing large is ever held in memory or committed: a run of zeros is
 * deflated once per MiB and the same compressed segment repeated.
 */

export type BombEntry = {
  name: string;
  /** Raw deflate data (method 8), or stored bytes (method 0). */
  data: Buffer;
  method: 0 | 8;
  crc: number;
  /** The real uncompressed size. */
  size: number;
  /** What the directory says instead, to lie. */
  declaredSize?: number;
  /** The declared size in a ZIP64 extra field instead (the 32-bit field then says 0xffffffff). */
  zip64Size?: number;
};

const MIB = 1024 * 1024;

/** An entry of `mib` MiB of zeros, deflated (about 1,000:1) without ever allocating them. */
export function zerosEntry(name: string, mib: number): BombEntry {
  const zeros = Buffer.alloc(MIB);
  // A full flush ends the segment on a byte boundary with no reference before it: segments can be repeated.
  const segment = zlib.deflateRawSync(zeros, { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const finalEmptyBlock = Buffer.from([0x03, 0x00]);
  let crc = 0;
  for (let i = 0; i < mib; i++) crc = zlib.crc32(zeros, crc);
  return { name, data: Buffer.concat([...Array.from({ length: mib }, () => segment), finalEmptyBlock]), method: 8, crc, size: mib * MIB };
}

/** An entry of these bytes, deflated. */
export function deflatedEntry(name: string, content: Buffer | string): BombEntry {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  return { name, data: zlib.deflateRawSync(bytes), method: 8, crc: zlib.crc32(bytes), size: bytes.length };
}

/** An entry of these bytes, stored. */
export function storedEntry(name: string, content: Buffer | string): BombEntry {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  return { name, data: bytes, method: 0, crc: zlib.crc32(bytes), size: bytes.length };
}

/** The package; `declaredCount` replaces the entry count the end record states (it is 16 bits: 100,000 entries wrap). */
export function zipOf(entries: readonly BombEntry[], options: { declaredCount?: number } = {}): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const declared = e.declaredSize ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const extra = Buffer.alloc(e.zip64Size === undefined ? 0 : 12);
    if (e.zip64Size !== undefined) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8, 2);
      extra.writeBigUInt64LE(BigInt(e.zip64Size), 4);
    }
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(0x0800, 8);
    record.writeUInt16LE(e.method, 10);
    record.writeUInt32LE(e.crc, 16);
    record.writeUInt32LE(e.data.length, 20);
    record.writeUInt32LE(e.zip64Size === undefined ? declared : 0xffffffff, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt16LE(extra.length, 30);
    record.writeUInt32LE(offset, 42);
    parts.push(local, name, e.data);
    central.push(record, name, extra);
    offset += 30 + name.length + e.data.length;
  }
  const size = central.reduce((n, c) => n + c.length, 0);
  const end = Buffer.alloc(22);
  const count = (options.declaredCount ?? entries.length) & 0xffff;
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** document.xml with these paragraphs (a Heading1 first, so the import makes one section). */
export function documentXml(paragraphs: readonly string[]): string {
  const p = (text: string, style?: string): string =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
    p('Scope', 'Heading1') +
    paragraphs.map((t) => p(t)).join('') +
    '</w:body></w:document>'
  );
}

/** A .docx of the usual parts around the given document.xml entry (and any others). */
export function docxWith(document: BombEntry, ...more: BombEntry[]): Buffer {
  return zipOf([deflatedEntry('[Content_Types].xml', CONTENT_TYPES), deflatedEntry('_rels/.rels', RELS), document, ...more]);
}

/** A legal document whose reading takes a while: `count` paragraphs of distinct text. */
export function longDocx(count: number): Buffer {
  const paragraphs = Array.from({ length: count }, (_, i) => `Paragraph ${i}: the pilot covers site ${i % 97} with ${(i * 7919) % 1000} agents.`);
  return docxWith(deflatedEntry('word/document.xml', documentXml(paragraphs)));
}
