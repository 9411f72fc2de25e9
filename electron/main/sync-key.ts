import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** What safeStorage offers (Electron's; a parameter so the logic is tested without Electron). */
export type SecretStore = { isEncryptionAvailable(): boolean; encryptString(plain: string): Buffer; decryptString(sealed: Buffer): string };

export const SEALED_KEY_FILE = 'sync-key.sealed';

/**
 * The key the backend seals the device's sync token with, kept by the operating system
 * (safeStorage: Keychain, DPAPI, libsecret) and handed to the backend process at start. Only the
 * sealed form is on disk, so the data folder copied elsewhere carries no usable token. Returns
 * undefined when the OS offers no encryption (Linux without a keyring): the backend then keeps its
 * own key file in the data folder, readable only by the account.
 */
export function syncTokenKey(store: SecretStore, dataDir: string, log: (message: string) => void): string | undefined {
  if (!store.isEncryptionAvailable()) {
    log('no OS encryption (safeStorage) is available: the sync token key stays in the data folder (sync.key, mode 0600)');
    return undefined;
  }
  const file = path.join(dataDir, SEALED_KEY_FILE);
  try {
    if (fs.existsSync(file)) {
      const key = store.decryptString(fs.readFileSync(file));
      if (/^[A-Za-z0-9+/]{43}=$/.test(key)) return key;
      log('the sealed sync key is not a key; a new one is made (the device enrols again)');
    }
  } catch (error) {
    log(`the sealed sync key could not be opened (${error instanceof Error ? error.message : String(error)}); a new one is made (the device enrols again)`);
  }
  const key = crypto.randomBytes(32).toString('base64');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, store.encryptString(key), { mode: 0o600 });
  return key;
}
