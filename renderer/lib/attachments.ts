import type { AttachmentInfo } from '../../core/api/calls/attachments';
import { MAX_ATTACHMENT_BYTES, type AttachmentOwner } from '../../core/api/limits';
import { blobUrl, call } from './api';

/**
 * The one way screens attach files and show stored images: files go to the backend as bytes
 * (Uint8Array, never base64), and stored images are plain <img> elements on their read-only blob
 * URL (StoredImage.tsx).
 */

/** A picked, pasted or dropped file's bytes, as the contract carries them. */
export async function fileBytes(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** Attaches a file to a record. Oversized files are refused here, before reading them, with the same rule the backend applies. */
export async function attachFile(owner: { ownerTable: AttachmentOwner; ownerId: string }, file: File, caption?: string): Promise<AttachmentInfo> {
  if (file.size > MAX_ATTACHMENT_BYTES) {
    const mb = (file.size / 1024 / 1024).toFixed(1);
    throw new Error(`"${file.name}" is ${mb} MB; attachments can be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`);
  }
  const data = await fileBytes(file);
  return call('attachments.add', { ...owner, name: file.name || 'file', mime: file.type, data, ...(caption ? { caption } : {}) });
}

/** The read-only URL of a stored file by its sha256 (app://blob in Electron, /api/blob in the browser host). */
export function attachmentUrl(sha256: string): string {
  return blobUrl(sha256);
}
