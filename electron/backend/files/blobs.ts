import { blobSha256, type BlobFile } from '../../../core/api/blobs';
import type { Db } from '../db/connection';
import { getAttachment } from '../repos/attachment-repo';
import { submissionFile } from '../repos/review-repo';
import { readFile } from './attachment-store';
import { imageSize, withinImageLimits } from './image-size';

/**
 * A stored file as the hosts serve it read-only (app://blob, /api/blob): only files that have an
 * attachment row, or that a submission on this device shows (a reviewer's device keeps those
 * without a record: sync/files.ts), with the type and name recorded there. Null for anything
 * else, and for a picture whose header cannot be read or promises more pixels than the limits
 * allow (stored before the limits, or arrived by sync): the window and the PDF printer would
 * decode it whole.
 */
export function readBlob(db: Db, dataDir: string, sha256: string): BlobFile | null {
  if (blobSha256(sha256) === null) return null;
  const row = getAttachment(db, sha256) ?? submissionFile(db, sha256);
  if (!row) return null;
  const data = readFile(dataDir, sha256);
  if (!data) return null;
  if (row.mime.startsWith('image/')) {
    const size = imageSize(data);
    if (size === null || !withinImageLimits(size)) return null;
  }
  return { mime: row.mime, name: row.name, data };
}
