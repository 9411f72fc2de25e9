import type { RecordTable } from '../../../core/api/tables';
import { LANGS } from '../../../core/i18n';
import { detectLang } from '../../../core/notes/lexical-document';
import type { Applied } from '../db/changes';
import type { Db } from '../db/connection';
import { deleteSearchDocs, upsertSearchDoc, type SearchDoc, type SearchDocKind } from './documents';
import { prepared } from '../db/statements';

/**
 * What each record table contributes to the search index. The write funnel calls
 * updateSearchIndex with everything a transaction changed, before it commits, so the index
 * matches the records (or, for a large batch from sync, the records still to be indexed are queued
 * in the same commit: search/backlog.ts): no code path indexes by hand, and none can forget to.
 */
type Indexer = {
  kind: SearchDocKind;
  /** The tables whose rows feed this kind of document, each with the document's ref id from a changed row's name. */
  sources: Partial<Record<RecordTable, (row: string) => string>>;
  /** The record's documents as they should be indexed now; none when it is gone. */
  documents(db: Db, refId: string): SearchDoc[];
};

/** The strings of a JSON array column (anything else in it is ignored). */
function jsonStrings(json: string): string[] {
  const value = JSON.parse(json) as unknown;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Ids, tags and names as one text, a line each ("symbol-shutdown" is indexed as its words). */
function keysText(values: readonly string[]): string {
  return [...new Set(values)].join('\n');
}

const INDEXERS: readonly Indexer[] = [
  {
    kind: 'kb',
    // kb_article_texts rows are named "<article id>/<lang>".
    sources: { kb_articles: (row) => row, kb_article_texts: (row) => row.split('/')[0] ?? row },
    documents(db, id) {
      const live = prepared(db, 'SELECT type, scenarios, tags FROM kb_articles WHERE id = ? AND deleted = 0').get(id) as { type: string; scenarios: string; tags: string } | undefined;
      if (!live) return [];
      const scenarioIds = jsonStrings(live.scenarios);
      const facets = { type: live.type, scenarios: scenarioIds, tags: jsonStrings(live.tags) };
      const names = prepared(db, 'SELECT name_en, name_zh FROM scenarios WHERE id IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify(scenarioIds)) as [string, string][];
      const keys = keysText([id, ...jsonStrings(live.tags), ...scenarioIds, ...names.flat()]);
      const texts = prepared(db, 'SELECT lang, title, summary, body_text FROM kb_article_texts WHERE article_id = ?').all(id) as {
        lang: string;
        title: string;
        summary: string;
        body_text: string;
      }[];
      // The title is its own column (ranked higher, shown as the hit's title); summary and body are searched as the body.
      return LANGS.flatMap((lang) => {
        const text = texts.find((t) => t.lang === lang);
        return text ? [{ kind: 'kb' as const, refId: id, lang, title: text.title, keys, body: `${text.summary}\n${text.body_text}`, facets }] : [];
      });
    },
  },
  {
    kind: 'note',
    sources: { field_notes: (row) => row },
    documents(db, id) {
      const note = prepared(db, 'SELECT title, body_text, tags FROM field_notes WHERE id = ? AND deleted = 0').get(id) as { title: string; body_text: string; tags: string } | undefined;
      if (!note) return [];
      // One entry, in the language the note is written in (it can change with an edit).
      return [{ kind: 'note', refId: id, lang: detectLang(`${note.title}\n${note.body_text}`), title: note.title, keys: keysText(jsonStrings(note.tags)), body: note.body_text }];
    },
  },
  {
    kind: 'lesson',
    sources: { lessons: (row) => row },
    documents(db, id) {
      const lesson = prepared(db, 'SELECT title, context, problem, action, result, recommendation, tags FROM lessons WHERE id = ? AND deleted = 0').get(id) as { title: string; context: string; problem: string; action: string; result: string; recommendation: string; tags: string } | undefined;
      if (!lesson) return [];
      const body = [lesson.context, lesson.problem, lesson.action, lesson.result, lesson.recommendation].filter((s) => s !== '').join('\n\n');
      return [{ kind: 'lesson', refId: id, lang: detectLang(`${lesson.title}\n${body}`), title: lesson.title, keys: keysText(jsonStrings(lesson.tags)), body }];
    },
  },
];

/** The records (by kind) whose index entries the changes affect. */
function touchedRecords(applied: readonly Applied[]): Map<SearchDocKind, Set<string>> {
  const out = new Map<SearchDocKind, Set<string>>();
  for (const indexer of INDEXERS) {
    const refIds = new Set<string>();
    for (const change of applied) {
      const refIdOf = indexer.sources[change.table];
      if (refIdOf) refIds.add(refIdOf(change.row));
    }
    if (refIds.size > 0) out.set(indexer.kind, refIds);
  }
  return out;
}

/** Rewrites the index entries of one record from what is stored now (none when it is gone). */
export function indexRecord(db: Db, kind: SearchDocKind, refId: string): void {
  const indexer = INDEXERS.find((i) => i.kind === kind);
  if (indexer === undefined) return;
  deleteSearchDocs(db, kind, refId);
  for (const doc of indexer.documents(db, refId)) upsertSearchDoc(db, doc);
}

/**
 * Rewrites the index entries of every record the changes touched, or, with `defer`, queues them
 * for the background indexer (search/backlog.ts) in the same transaction. Runs inside the write
 * transaction.
 */
export function updateSearchIndex(db: Db, applied: readonly Applied[], options: { defer?: boolean } = {}): void {
  if (applied.length === 0) return;
  const queue = prepared(db, 'INSERT INTO search_backlog (kind, ref_id) VALUES (?, ?) ON CONFLICT DO NOTHING');
  for (const [kind, refIds] of touchedRecords(applied)) {
    for (const refId of refIds) {
      if (options.defer === true) queue.run(kind, refId);
      else indexRecord(db, kind, refId);
    }
  }
}

/**
 * Indexes every live record afresh. Only for a database assembled outside the funnel — a rescue
 * copies rows out of a damaged file, and the damaged file's index is not to be trusted.
 */
export function rebuildSearchIndex(db: Db): void {
  db.exec('DELETE FROM search_docs; DELETE FROM search_fts; DELETE FROM search_words;');
  for (const indexer of INDEXERS) {
    const [table] = Object.keys(indexer.sources) as RecordTable[];
    if (table === undefined) continue;
    const ids = db.prepare(`SELECT id FROM ${table} WHERE deleted = 0`).pluck().all() as string[];
    for (const id of ids) for (const doc of indexer.documents(db, id)) upsertSearchDoc(db, doc);
  }
}
