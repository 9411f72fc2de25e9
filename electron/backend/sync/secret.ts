import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The device token is a credential: it is stored encrypted (AES-256-GCM) in the database, with a
 * key the database does not hold. In Electron the key comes from main, which keeps it with
 * safeStorage (the OS keychain, DPAPI or libsecret); the browser host, which has no keychain,
 * keeps it in `sync.key` beside the database, readable only by the account (0600). A copied
 * database alone therefore never carries a usable token.
 */
export const KEY_FILE = 'sync.key';

export function keyFromFile(dataDir: string): Buffer {
  const file = path.join(dataDir, KEY_FILE);
  try {
    const key = fs.readFileSync(file);
    if (key.length === 32) return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key, { mode: 0o600 });
  return key;
}

export function sealSecret(key: Buffer, plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

/** The secret, or null when it was sealed with another key (a database moved to another machine). */
export function openSecret(key: Buffer, sealed: string): string | null {
  const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !tag || !body) return null;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
