import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keyFromFile, openSecret, sealSecret } from '../../electron/backend/sync/secret';
import { SEALED_KEY_FILE, syncTokenKey, type SecretStore } from '../../electron/main/sync-key';
import { makeTempDir } from '../helpers/temp-dir';

const temps: (() => void)[] = [];
afterEach(() => temps.splice(0).forEach((c) => c()));
const folder = () => {
  const t = makeTempDir();
  temps.push(t.cleanup);
  return t.dir;
};

/** A stand-in for safeStorage that really transforms what it seals, so plain text on disk would show. */
const store = (available = true): SecretStore => ({
  isEncryptionAvailable: () => available,
  encryptString: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (sealed) => Buffer.from(sealed.map((b) => b ^ 0x5a)).toString('utf8'),
});

describe('the sync token at rest', () => {
  it('is sealed with a key the database does not hold, and cannot be opened with another', () => {
    const dir = folder();
    const key = keyFromFile(dir);
    expect(keyFromFile(dir).equals(key)).toBe(true);
    expect(fs.statSync(path.join(dir, 'sync.key')).mode & 0o077).toBe(0);
    const sealed = sealSecret(key, 'device-token-123');
    expect(sealed).not.toContain('device-token-123');
    expect(openSecret(key, sealed)).toBe('device-token-123');
    expect(openSecret(Buffer.alloc(32, 1), sealed)).toBeNull();
    expect(openSecret(key, `${sealed}x`)).toBeNull();
  });

  it("keeps main's key sealed by the OS, the same across starts, and says so when the OS cannot", () => {
    const dir = folder();
    const logs: string[] = [];
    const first = syncTokenKey(store(), dir, (m) => logs.push(m));
    expect(first).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(fs.readFileSync(path.join(dir, SEALED_KEY_FILE)).toString('utf8')).not.toContain(first ?? '');
    expect(syncTokenKey(store(), dir, (m) => logs.push(m))).toBe(first);
    expect(syncTokenKey(store(false), dir, (m) => logs.push(m))).toBeUndefined();
    expect(logs.join('\n')).toContain('no OS encryption');
    fs.writeFileSync(path.join(dir, SEALED_KEY_FILE), 'garbage');
    const again = syncTokenKey(store(), dir, (m) => logs.push(m));
    expect(again).not.toBe(first);
    expect(logs.join('\n')).toContain('enrols again');
  });
});
