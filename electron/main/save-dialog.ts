import path from 'node:path';
import type { SaveDialogOptions } from 'electron';

/** The file types exports have, as the save dialog lists them. */
const FILTERS: Record<string, string> = { docx: 'Word document', pdf: 'PDF document', md: 'Markdown', zip: 'Markdown with its pictures (zip)' };

/**
 * The save dialog for an export: in the Downloads folder under the suggested name (only its last
 * part, whatever the backend sent), offering the file's own type first.
 */
export function saveDialogOptions(downloadsDir: string, fileName: string): SaveDialogOptions {
  const name = path.basename(fileName.replaceAll('\\', '/')) || 'export';
  const extension = path.extname(name).slice(1).toLowerCase();
  const label = FILTERS[extension];
  return {
    defaultPath: path.join(downloadsDir, name),
    filters: label ? [{ name: label, extensions: [extension] }, { name: 'All files', extensions: ['*'] }] : [{ name: 'All files', extensions: ['*'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}
