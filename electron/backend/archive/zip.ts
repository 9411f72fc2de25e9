import zlib from 'node:zlib';
import { msg, type ApiMessage } from '../../../core/api/message';
import { ApiFailure, type ErrorCode } from '../../../core/api/result';
import type { ZipLimits } from './limits';

/**
 * Reads zip packages that came from outside (an imported Word document; later, anything that
 * arrives by sync) without letting a small file expand to gigabytes.
 *
 * `inspectZip` reads only the central directory — the list at the end of the package — and
 * refuses, before a single byte is inflated, a package with too many entries, an entry or a
 * total that declares too much, or an entry compressed more than a real document is.
 * `unpackZip` then inflates each entry with zlib told to stop one byte past the size the
 * directory declared, so a directory that lies is caught after at most that many bytes.
 * `packStored` writes what was unpacked back as an uncompressed zip, so a library that wants a
 * package (mammoth) reads exactly the bytes checked here and inflates nothing itself.
 */

export type ZipEntry = {
  name: string;
  /** 0 stored, 8 deflated: the only methods read. */
  method: 0 | 8;
  compressedSize: number;
  /** As the directory declares it (it can lie; unpackZip checks). */
  uncompressedSize: number;
  localHeaderOffset: number;
};

export type UnpackedEntry = { name: string; data: Buffer };

const EOCD = 0x06054b50;
const EOCD_SIZE = 22;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const CENTRAL_SIZE = 46;
const LOCAL = 0x04034b50;
const LOCAL_SIZE = 30;
const ZIP64_EXTRA = 0x0001;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
const MB = 1024 * 1024;

function refused(code: ErrorCode, name: string, why: ApiMessage): ApiFailure {
  return new ApiFailure(code, msg('error.archiveRefused', { name, why }));
}

const damaged = (name: string, detail: string): ApiFailure => refused('bad_file', name, msg('archive.damaged', { detail }));

/** Megabytes with one decimal, as the messages show sizes. */
const mb = (bytes: number): string => (bytes / MB).toFixed(1);

/** A 64-bit size as a number; sizes past 2^53 only need to compare as "too large". */
const u64 = (b: Buffer, at: number): number => Number(b.readBigUInt64LE(at));

/** Where the end-of-central-directory record is: the last signature that leaves room for one (as zip readers look for it). */
function findEnd(b: Buffer, name: string): number {
  const lowest = Math.max(0, b.length - EOCD_SIZE - MAX16);
  for (let at = b.length - EOCD_SIZE; at >= lowest; at--) {
    if (b.readUInt32LE(at) === EOCD) return at;
  }
  throw damaged(name, 'no central directory');
}

type Directory = { offset: number; size: number; declaredEntries: number };

function readDirectory(b: Buffer, name: string): Directory {
  const end = findEnd(b, name);
  let directory: Directory = { declaredEntries: b.readUInt16LE(end + 10), size: b.readUInt32LE(end + 12), offset: b.readUInt32LE(end + 16) };
  const locator = end - 20;
  if (locator >= 0 && b.readUInt32LE(locator) === ZIP64_LOCATOR) {
    // ZIP64: the counts and offsets of the directory are in a record before the locator.
    const at = u64(b, locator + 8);
    if (at + 56 > locator || b.readUInt32LE(at) !== ZIP64_EOCD) throw damaged(name, 'bad ZIP64 directory record');
    directory = { declaredEntries: u64(b, at + 32), size: u64(b, at + 40), offset: u64(b, at + 48) };
  }
  if (directory.offset + directory.size > end) throw damaged(name, 'the central directory lies outside the file');
  return directory;
}

/** Sizes and offset an entry keeps in its ZIP64 extra field (only those its fixed fields mark 0xffffffff). */
function zip64Fields(extra: Buffer, want: { uncompressed: boolean; compressed: boolean; offset: boolean }): { uncompressed?: number; compressed?: number; offset?: number } {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA) {
      const fields: { uncompressed?: number; compressed?: number; offset?: number } = {};
      let p = at + 4;
      const next = (): number | undefined => {
        if (p + 8 > at + 4 + size || p + 8 > extra.length) return undefined;
        const value = u64(extra, p);
        p += 8;
        return value;
      };
      if (want.uncompressed) fields.uncompressed = next();
      if (want.compressed) fields.compressed = next();
      if (want.offset) fields.offset = next();
      return fields;
    }
    at += 4 + size;
  }
  return {};
}

/**
 * The entries of a zip package, from its central directory alone, refused as soon as one limit
 * is passed: the package's size, the number of entries, an entry's or the total declared size,
 * an entry's compression ratio. Nothing is inflated.
 */
