import type { AttachmentInfo, AttachmentOwner } from '../../../core/api/calls/attachments';
import type { Db } from '../db/connection';
import { newId, nowIso } from './ids';

type LinkRow = {
  link_id: string;
  sha256: string;
  mime: string;
  size: number;
  original_name: string;
  caption: string;
  created_at: string;
};

const IMAGE_MIMES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

function toInfo(row: LinkRow): AttachmentInfo {
  return {
    linkId: row.link_id,
    sha256: row.sha256,
    mime: row.mime,
    size: row.size,
    name: row.original_name,
    caption: row.caption,
    // Only types whose bytes were sniffed on the way in are ever stored with an image mime.
    isImage: IMAGE_MIMES.has(row.mime),
    createdAt: row.created_at,
  };
}

const LINK_SELECT = `
  SELECT l.id AS link_id, a.sha256, a.mime, a.size, COALESCE(NULLIF(l.name, ''), a.original_name) AS original_name, l.caption, l.created_at
  FROM attachment_links l JOIN attachments a ON a.sha256 = l.sha256`;

/** Records a stored file and links it to its owner; one transaction. */
export function insertAttachment(
  db: Db,
  file: { sha256: string; mime: string; size: number; name: string },
  link: { ownerTable: AttachmentOwner; ownerId: string; caption: string },
): AttachmentInfo {
  const now = nowIso();
  const linkId = newId();
  db.transaction(() => {
    db.prepare(
      `INSERT INTO attachments (sha256, mime, size, original_name, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (sha256) DO UPDATE SET stored_locally = 1`,
    ).run(file.sha256, file.mime, file.size, file.name, now);
    db.prepare(
      'INSERT INTO attachment_links (id, sha256, owner_table, owner_id, caption, name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(linkId, file.sha256, link.ownerTable, link.ownerId, link.caption, file.name, now);
  })();
  const info = getLink(db, linkId);
  if (!info) throw new Error('attachment link vanished after insert');
  return info;
}

export function getLink(db: Db, linkId: string): AttachmentInfo | null {
  const row = db.prepare(`${LINK_SELECT} WHERE l.id = ? AND l.deleted = 0`).get(linkId) as LinkRow | undefined;
  return row ? toInfo(row) : null;
}

export function listLinks(db: Db, ownerTable: AttachmentOwner, ownerId: string): AttachmentInfo[] {
  const rows = db
    .prepare(`${LINK_SELECT} WHERE l.owner_table = ? AND l.owner_id = ? AND l.deleted = 0 ORDER BY l.created_at, l.id`)
    .all(ownerTable, ownerId) as LinkRow[];
  return rows.map(toInfo);
}

export function getAttachment(db: Db, sha256: string): { sha256: string; mime: string; size: number; name: string } | null {
  const row = db.prepare('SELECT sha256, mime, size, original_name AS name FROM attachments WHERE sha256 = ?').get(sha256) as
    | { sha256: string; mime: string; size: number; name: string }
    | undefined;
  return row ?? null;
}

export function setCaption(db: Db, linkId: string, caption: string): AttachmentInfo | null {
  db.prepare('UPDATE attachment_links SET caption = ? WHERE id = ? AND deleted = 0').run(caption, linkId);
  return getLink(db, linkId);
}

export function removeLink(db: Db, linkId: string): boolean {
  return db.prepare('UPDATE attachment_links SET deleted = 1 WHERE id = ? AND deleted = 0').run(linkId).changes > 0;
}
