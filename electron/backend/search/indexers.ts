import type { RecordTable } from '../../../core/api/tables';
import { LANGS } from '../../../core/i18n';
import { detectLang } from '../../../core/notes/lexical-document';
import type { Applied } from '../db/changes';
import type { Db } from '../db/connection';
import { deleteSearchDocs, upsertSearchDoc, type SearchDoc, type SearchDocKind } from './documents';

/**
 * What each record table contributes to the search index. The write funnel calls
 * updateSearchIndex with everything a transaction changed, before it commits, so the index always
 * matches the records: no code path indexes by hand, and none can forget to.
 */
type Indexer = {
  kind: SearchDocKind;
  /** The tables whose rows feed this kind of document, each with the document's ref id from a changed row's name. */
  sources: Partial<Record<RecordTable, (row: string) => string>>;
  /** The record's documents as they should be indexed now; none when it is gone. */
  documents(db: Db, refId: string): SearchDoc[];
};

const INDEXERS: readonly Indexer[] = [
  {
    kind: 'kb',
    // kb_article_texts rows are named "<article id>/<lang>".
    sources: { kb_articles: (row) => row, kb_article_texts: (row) => row.split('/')[0] ?? row },
    documents(db, id) {
      const live = db.prepare('SELECT 1 FROM kb_articles WHERE id = ? AND deleted = 0').get(id);
      if (!live) return [];
      const texts = db.prepare('SELECT lang, title, summary, body_text FROM kb_article_texts WHERE article_id = ?').all(id) as {
        lang: string;
        title: string;
        summary: string;
        body_text: string;
      }[];
      // The title is its own column (ranked higher, shown as the hit's title); summary and body are searched as the body.
      return LANGS.flatMap((lang) => {
        const text = texts.find((t) => t.lang === lang);
        return text ? [{ kind: 'kb' as const, refId: id, lang, title: text.title, body: `${text.summary}\n${text.body_text}` }] : [];
      });
    },
  },
  {
    kind: 'note',
    sources: { field_notes: (row) => row },
    documents(db, id) {
      const note = db.prepare('SELECT title, body_text FROM field_notes WHERE id = ? AND deleted = 0').get(id) as { title: string; body_text: string } | undefined;
      if (!note) return [];
      // One entry, in the language the note is written in (it can change with an edit).
      return [{ kind: 'note', refId: id, lang: detectLang(`${note.title}\n${note.body_text}`), title: note.title, body: note.body_text }];
    },
  },
  {
    kind: 'lesson',
    sources: { lessons: (row) => row },
    documents(db, id) {
      const lesson = db
        .prepare('SELECT title, context, problem, action, result, recommendation, tags FROM lessons WHERE id = ? AND deleted = 0')
        .get(id) as { title: string; context: string; problem: string; action: string; result: string; recommendation: string; tags: string } | undefined;
      if (!lesson) return [];
      const tags = (JSON.parse(lesson.tags) as unknown[]).filter((t): t is string => typeof t === 'string');
      const body = [lesson.context, lesson.problem, lesson.action, lesson.result, lesson.recommendation, tags.join(' ')].filter((s) => s !== '').join('\n\n');
      return [{ kind: 'lesson', refId: id, lang: detectLang(`${lesson.title}\n${body}`), title: lesson.title, body }];
    },
  },
];

/** Rewrites the index entries of every record the changes touched. Runs inside the write transaction. */
export function updateSearchIndex(db: Db, applied: readonly Applied[]): void {
  if (applied.length === 0) return;
  for (const indexer of INDEXERS) {
    const refIds = new Set<string>();
    for (const change of applied) {
      const refIdOf = indexer.sources[change.table];
      if (refIdOf) refIds.add(refIdOf(change.row));
    }
    for (const refId of refIds) {
      deleteSearchDocs(db, indexer.kind, refId);
      for (const doc of indexer.documents(db, refId)) upsertSearchDoc(db, doc);
    }
  }
}

/**
 * Indexes every live record afresh. Only for a database assembled outside the funnel — a rescue
 * copies rows out of a damaged file, and the damaged file's index is not to be trusted.
 */
export function rebuildSearchIndex(db: Db): void {
  db.exec('DELETE FROM search_docs; DELETE FROM search_fts;');
  for (const indexer of INDEXERS) {
    const [table] = Object.keys(indexer.sources) as RecordTable[];
    if (table === undefined) continue;
    const ids = db.prepare(`SELECT id FROM ${table} WHERE deleted = 0`).pluck().all() as string[];
    for (const id of ids) for (const doc of indexer.documents(db, id)) upsertSearchDoc(db, doc);
  }
}
