import fs from 'node:fs';
import type { MissingFile } from '../../../core/api/calls/reports';
import { documentPictures } from '../../../core/document/pictures';
import type { DocumentModel } from '../../../core/document/model';
import type { Db } from '../db/connection';
import { attachmentPath } from '../files/attachment-store';
import { getAttachment } from '../repos/attachment-repo';

/**
 * The pictures a document would show whose files are not on this device, each once per place.
 * Asked before an export (not returned with it): in Electron the save dialog opens during the
 * export, and the user must be able to decide before a file is written. The writers keep a
 * visible placeholder where such a picture belongs, whatever the user decides.
 */
export function missingFiles(db: Db, dataDir: string, doc: DocumentModel): MissingFile[] {
  const seen = new Set<string>();
  const missing: MissingFile[] = [];
  for (const picture of documentPictures(doc.blocks)) {
    const key = `${picture.sha256}\n${picture.where}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (isOnDevice(dataDir, picture.sha256)) continue;
    const valid = /^[0-9a-f]{64}$/.test(picture.sha256);
    // A picture in rich text carries only its alternative text: the attachment row has the file's name.
    const stored = valid ? getAttachment(db, picture.sha256) : null;
    missing.push({ sha256: picture.sha256, name: stored?.name || picture.name || picture.sha256.slice(0, 12), caption: picture.caption, where: picture.where });
  }
  return missing;
}

function isOnDevice(dataDir: string, sha256: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return false;
  return fs.existsSync(attachmentPath(dataDir, sha256));
}
