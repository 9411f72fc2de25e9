import type { ExportedFile } from '../../../core/api/calls/reports';
import type { Platform } from '../platform';

/**
 * Hands an exported document to the user: through the host's save dialog where it has one (the
 * bytes never travel to the renderer), otherwise as bytes the renderer offers as a download.
 */
export async function deliverFile(platform: Platform, file: { fileName: string; mime: string; data: Uint8Array }): Promise<ExportedFile> {
  const { fileName, mime, data } = file;
  const size = data.byteLength;
  if (!platform.saveFile) return { fileName, mime, size, delivery: 'download', data };
  const path = await platform.saveFile(file);
  return path === null ? { fileName, mime, size, delivery: 'cancelled' } : { fileName, mime, size, delivery: 'saved', path };
}
