import crypto from 'node:crypto';
import fs from 'node:fs/promises';

/**
 * Writes a file the user asked for (an export) next to its final name first, then renames it into
 * place, so a crash or a full disk never leaves half a document under the name the user chose.
 */
export async function writeFileWhole(target: string, data: Uint8Array): Promise<void> {
  const temp = `${target}.${crypto.randomBytes(4).toString('hex')}.part`;
  try {
    await fs.writeFile(temp, data, { flush: true });
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}
