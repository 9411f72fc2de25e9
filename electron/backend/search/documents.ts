import { segmentForIndex } from '../../../core/text/segment';
import type { Lang } from '../../../core/i18n';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/connection';
import { segmentInWorkers, type TextPair } from './segment-workers';
import { recordWords } from './vocabulary';

export type SearchDocKind = 'kb' | 'note' | 'lesson';

/**
 * One record's text in one language. `keys` holds what people search it by besides its words:
 * tags, scenario names in both languages, the record's id (ranked below the title, above the body).
 */
export type SearchDoc = { kind: SearchDocKind; refId: string; lang: Lang; title: string; keys: string; body: string; facets?: ArticleFacets };

/** An article's type, scenarios and tags, kept on its index entries so that filters need no join. */
export type ArticleFacets = { type: string; scenarios: readonly string[]; tags: readonly string[] };

type Statements = { find: Statement; findAll: Statement; insertDoc: Statement; setFacets: Statement; deleteDocs: Statement; insertFts: Statement; deleteFts: Statement };

// A pack import indexes thousands of documents: compiling these statements once per connection
// instead of once per document keeps the import's time in tokenizing and writing the index.
const cache = new WeakMap<Db, Statements>();

function statements(db: Db): Statements {
  let s = cache.get(db);
  if (!s) {
    s = {
      find: db.prepare('SELECT rowid FROM search_docs WHERE kind = ? AND ref_id = ? AND lang = ?'),
      findAll: db.prepare('SELECT rowid FROM search_docs WHERE kind = ? AND ref_id = ?'),
      insertDoc: db.prepare('INSERT INTO search_docs (kind, ref_id, lang, type, scenarios, tags) VALUES (?, ?, ?, ?, ?, ?)'),
      setFacets: db.prepare('UPDATE search_docs SET type = ?, scenarios = ?, tags = ? WHERE rowid = ?'),
      deleteDocs: db.prepare('DELETE FROM search_docs WHERE kind = ? AND ref_id = ?'),
      insertFts: db.prepare('INSERT INTO search_fts (rowid, title, keys, body) VALUES (?, ?, ?, ?)'),
      deleteFts: db.prepare('DELETE FROM search_fts WHERE rowid = ?'),
    };
    cache.set(db, s);
  }
  return s;
}

// The private-use characters search.ts asks FTS5 to wrap matches in (snippet.ts): text that
// carried them itself would fake highlights.
const MARKERS = /[\uE000\uE001]/g;

function withoutMarkers(text: string): string {
  return text.replace(MARKERS, '');
}

/** Writes the index entry of one document from its title and body as the index stores them. */
function writeSearchDoc(db: Db, doc: SearchDoc, text: TextPair): void {
  const s = statements(db);
  const existing = s.find.get(doc.kind, doc.refId, doc.lang) as { rowid: number } | undefined;
  const facets = [doc.facets?.type ?? null, JSON.stringify(doc.facets?.scenarios ?? []), JSON.stringify(doc.facets?.tags ?? [])];
  let rowid: number;
  if (existing) {
    rowid = existing.rowid;
    s.deleteFts.run(rowid);
    s.setFacets.run(...facets, rowid);
  } else {
    rowid = Number(s.insertDoc.run(doc.kind, doc.refId, doc.lang, ...facets).lastInsertRowid);
  }
  // Keys are short (tags, names, an id): segmented here rather than in the workers.
  const keys = segmentForIndex(withoutMarkers(doc.keys));
  s.insertFts.run(rowid, text.title, keys, text.body);
  recordWords(db, [text.title, keys, text.body]);
}

/** Adds or replaces the index entry of one record in one language. */
export function upsertSearchDoc(db: Db, doc: SearchDoc): void {
  writeSearchDoc(db, doc, { title: segmentForIndex(withoutMarkers(doc.title)), body: segmentForIndex(withoutMarkers(doc.body)) });
}

/** Documents whose Chinese text is being segmented in worker threads (prepareSearchDocs). */
export type PreparedSearchDocs = { docs: readonly SearchDoc[]; batches: Promise<TextPair[]>[] };

/**
 * Starts segmenting many documents in worker threads, for a bulk import: the caller writes its
 * own rows meanwhile, then hands the result to upsertPreparedSearchDocs.
 */
export function prepareSearchDocs(docs: readonly SearchDoc[]): PreparedSearchDocs {
  return { docs, batches: segmentInWorkers(docs.map((d) => ({ title: withoutMarkers(d.title), body: withoutMarkers(d.body) }))) };
}

/**
 * Adds or replaces the index entries of prepared documents, each batch as soon as its
 * segmentation is done; the same entries upsertSearchDoc would write. It waits for the workers
 * between batches, so it cannot run inside db.transaction(): the caller brackets it with BEGIN
 * and COMMIT (ROLLBACK on failure) and must not use the connection for anything else meanwhile.
 */
export async function upsertPreparedSearchDocs(db: Db, prepared: PreparedSearchDocs): Promise<void> {
  let i = 0;
  for (const batch of prepared.batches) {
    for (const text of await batch) {
      const doc = prepared.docs[i++];
      if (doc) writeSearchDoc(db, doc, text);
    }
  }
}

/** Removes every language's index entry of one record. */
export function deleteSearchDocs(db: Db, kind: SearchDocKind, refId: string): void {
  const s = statements(db);
  const rows = s.findAll.all(kind, refId) as { rowid: number }[];
  for (const r of rows) s.deleteFts.run(r.rowid);
  s.deleteDocs.run(kind, refId);
}
