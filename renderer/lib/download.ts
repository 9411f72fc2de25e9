import type { ExportedFile } from '../../core/api/calls/reports';
import type { Translate } from '../i18n/i18n';
import { formatFileSize } from '../ui/format';

/**
 * Offers bytes from the backend as a download through a blob link with `download`: how the
 * browser host saves an export (Electron saves exports itself, through its save dialog).
 */
export function downloadBytes(data: Uint8Array, mime: string, fileName: string): void {
  // The view is handed to the Blob as it is; it never sits on a SharedArrayBuffer.
  const url = URL.createObjectURL(new Blob([data as Uint8Array<ArrayBuffer>], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled; revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The one way an export reaches the user: downloaded here when the host handed back its bytes, or
 * already saved by the host's save dialog. Returns what to tell the user, or null when they
 * cancelled the save dialog.
 */
export function receiveExport(file: ExportedFile, t: Translate): string | null {
  if (file.delivery === 'cancelled') return null;
  const size = formatFileSize(file.size);
  if (file.delivery === 'saved') return t('export.savedTo', { path: file.path, size });
  downloadBytes(file.data, file.mime, file.fileName);
  return t('export.downloaded', { name: file.fileName, size });
}
