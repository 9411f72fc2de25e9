import { blobSha256, type BlobFile } from '../../../core/api/blobs';
import type { Db } from '../db/connection';
import { getAttachment } from '../repos/attachment-repo';
import { readFile } from './attachment-store';

/**
 * A stored file as the hosts serve it read-only (app://blob, /api/blob): only files that have an
 * attachment row, with the type and name recorded there. Null for anything else.
 */
export function readBlob(db: Db, dataDir: string, sha256: string): BlobFile | null {
  if (blobSha256(sha256) === null) return null;
  const row = getAttachment(db, sha256);
  if (!row) return null;
  const data = readFile(dataDir, sha256);
  return data ? { mime: row.mime, name: row.name, data } : null;
}
