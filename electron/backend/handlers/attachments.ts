import { ApiFailure } from '../../../core/api/result';
import type { attachmentCalls } from '../../../core/api/calls/attachments';
import { MAX_ATTACHMENT_BYTES } from '../../../core/api/calls/attachments';
import { checkClaimedType } from '../../../core/files/sniff';
import { readFile, storeFile } from '../files/attachment-store';
import { getAttachment, insertAttachment, listLinks, removeLink, setCaption } from '../repos/attachment-repo';
import type { HandlerContext, HandlersFor } from './context';

export function attachmentHandlers({ db, dataDir }: HandlerContext): HandlersFor<typeof attachmentCalls> {
  return {
    'attachments.add': ({ ownerTable, ownerId, name, mime, data, caption }) => {
      const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      if (bytes.length === 0) throw new ApiFailure('bad_request', `"${name}" is empty; nothing was attached.`);
      if (bytes.length > MAX_ATTACHMENT_BYTES) {
        const mb = (bytes.length / 1024 / 1024).toFixed(1);
        throw new ApiFailure('too_large', `"${name}" is ${mb} MB; attachments can be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`);
      }
      const checked = checkClaimedType(name, mime, bytes);
      if ('error' in checked) throw new ApiFailure('bad_file', checked.error);
      const sha256 = storeFile(dataDir, bytes);
      return insertAttachment(db, { sha256, mime: checked.mime, size: bytes.length, name }, { ownerTable, ownerId, caption: caption ?? '' });
    },
    'attachments.list': ({ ownerTable, ownerId }) => listLinks(db, ownerTable, ownerId),
    'attachments.read': ({ sha256 }) => {
      const meta = getAttachment(db, sha256);
      const bytes = meta ? readFile(dataDir, sha256) : null;
      if (!meta || !bytes) throw new ApiFailure('not_found', `No stored file ${sha256.slice(0, 12)}… on this device.`);
      return { sha256, mime: meta.mime, size: meta.size, data: bytes };
    },
    'attachments.caption': ({ linkId, caption }) => {
      const info = setCaption(db, linkId, caption);
      if (!info) throw new ApiFailure('not_found', `No attachment link "${linkId}".`);
      return info;
    },
    'attachments.remove': ({ linkId }) => ({ removed: removeLink(db, linkId) }),
  };
}
