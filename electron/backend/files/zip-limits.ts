import zlib from 'node:zlib';

/**
 * Limits on what a ZIP archive (a .docx, later any package) may expand to, checked before anything
 * else reads it: a 300 KB file can hold a 300 MB document.xml, and a parser handed it runs the
 * backend out of memory while every other call waits. First the central directory (entry count,
 * declared sizes, compression ratio), then each entry is really inflated with a hard output cap —
 * a header can lie about its size, the inflater cannot. Nothing is kept: this only measures.
 */

export const ZIP_LIMITS = {
  /** Entries in one archive; a Word document with many pictures has a few hundred. */
  maxEntries: 2000,
  /** Bytes one entry may expand to. */
  maxEntryBytes: 50 * 1024 * 1024,
  /** Bytes all entries together may expand to. */
  maxTotalBytes: 200 * 1024 * 1024,
  /** Expanded ÷ compressed, for entries that expand beyond `ratioFloorBytes` (XML compresses about 10:1). */
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
} as const;

export type ZipLimitBreach =
  | { limit: 'entries'; figure: number; max: number }
  | { limit: 'entryBytes' | 'totalBytes'; entry: string; figure: number; max: number }
  | { limit: 'ratio'; entry: string; figure: number; max: number }
  | { limit: 'sizeLie'; entry: string; declared: number }
  | { limit: 'malformed'; detail: string };

type Entry = { name: string; method: number; compressed: number; declared: number; localOffset: number };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function endOfCentralDirectory(b: Buffer): number {
  // The record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  for (let at = b.length - 22; at >= Math.max(0, b.length - 22 - 65535); at -= 1) if (b.readUInt32LE(at) === EOCD) return at;
  return -1;
}

function centralEntries(b: Buffer): Entry[] | ZipLimitBreach {
  const eocd = endOfCentralDirectory(b);
  if (eocd < 0) return { limit: 'malformed', detail: 'no end-of-central-directory record' };
  const count = b.readUInt16LE(eocd + 10);
  if (count > ZIP_LIMITS.maxEntries) return { limit: 'entries', figure: count, max: ZIP_LIMITS.maxEntries };
  let at = b.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== CENTRAL) return { limit: 'malformed', detail: `central directory entry ${i + 1} is damaged` };
    const nameLength = b.readUInt16LE(at + 28);
    const extraLength = b.readUInt16LE(at + 30);
    const commentLength = b.readUInt16LE(at + 32);
    const name = b.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({ name, method: b.readUInt16LE(at + 10), compressed: b.readUInt32LE(at + 20), declared: b.readUInt32LE(at + 24), localOffset: b.readUInt32LE(at + 42) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  // The count field holds at most 65,535; an archive with more names (or ZIP64) says so here.
  if (at + 4 <= b.length && b.readUInt32LE(at) === CENTRAL) return { limit: 'entries', figure: count + 1, max: ZIP_LIMITS.maxEntries };
  return entries;
}

function entryData(b: Buffer, e: Entry): Buffer | null {
  const at = e.localOffset;
  if (at + 30 > b.length || b.readUInt32LE(at) !== LOCAL) return null;
  const start = at + 30 + b.readUInt16LE(at + 26) + b.readUInt16LE(at + 28);
  const end = start + e.compressed;
  return end <= b.length ? b.subarray(start, end) : null;
}

/** The first limit the archive breaks, or null when it stays within all of them. */
export function checkZipLimits(bytes: Uint8Array): ZipLimitBreach | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = centralEntries(b);
  if (!Array.isArray(entries)) return entries;
  let total = 0;
  for (const e of entries) {
    if (e.declared === 0xffffffff || e.compressed === 0xffffffff) return { limit: 'entryBytes', entry: e.name, figure: 0xffffffff, max: ZIP_LIMITS.maxEntryBytes };
    if (e.declared > ZIP_LIMITS.maxEntryBytes) return { limit: 'entryBytes', entry: e.name, figure: e.declared, max: ZIP_LIMITS.maxEntryBytes };
    if (e.declared > ZIP_LIMITS.ratioFloorBytes && e.declared / Math.max(1, e.compressed) > ZIP_LIMITS.maxRatio) {
      return { limit: 'ratio', entry: e.name, figure: Math.round(e.declared / Math.max(1, e.compressed)), max: ZIP_LIMITS.maxRatio };
    }
    total += e.declared;
    if (total > ZIP_LIMITS.maxTotalBytes) return { limit: 'totalBytes', entry: e.name, figure: total, max: ZIP_LIMITS.maxTotalBytes };
  }
  // Declared sizes can lie: inflate each entry for real, never past what it declared (nor the limit).
  let real = 0;
  for (const e of entries) {
    if (e.method === 0) {
      real += e.compressed;
      continue;
    }
    if (e.method !== 8) continue; // other methods: the reader refuses them itself
    const data = entryData(b, e);
    if (data === null) return { limit: 'malformed', detail: `${e.name} lies outside the archive` };
    const cap = Math.min(e.declared, ZIP_LIMITS.maxEntryBytes);
    try {
      real += zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, cap) }).length;
    } catch (error) {
      if (error instanceof RangeError) {
        return cap === e.declared ? { limit: 'sizeLie', entry: e.name, declared: e.declared } : { limit: 'entryBytes', entry: e.name, figure: cap + 1, max: cap };
      }
      return { limit: 'malformed', detail: `${e.name} cannot be inflated` };
    }
    if (real > ZIP_LIMITS.maxTotalBytes) return { limit: 'totalBytes', entry: e.name, figure: real, max: ZIP_LIMITS.maxTotalBytes };
  }
  return null;
}
