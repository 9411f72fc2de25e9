import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Content-addressed files under <dataDir>/attachments/<sha256>. A file is written to a temporary
 * name, fsynced and renamed, so a crash leaves either no file or the whole file, never half of one.
 */

export function attachmentsDir(dataDir: string): string {
  return path.join(dataDir, 'attachments');
}

export function sha256Hex(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

export function attachmentPath(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256.slice(0, 80)}`);
  return path.join(attachmentsDir(dataDir), sha256);
}

/** Stores the bytes (once per content) and returns their sha256. */
export function storeFile(dataDir: string, bytes: Uint8Array): string {
  const sha256 = sha256Hex(bytes);
  const target = attachmentPath(dataDir, sha256);
  if (fs.existsSync(target) && fs.statSync(target).size === bytes.length) return sha256;
  fs.mkdirSync(attachmentsDir(dataDir), { recursive: true });
  const temp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, target);
  return sha256;
}

/** The stored bytes, or null when this device does not have the file. */
export function readFile(dataDir: string, sha256: string): Buffer | null {
  const file = attachmentPath(dataDir, sha256);
  return fs.existsSync(file) ? fs.readFileSync(file) : null;
}
