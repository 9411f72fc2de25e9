import { segmentForIndex } from '../../../core/text/segment';
import type { Lang } from '../../../core/i18n';
import type { Db } from '../db/connection';

export type SearchDocKind = 'kb' | 'note' | 'lesson';

export type SearchDoc = { kind: SearchDocKind; refId: string; lang: Lang; title: string; body: string };

/** Adds or replaces the index entry of one record in one language. */
export function upsertSearchDoc(db: Db, doc: SearchDoc): void {
  const existing = db
    .prepare('SELECT rowid FROM search_docs WHERE kind = ? AND ref_id = ? AND lang = ?')
    .get(doc.kind, doc.refId, doc.lang) as { rowid: number } | undefined;
  let rowid: number;
  if (existing) {
    rowid = existing.rowid;
    db.prepare('DELETE FROM search_fts WHERE rowid = ?').run(rowid);
  } else {
    rowid = Number(db.prepare('INSERT INTO search_docs (kind, ref_id, lang) VALUES (?, ?, ?)').run(doc.kind, doc.refId, doc.lang).lastInsertRowid);
  }
  db.prepare('INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)').run(rowid, segmentForIndex(doc.title), segmentForIndex(doc.body));
}

/** Removes every language's index entry of one record. */
export function deleteSearchDocs(db: Db, kind: SearchDocKind, refId: string): void {
  const rows = db.prepare('SELECT rowid FROM search_docs WHERE kind = ? AND ref_id = ?').all(kind, refId) as { rowid: number }[];
  const delFts = db.prepare('DELETE FROM search_fts WHERE rowid = ?');
  for (const r of rows) delFts.run(r.rowid);
  db.prepare('DELETE FROM search_docs WHERE kind = ? AND ref_id = ?').run(kind, refId);
}
