import type { attachmentCalls } from '../../../core/api/calls/attachments';
import { listLinks } from '../repos/attachment-repo';
import { addAttachment, captionAttachment, readAttachment, unlinkAttachment } from '../services/attachments';
import type { HandlerContext, HandlersFor } from './context';

export function attachmentHandlers(ctx: HandlerContext): HandlersFor<typeof attachmentCalls> {
  const { db } = ctx;
  return {
    'attachments.add': (args) => addAttachment(ctx, args),
    'attachments.list': ({ ownerTable, ownerId }) => listLinks(db, ownerTable, ownerId),
    'attachments.read': ({ sha256 }) => {
      const file = readAttachment(ctx, sha256);
      return { sha256: file.sha256, mime: file.mime, size: file.size, data: file.bytes };
    },
    'attachments.caption': ({ linkId, caption }) => captionAttachment(db, linkId, caption),
    'attachments.remove': ({ linkId }) => unlinkAttachment(db, linkId),
  };
}
