import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentPath, attachmentsDir, sha256Hex, storeFile, StoredFileMismatch, type WriteBytes } from '../../electron/backend/files/attachment-store';
import { makeTempDir } from '../helpers/temp-dir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function dataDir(): string {
  const t = makeTempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

const photo = crypto.randomBytes(1024 * 1024 + 123);

/** What is in the attachments folder besides whole files named by their hash. */
function leftovers(dir: string): string[] {
  const folder = attachmentsDir(dir);
  return fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => !/^[0-9a-f]{64}$/.test(name)) : [];
}

describe('the attachment store writes a file whole or not at all', () => {
  it('keeps writing when the disk takes only part of each write', () => {
    const dir = dataDir();
    let calls = 0;
    // At most 1000 bytes per write, as a nearly full or slow disk may do.
    const partial: WriteBytes = (fd, bytes, offset, length) => {
      calls += 1;
      return fs.writeSync(fd, bytes, offset, Math.min(length, 1000));
    };
    const sha = storeFile(dir, photo, partial);
    expect(sha).toBe(sha256Hex(photo));
    expect(calls).toBe(Math.ceil(photo.length / 1000));
    expect(fs.readFileSync(attachmentPath(dir, sha)).equals(photo)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('refuses a file the disk kept short although the write said it was whole, and leaves nothing behind', () => {
    const dir = dataDir();
    // The write claims every byte but the file gets a quarter of them (the truncation seen on a full disk).
    const lying: WriteBytes = (fd, bytes, offset, length) => {
      fs.writeSync(fd, bytes, offset, Math.min(length, Math.floor(bytes.length / 4)));
      return length;
    };
    let thrown: unknown;
    try {
      storeFile(dir, photo, lying);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StoredFileMismatch);
    expect((thrown as StoredFileMismatch).storedSize).toBe(Math.floor(photo.length / 4));
    expect(fs.existsSync(attachmentPath(dir, sha256Hex(photo)))).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it('refuses a file whose bytes came out different, and leaves nothing behind', () => {
    const dir = dataDir();
    const flipping: WriteBytes = (fd, bytes, offset, length) => {
      const copy = Buffer.from(bytes.subarray(offset, offset + length));
      copy[0] = (copy[0] ?? 0) ^ 0xff;
      return fs.writeSync(fd, copy, 0, length);
    };
    expect(() => storeFile(dir, photo, flipping)).toThrow(/does not hash to the bytes that were written/);
    expect(fs.existsSync(attachmentPath(dir, sha256Hex(photo)))).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it('treats a disk that takes no bytes at all as full', () => {
    const dir = dataDir();
    const none: WriteBytes = () => 0;
    expect(() => storeFile(dir, photo, none)).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(leftovers(dir)).toEqual([]);
  });

  it('replaces a damaged copy of the right size instead of trusting it', () => {
    const dir = dataDir();
    const sha = sha256Hex(photo);
    fs.mkdirSync(attachmentsDir(dir), { recursive: true });
    const damaged = Buffer.from(photo);
    damaged.fill(0, 4096, 8192);
    fs.writeFileSync(attachmentPath(dir, sha), damaged);
    expect(storeFile(dir, photo)).toBe(sha);
    expect(fs.readFileSync(attachmentPath(dir, sha)).equals(photo)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('reuses a whole copy without writing it again', () => {
    const dir = dataDir();
    const sha = storeFile(dir, photo);
    const before = fs.statSync(attachmentPath(dir, sha));
    let writes = 0;
    const counting: WriteBytes = (fd, bytes, offset, length) => {
      writes += 1;
      return fs.writeSync(fd, bytes, offset, length);
    };
    expect(storeFile(dir, photo, counting)).toBe(sha);
    expect(writes).toBe(0);
    expect(fs.statSync(attachmentPath(dir, sha)).ino).toBe(before.ino);
    expect(fs.readdirSync(path.join(dir, 'attachments'))).toEqual([sha]);
  });
});
