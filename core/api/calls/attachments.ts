import { z } from 'zod';
import { bytes, id, returns } from './common';
import { ATTACHMENT_OWNERS, MAX_ATTACHMENT_BYTES } from '../limits';

/** Photos and files attached to records (assessment answers, notes, sessions, risks, engagements). */


/** One attachment as it hangs on a record. */
export type AttachmentInfo = {
  /** The link's id (one file can be linked from several records). */
  linkId: string;
  sha256: string;
  mime: string;
  size: number;
  name: string;
  caption: string;
  /** True when the bytes were checked to be an image the app can show. */
  isImage: boolean;
  createdAt: string;
};

const owner = z.object({ ownerTable: z.enum(ATTACHMENT_OWNERS), ownerId: id }).strict();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'issue.notSha256');

export const attachmentCalls = {
  /** Stores a file (content-addressed) and links it to a record; images are checked by their bytes. */
  'attachments.add': {
    args: owner
      .extend({
        name: z.string().min(1).max(255),
        mime: z.string().max(100),
        /** The file's bytes. */
        data: bytes(MAX_ATTACHMENT_BYTES, { tooLarge: 'issue.fileTooLargeMb' }),
        caption: z.string().max(500).optional(),
      })
      .strict(),
    result: returns<AttachmentInfo>(),
  },
  /** The attachments linked to one record, oldest first. */
  'attachments.list': { args: owner, result: returns<AttachmentInfo[]>() },
  /** One stored file's bytes (screens show images by URL instead: Bridge.blobUrl). */
  'attachments.read': {
    args: z.object({ sha256 }).strict(),
    result: returns<{ sha256: string; mime: string; size: number; data: Uint8Array }>(),
  },
  /** Changes an attachment's caption. */
  'attachments.caption': { args: z.object({ linkId: id, caption: z.string().max(500) }).strict(), result: returns<AttachmentInfo>() },
  /** Unlinks an attachment from its record (a tombstone; the file stays for other links and sync). */
  'attachments.remove': { args: z.object({ linkId: id }).strict(), result: returns<{ removed: boolean }>() },
} as const;
