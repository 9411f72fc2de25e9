import { segmentForIndex } from '../../../core/text/segment';
import type { Lang } from '../../../core/i18n';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/connection';

export type SearchDocKind = 'kb' | 'note' | 'lesson';

export type SearchDoc = { kind: SearchDocKind; refId: string; lang: Lang; title: string; body: string };

type Statements = { find: Statement; findAll: Statement; insertDoc: Statement; deleteDocs: Statement; insertFts: Statement; deleteFts: Statement };

// A pack import indexes thousands of documents: compiling these statements once per connection
// instead of once per document keeps the import's time in tokenizing and writing the index.
const cache = new WeakMap<Db, Statements>();

function statements(db: Db): Statements {
  let s = cache.get(db);
  if (!s) {
    s = {
      find: db.prepare('SELECT rowid FROM search_docs WHERE kind = ? AND ref_id = ? AND lang = ?'),
      findAll: db.prepare('SELECT rowid FROM search_docs WHERE kind = ? AND ref_id = ?'),
      insertDoc: db.prepare('INSERT INTO search_docs (kind, ref_id, lang) VALUES (?, ?, ?)'),
      deleteDocs: db.prepare('DELETE FROM search_docs WHERE kind = ? AND ref_id = ?'),
      insertFts: db.prepare('INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)'),
      deleteFts: db.prepare('DELETE FROM search_fts WHERE rowid = ?'),
    };
    cache.set(db, s);
  }
  return s;
}

// The private-use characters search.ts asks FTS5 to wrap matches in (snippet.ts): text that
// carried them itself would fake highlights.
const MARKERS = /[\uE000\uE001]/g;

function indexText(text: string): string {
  return segmentForIndex(text.replace(MARKERS, ''));
}

/** Adds or replaces the index entry of one record in one language. */
export function upsertSearchDoc(db: Db, doc: SearchDoc): void {
  const s = statements(db);
  const existing = s.find.get(doc.kind, doc.refId, doc.lang) as { rowid: number } | undefined;
  let rowid: number;
  if (existing) {
    rowid = existing.rowid;
    s.deleteFts.run(rowid);
  } else {
    rowid = Number(s.insertDoc.run(doc.kind, doc.refId, doc.lang).lastInsertRowid);
  }
  s.insertFts.run(rowid, indexText(doc.title), indexText(doc.body));
}

/** Removes every language's index entry of one record. */
export function deleteSearchDocs(db: Db, kind: SearchDocKind, refId: string): void {
  const s = statements(db);
  const rows = s.findAll.all(kind, refId) as { rowid: number }[];
  for (const r of rows) s.deleteFts.run(r.rowid);
  s.deleteDocs.run(kind, refId);
}
