import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Content-addressed files under <dataDir>/attachments/<sha256>. A file is written whole or not at
 * all: to a temporary name, every byte (a write may take only part of what it is given), fsynced,
 * then read back and checked — size and sha256 — before it is renamed into place and the folder
 * is fsynced. Any failure removes the temporary file and throws (a full disk throws ENOSPC, which
 * the caller reports as `disk_full`), so a crash or a full disk leaves either no file or the whole
 * file, never a short one under the full file's name. An existing file is trusted only when its
 * bytes hash to its name; a damaged copy is replaced.
 */

export function attachmentsDir(dataDir: string): string {
  return path.join(dataDir, 'attachments');
}

/** Print copies of pictures (export/print-pictures.ts), by their original's sha256: a cache, safe to delete. */
export function printCacheDir(dataDir: string): string {
  return path.join(dataDir, 'cache', 'print-pictures');
}

export function sha256Hex(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

export function attachmentPath(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256.slice(0, 80)}`);
  return path.join(attachmentsDir(dataDir), sha256);
}

/** Temporary files end in this; the start-up sweep (sweep.ts) removes old ones. */
export const TEMP_SUFFIX = '.tmp';

/** The one write call storeFile makes, injectable so tests can make the disk take fewer bytes than it was given. */
export type WriteBytes = (fd: number, bytes: Uint8Array, offset: number, length: number) => number;

const nodeWrite: WriteBytes = (fd, bytes, offset, length) => fs.writeSync(fd, bytes, offset, length);

/** The temporary file did not end up holding the bytes that were written to it. */
export class StoredFileMismatch extends Error {
  override name = 'StoredFileMismatch';
  constructor(
    readonly expectedSize: number,
    readonly storedSize: number,
  ) {
    super(
      storedSize === expectedSize
        ? `the stored copy of ${expectedSize} bytes does not hash to the bytes that were written`
        : `the stored copy has ${storedSize} of ${expectedSize} bytes`,
    );
  }
}

const READ_CHUNK = 1024 * 1024;

/** The sha256 and size of what an open file holds, read from its start. */
function hashOpenFile(fd: number): { sha256: string; size: number } {
  const hash = crypto.createHash('sha256');
  const chunk = Buffer.allocUnsafe(READ_CHUNK);
  let size = 0;
  for (;;) {
    const read = fs.readSync(fd, chunk, 0, chunk.length, size);
    if (read === 0) break;
    hash.update(chunk.subarray(0, read));
    size += read;
  }
  return { sha256: hash.digest('hex'), size };
}

/** True when `file` exists and its bytes are exactly those named by `sha256`. */
function holdsExactly(file: string, sha256: string, size: number): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    // The size first: a file of the wrong size is not read at all.
    if (fs.fstatSync(fd).size !== size) return false;
    return hashOpenFile(fd).sha256 === sha256;
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes every byte, however few each write takes; a write that takes none means the disk has no room. */
function writeAll(fd: number, bytes: Uint8Array, write: WriteBytes): void {
  let offset = 0;
  while (offset < bytes.length) {
    const written = write(fd, bytes, offset, bytes.length - offset);
    if (written <= 0) {
      // POSIX leaves a zero-byte write to a regular file unexplained; in practice it is a full disk.
      throw Object.assign(new Error(`ENOSPC: the disk took none of the last ${bytes.length - offset} bytes`), { code: 'ENOSPC' });
    }
    offset += written;
  }
}

/** Makes a rename in `dir` durable. Windows cannot open a folder for fsync (and does not need to). */
function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Removes a temporary file after a failure; the failure is what gets reported, and the start-up sweep removes what stays. */
function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // the start-up sweep removes it if it is still there
  }
}

/** Stores the bytes (once per content) and returns their sha256. Throws, leaving no temporary file, when they cannot be stored whole. */
export function storeFile(dataDir: string, bytes: Uint8Array, write: WriteBytes = nodeWrite): string {
  const sha256 = sha256Hex(bytes);
  const target = attachmentPath(dataDir, sha256);
  if (holdsExactly(target, sha256, bytes.length)) return sha256;
  const dir = attachmentsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const temp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}${TEMP_SUFFIX}`;
  try {
    const fd = fs.openSync(temp, 'wx+');
    try {
      writeAll(fd, bytes, write);
      fs.fsyncSync(fd);
      const stored = hashOpenFile(fd);
      if (stored.size !== bytes.length || stored.sha256 !== sha256) throw new StoredFileMismatch(bytes.length, stored.size);
    } finally {
      fs.closeSync(fd);
    }
    // Replaces a damaged copy, if there was one, in one step.
    fs.renameSync(temp, target);
  } catch (error) {
    removeQuietly(temp);
    throw error;
  }
  syncFolder(dir);
  return sha256;
}

/** The stored bytes, or null when this device does not have the file. */
export function readFile(dataDir: string, sha256: string): Buffer | null {
  const file = attachmentPath(dataDir, sha256);
  return fs.existsSync(file) ? fs.readFileSync(file) : null;
}