export function inspectZip(name: string, bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length > limits.maxArchiveBytes) {
    throw refused('too_large', name, msg('archive.packageTooLarge', { size: mb(b.length), max: mb(limits.maxArchiveBytes) }));
  }
  if (b.length < EOCD_SIZE) throw damaged(name, 'too short');
  const directory = readDirectory(b, name);
  // The declared count is checked first (cheap), and the directory is walked entry by entry
  // anyway: readers follow the records, not the count, so a lying count must not help.
  if (directory.declaredEntries > limits.maxEntries) {
    throw refused('too_large', name, msg('archive.tooManyEntries', { count: directory.declaredEntries, max: limits.maxEntries }));
  }
  const entries: ZipEntry[] = [];
  let total = 0;
  const stop = directory.offset + directory.size;
  for (let at = directory.offset; at + 4 <= stop && b.readUInt32LE(at) === CENTRAL; ) {
    if (at + CENTRAL_SIZE > stop) throw damaged(name, 'a directory record is cut short');
    if (entries.length === limits.maxEntries) {
      throw refused('too_large', name, msg('archive.tooManyEntries', { count: `${limits.maxEntries + 1}+`, max: limits.maxEntries }));
    }
    const flags = b.readUInt16LE(at + 8);
    const method = b.readUInt16LE(at + 10);
    const nameLength = b.readUInt16LE(at + 28);
    const extraLength = b.readUInt16LE(at + 30);
    const commentLength = b.readUInt16LE(at + 32);
    const recordEnd = at + CENTRAL_SIZE + nameLength + extraLength + commentLength;
    if (recordEnd > stop) throw damaged(name, 'a directory record is cut short');
    const entryName = b.toString('utf8', at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength);
    let compressedSize = b.readUInt32LE(at + 20);
    let uncompressedSize = b.readUInt32LE(at + 24);
    let localHeaderOffset = b.readUInt32LE(at + 42);
    if (compressedSize === MAX32 || uncompressedSize === MAX32 || localHeaderOffset === MAX32) {
      const extra = b.subarray(at + CENTRAL_SIZE + nameLength, at + CENTRAL_SIZE + nameLength + extraLength);
      const wide = zip64Fields(extra, { uncompressed: uncompressedSize === MAX32, compressed: compressedSize === MAX32, offset: localHeaderOffset === MAX32 });
      uncompressedSize = uncompressedSize === MAX32 ? (wide.uncompressed ?? Infinity) : uncompressedSize;
      compressedSize = compressedSize === MAX32 ? (wide.compressed ?? Infinity) : compressedSize;
      localHeaderOffset = localHeaderOffset === MAX32 ? (wide.offset ?? Infinity) : localHeaderOffset;
    }
    if (flags & 0x1) throw refused('bad_file', name, msg('archive.encrypted', { entry: entryName }));
    if (method !== 0 && method !== 8) throw refused('bad_file', name, msg('archive.unsupportedMethod', { entry: entryName, method }));
    // A stored entry is as large as its data, whatever the directory says.
    const size = method === 0 ? Math.max(compressedSize, uncompressedSize) : uncompressedSize;
    if (size > limits.maxEntryBytes) {
      throw refused('too_large', name, msg('archive.entryTooLarge', { entry: entryName, size: mb(size), max: mb(limits.maxEntryBytes) }));
    }
    total += size;
    if (total > limits.maxTotalBytes) {
      throw refused('too_large', name, msg('archive.totalTooLarge', { entry: entryName, size: mb(total), max: mb(limits.maxTotalBytes) }));
    }
    const ratio = size / Math.max(compressedSize, 1);
    if (size > limits.ratioFloorBytes && ratio > limits.maxRatio) {
      throw refused('too_large', name, msg('archive.ratioTooHigh', { entry: entryName, ratio: Math.round(ratio), max: limits.maxRatio }));
    }
    if (localHeaderOffset + LOCAL_SIZE > directory.offset || compressedSize > directory.offset) throw damaged(name, `“${entryName}” lies outside the file`);
    entries.push({ name: entryName, method, compressedSize, uncompressedSize: size, localHeaderOffset });
    at = recordEnd;
  }
  return entries;
}

/** The compressed bytes of an entry, found through its local header. */
function entryData(b: Buffer, entry: ZipEntry, name: string): Buffer {
  const at = entry.localHeaderOffset;
  if (b.readUInt32LE(at) !== LOCAL) throw damaged(name, `no local header for “${entry.name}”`);
  const start = at + LOCAL_SIZE + b.readUInt16LE(at + 26) + b.readUInt16LE(at + 28);
  if (start + entry.compressedSize > b.length) throw damaged(name, `“${entry.name}” is cut short`);
  return b.subarray(start, start + entry.compressedSize);
}

/**
 * Inflates the entries `inspectZip` accepted. zlib stops one byte past the size each entry
 * declared (so the real total never passes what the limits allowed); more than declared means
 * a crafted or damaged package, refused naming the entry.
 */
export function unpackZip(name: string, bytes: Uint8Array, entries: readonly ZipEntry[]): UnpackedEntry[] {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lies = (entry: ZipEntry): ApiFailure => refused('too_large', name, msg('archive.entryLies', { entry: entry.name, size: entry.uncompressedSize }));
  const unpacked: UnpackedEntry[] = [];
  for (const entry of entries) {
    const raw = entryData(b, entry, name);
    let data = raw;
    if (entry.method === 8) {
      try {
        data = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
      } catch (error) {
        // zlib's "output would pass maxOutputLength" is a RangeError; anything else is a broken stream.
        if (error instanceof RangeError) throw lies(entry);
        throw damaged(name, `“${entry.name}” cannot be inflated`);
      }
    }
    if (data.length > entry.uncompressedSize) throw lies(entry);
    unpacked.push({ name: entry.name, data });
  }
  return unpacked;
}

/** A zip of the entries, uncompressed (method 0), for readers that want a package. */
export function packStored(entries: readonly UnpackedEntry[]): Buffer {
  // Without ZIP64 records: enough for what the limits let through (2,000 entries, 200 MB).
  if (entries.length > MAX16 || entries.reduce((n, e) => n + e.data.length, 0) > MAX32 / 2) throw new Error('packStored: too much for a zip without ZIP64');
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const nameBytes = Buffer.from(entry.name, 'utf8');
    const crc = zlib.crc32(entry.data);
    const local = Buffer.alloc(LOCAL_SIZE);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(CENTRAL_SIZE);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, entry.data);
    centrals.push(central, nameBytes);
    offset += LOCAL_SIZE + nameBytes.length + entry.data.length;
  }
  const directorySize = centrals.reduce((n, c) => n + c.length, 0);
  const end = Buffer.alloc(EOCD_SIZE);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}
