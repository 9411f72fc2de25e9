import type { AttachmentInfo } from '../../../core/api/calls/attachments';
import type { AttachmentOwner } from '../../../core/api/limits';
import type { Db } from '../db/connection';
import { commit, insert, remove, transact, update } from '../db/changes';
import { newId } from './ids';

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

/** The write that records a stored file's row: new content, or content this device holds again. */
function storedFileChange(db: Db, file: { sha256: string; mime: string; size: number; name: string }) {
  // The same bytes can arrive under other names: the first name stays on the file, each link keeps its own.
  return getAttachment(db, file.sha256) !== null
    ? update('attachments', { sha256: file.sha256 }, { stored_locally: 1 })
    : insert('attachments', { sha256: file.sha256, mime: file.mime, size: file.size, original_name: file.name, stored_locally: 1 });
}

/** Records a stored file that no record links to (the organisation's logo), so the start-up sweep keeps it. */
export function recordStoredFile(db: Db, file: { sha256: string; mime: string; size: number; name: string }): void {
  transact(db, () => {
    commit(db, [storedFileChange(db, file)]);
  });
}

/** Records a stored file (once per content) and links it to its owner; one transaction. */
export function insertAttachment(
  db: Db,
  file: { sha256: string; mime: string; size: number; name: string },
  link: { ownerTable: AttachmentOwner; ownerId: string; caption: string },
): AttachmentInfo {
  const linkId = newId();
  transact(db, () => {
    commit(db, [
      storedFileChange(db, file),
      insert('attachment_links', { id: linkId, sha256: file.sha256, owner_table: link.ownerTable, owner_id: link.ownerId, caption: link.caption, name: file.name }),
    ]);
  });
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

/** Changes a live link's caption; the caller checked that it exists. */
export function setCaption(db: Db, linkId: string, caption: string): AttachmentInfo {
  commit(db, [update('attachment_links', { id: linkId }, { caption }, { deleted: 0 })]);
  const info = getLink(db, linkId);
  if (!info) throw new Error('attachment link vanished after update');
  return info;
}

/** Tombstones a link (the file stays for other links and sync); false when there was no live link. */
export function removeLink(db: Db, linkId: string): boolean {
  return transact(db, () => getLink(db, linkId) !== null && (commit(db, [remove('attachment_links', { id: linkId })])[0]?.changed ?? false));
}

/**
 * Every sha256 a row names — each attachment row, tombstoned or not, and each sign-off's
 * signature — so the start-up sweep never removes a file a row refers to.
 */
export function referencedSha256s(db: Db): Set<string> {
  const rows = db
    .prepare(
      `SELECT sha256 FROM attachments
       UNION SELECT json_extract(signoff, '$.signatureSha256') FROM assessment_sessions WHERE signoff IS NOT NULL`,
    )
    .pluck()
    .all() as (string | null)[];
  return new Set(rows.filter((sha): sha is string => typeof sha === 'string'));
}

/** How many stored-file rows there are, tombstoned or not. */
export function countAttachments(db: Db): number {
  return db.prepare('SELECT count(*) FROM attachments').pluck().get() as number;
}

/** Whether a live record of an owner table has this id (the table name comes from the typed list, never from a caller's text). */
export function ownerExists(db: Db, table: Exclude<AttachmentOwner, 'assessment_answers'>, id: string): boolean {
  return db.prepare(`SELECT 1 FROM ${table} WHERE id = ? AND deleted = 0`).get(id) !== undefined;
}

/** How many files are linked to each answer of a session (keyed by question id; none: absent). */
export function answerFileCounts(db: Db, sessionId: string): Record<string, number> {
  const prefix = `${sessionId}:`;
  const rows = db
    .prepare(
      `SELECT owner_id, COUNT(*) AS files FROM attachment_links
       WHERE owner_table = 'assessment_answers' AND owner_id >= ? AND owner_id < ? AND deleted = 0
       GROUP BY owner_id`,
    )
    // "<id>:" up to "<id>;" (the next character): every answer of the session, through the owner index.
    .all(prefix, `${sessionId};`) as { owner_id: string; files: number }[];
  return Object.fromEntries(rows.map((r) => [r.owner_id.slice(prefix.length), r.files]));
}
