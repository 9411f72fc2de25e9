import type { RecordTable } from '../../../core/api/tables';
import { announceIndexed, onDataChanged } from '../db/changes';
import type { Db } from '../db/connection';
import { prepared } from '../db/statements';
import type { SearchDocKind } from './documents';
import { indexRecord } from './indexers';

/**
 * The background indexer. A large sync (a fresh device taking the published knowledge base)
 * queues its records in search_backlog instead of indexing them in its transaction (the write
 * funnel decides, db/changes.ts). This writes their entries a chunk at a time between other work,
 * so the backend keeps answering while the knowledge base becomes searchable. Each chunk commits
 * together with its records' removal from the backlog: a crash resumes where it stopped, and the
 * next start finishes what is left.
 */

/** Records per chunk: a few tens of milliseconds of work, so calls in between wait little. */
const CHUNK = 200;

/** What each kind of index entry is built from (the tables a page re-reads once it is searchable). */
const TABLES_OF: Record<SearchDocKind, RecordTable[]> = {
  kb: ['kb_articles', 'kb_article_texts'],
  note: ['field_notes'],
  lesson: ['lessons'],
};

export function backlogSize(db: Db): number {
  return (prepared(db, 'SELECT count(*) AS n FROM search_backlog').get() as { n: number }).n;
}

/** Indexes up to `limit` queued records in one transaction; returns the kinds it indexed. */
export function indexBacklog(db: Db, limit: number): Set<SearchDocKind> {
  const kinds = new Set<SearchDocKind>();
  db.transaction(() => {
    const queued = prepared(db, 'SELECT kind, ref_id FROM search_backlog LIMIT ?').all(limit) as { kind: SearchDocKind; ref_id: string }[];
    const done = prepared(db, 'DELETE FROM search_backlog WHERE kind = ? AND ref_id = ?');
    for (const { kind, ref_id } of queued) {
      indexRecord(db, kind, ref_id);
      done.run(kind, ref_id);
      kinds.add(kind);
    }
  }).immediate();
  return kinds;
}

export type BacklogIndexer = {
  /** Resolves once the backlog is empty (at once when it is). */
  idle(): Promise<void>;
  stop(): void;
};

/** Pages re-read their searches at most this often while the indexer works, and once when it is done. */
const ANNOUNCE_EVERY_MS = 1000;
/** How long the indexer waits for a transaction that is open across awaits (a pack import's) to end. */
const WAIT_FOR_TRANSACTION_MS = 50;

/**
 * Starts indexing whenever the backlog has records: now (what a stopped run left) and after any
 * commit that queued some.
 */
export function startBacklogIndexer(db: Db, log: (message: string, error?: unknown) => void): BacklogIndexer {
  let running = false;
  let stopped = false;
  let waiters: (() => void)[] = [];
  let indexed = new Set<SearchDocKind>();
  let announcedAt = 0;
  const announce = (): void => {
    if (indexed.size > 0 && db.open) announceIndexed(db, [...indexed].flatMap((kind) => TABLES_OF[kind]));
    indexed = new Set();
    announcedAt = Date.now();
  };
  const finish = (): void => {
    running = false;
    announce();
    for (const resolve of waiters) resolve();
    waiters = [];
  };
  const step = (): void => {
    if (stopped || !db.open) return finish();
    // A transaction held open across awaits (a pack import) is not joined: its rollback would undo this chunk too.
    if (db.inTransaction) {
      setTimeout(step, WAIT_FOR_TRANSACTION_MS).unref();
      return;
    }
    try {
      const kinds = indexBacklog(db, CHUNK);
      if (kinds.size === 0) return finish();
      for (const kind of kinds) indexed.add(kind);
      if (Date.now() - announcedAt >= ANNOUNCE_EVERY_MS) announce();
    } catch (error) {
      // A locked database or a full disk: the records stay queued; the next commit tries again.
      log('indexing records from sync failed; they stay queued', error);
      return finish();
    }
    setImmediate(step);
  };
  const kick = (): void => {
    if (running || stopped || !db.open) return;
    if (prepared(db, 'SELECT 1 FROM search_backlog LIMIT 1').get() === undefined) return;
    running = true;
    announcedAt = Date.now();
    setImmediate(step);
  };
  // Its own announcements (no row ids) queue nothing.
  const unsubscribe = onDataChanged(db, (change) => {
    if (change.ids.length > 0) kick();
  });
  kick();
  return {
    idle: () => (running ? new Promise<void>((resolve) => waiters.push(resolve)) : Promise.resolve()),
    stop: () => {
      stopped = true;
      unsubscribe();
    },
  };
}
