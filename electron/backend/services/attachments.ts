import { msg } from '../../../core/api/message';
import type { ApiMessageKey } from '../../../core/api/messages';
import { ApiFailure } from '../../../core/api/result';
import type { AttachmentInfo } from '../../../core/api/calls/attachments';
import { MAX_ATTACHMENT_BYTES, type AttachmentOwner } from '../../../core/api/limits';
import type { ParsedArgs } from '../../../core/api/contract';
import { checkClaimedType } from '../../../core/files/sniff';
import type { Db } from '../db/connection';
import { submissionFile } from '../repos/review-repo';
import { printCacheDir, readFile, storeFile, StoredFileMismatch } from '../files/attachment-store';
import { printPictures } from '../export/print-pictures';
import { checkImageBytes } from '../files/image-size';
import { environmentKind } from '../environment-errors';
import { getAttachment, getLink, insertAttachment, ownerExists, removeLink, setCaption } from '../repos/attachment-repo';
import type { ServiceContext } from './context';
import { notFound } from './found';

/** Files attached to records: stored once per content (sha256), linked to each record that shows them. */

/** A Buffer over the same memory (no copy), for the Node APIs that want one. */
export function bufferOf(data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** A file size as people read it: "12 KB", "3.4 MB". */
function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export type StoredFile = { sha256: string; mime: string; size: number; name: string };

/**
 * Writes the bytes to the attachment store (durably, whole, content-addressed); no record yet.
 * Every file a record shows — an attachment, a sign-off signature — comes through here, so all of
 * them fail the same way when the disk is full or does not keep what it was given: with a message
 * naming the file, and with nothing stored. A picture whose header promises more pixels than the
 * limits allow is refused here, before anything decodes it (files/image-size.ts).
 */
export function storeBytes({ dataDir }: Pick<ServiceContext, 'dataDir'>, file: { name: string; mime: string; bytes: Uint8Array }): StoredFile {
  checkImageBytes(file.name, file.bytes);
  const size = file.bytes.length;
  try {
    const sha256 = storeFile(dataDir, file.bytes);
    // A photo's print copy is made now, in the background, so exports find it ready (print-pictures.ts).
    if (file.mime === 'image/jpeg' || file.mime === 'image/png') void preparePrintCopy(dataDir, sha256);
    return { sha256, mime: file.mime, size, name: file.name };
  } catch (error) {
    if (environmentKind(error) === 'disk_full') {
      throw new ApiFailure('disk_full', msg('error.noRoomForFile', { name: file.name, size: sizeText(size), folder: dataDir }));
    }
    if (error instanceof StoredFileMismatch) {
      throw new ApiFailure('damaged', msg('error.fileNotStoredWhole', { name: file.name, written: error.storedSize, size, folder: dataDir }));
    }
    // Anything else from the machine (read-only, permission, …) is worded by dispatch's classifier.
    throw error;
  }
}

/** Makes and keeps the print copy of a stored picture; a failure only means the export makes it. */
async function preparePrintCopy(dataDir: string, sha256: string): Promise<void> {
  try {
    await printPictures([sha256], (sha) => readFile(dataDir, sha), printCacheDir(dataDir));
  } catch {
    // The export makes the copy itself.
  }
}

/** Records a stored file and links it to its owner. */
export function linkFile(db: Db, file: StoredFile, link: { ownerTable: AttachmentOwner; ownerId: string; caption: string }): AttachmentInfo {
  return insertAttachment(db, file, link);
}

/** What each owner table is called in "not found" messages. */
const OWNER_RECORDS: Readonly<Record<AttachmentOwner, Extract<ApiMessageKey, `record.${string}`>>> = {
  assessment_answers: 'record.assessment',
  assessment_sessions: 'record.assessment',
  field_notes: 'record.note',
  risk_items: 'record.risk',
  engagements: 'record.engagement',
  lessons: 'record.lesson',
};

/**
 * Refuses a file for a record that does not exist (or was deleted): it would be stored and linked
 * to nothing. A question's photos belong to `<session id>:<question id>` before the question is
 * answered, so for them the session must exist and the question must be one its definition asks.
 */
function checkOwnerExists({ db, definitions }: Pick<ServiceContext, 'db' | 'definitions'>, ownerTable: AttachmentOwner, ownerId: string): void {
  if (ownerTable === 'assessment_answers') {
    // "<session>:<question>": the session must exist and the question be one of its definition's.
    const [sessionId = '', questionId = ''] = ownerId.split(':');
    const session = db.prepare('SELECT definition_id, definition_version FROM assessment_sessions WHERE id = ? AND deleted = 0').get(sessionId) as
      | { definition_id: string; definition_version: number }
      | undefined;
    const definition = session ? definitions.find(session.definition_id, session.definition_version) : null;
    const asked = definition?.definition.sections.some((s) => s.questions.some((q) => q.id === questionId)) ?? false;
    if (!asked) throw notFound(OWNER_RECORDS[ownerTable], ownerId);
    return;
  }
  if (!ownerExists(db, ownerTable, ownerId)) throw notFound(OWNER_RECORDS[ownerTable], ownerId);
}

/** Checks the file (size, type by its bytes) and its record, stores it and links it to the record. */
export function addAttachment(ctx: ServiceContext, { ownerTable, ownerId, name, mime, data, caption }: ParsedArgs<'attachments.add'>): AttachmentInfo {
  checkOwnerExists(ctx, ownerTable, ownerId);
  const bytes = bufferOf(data);
  if (bytes.length === 0) throw new ApiFailure('bad_request', msg('error.fileEmpty', { name }));
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw new ApiFailure('too_large', msg('error.fileTooLarge', { name, size: (bytes.length / 1024 / 1024).toFixed(1), max: MAX_ATTACHMENT_BYTES / 1024 / 1024 }));
  }
  const checked = checkClaimedType(name, mime, bytes);
  if ('error' in checked) throw new ApiFailure('bad_file', checked.error);
  const file = storeBytes(ctx, { name, mime: checked.mime, bytes });
  return linkFile(ctx.db, file, { ownerTable, ownerId, caption: caption ?? '' });
}

/** A stored file's bytes with its type, or not_found when this device does not have it. */
export function readAttachment({ db, dataDir }: ServiceContext, sha256: string): { sha256: string; mime: string; size: number; bytes: Buffer } {
  const stored = getAttachment(db, sha256);
  // A reviewer's device knows a submission's files from the submission alone: its type is taken
  // from the bytes, as for a file added here, not from what the other device claimed.
  const meta = stored ?? submissionFile(db, sha256);
  const bytes = meta ? readFile(dataDir, sha256) : null;
  if (!meta || !bytes) throw new ApiFailure('not_found', msg('error.fileNotStored', { sha: sha256.slice(0, 12) }));
  if (stored) return { sha256, mime: stored.mime, size: stored.size, bytes };
  const checked = checkClaimedType(meta.name, meta.mime, bytes);
  return { sha256, mime: 'mime' in checked ? checked.mime : 'application/octet-stream', size: bytes.length, bytes };
}

export function captionAttachment(db: Db, linkId: string, caption: string): AttachmentInfo {
  if (!getLink(db, linkId)) throw notFound('record.attachmentLink', linkId);
  return setCaption(db, linkId, caption);
}

export function unlinkAttachment(db: Db, linkId: string): { removed: boolean } {
  return { removed: removeLink(db, linkId) };
}
