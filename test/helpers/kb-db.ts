import path from 'node:path';
import { openDatabase, type Db } from '../../electron/backend/db/connection';
import { migrate } from '../../electron/backend/db/migrate';
import { MIGRATIONS } from '../../electron/backend/db/migrations';
import { upsertSearchDoc } from '../../electron/backend/search/documents';
import type { KbArticleType } from '../../core/kb/types';
import { makeTempDir } from './temp-dir';

export type TestArticle = {
  id: string;
  type?: KbArticleType;
  scenarios?: string[];
  tags?: string[];
  reviewDate?: string | null;
  deleted?: boolean;
  en?: { title: string; body: string };
  zh?: { title: string; body: string };
};

/** A migrated database in a temp folder, for tests that need real SQLite. */
export async function makeTestDb(): Promise<{ db: Db; file: string; dir: string; cleanup: () => void }> {
  const t = makeTempDir();
  const file = path.join(t.dir, 'fieldbench.db');
  const db = openDatabase(file);
  await migrate(db, MIGRATIONS, { dataDir: path.dirname(file), appVersion: '0.0.0-test' });
  return {
    db,
    file,
    dir: t.dir,
    cleanup: () => {
      if (db.open) db.close();
      t.cleanup();
    },
  };
}

const EMPTY_LEXICAL = JSON.stringify({ root: { children: [], direction: null, format: '', indent: 0, type: 'root', version: 1 } });

/** Inserts articles directly (bypassing the content importer) and indexes them for search. */
export function insertArticles(db: Db, articles: TestArticle[]): void {
  const now = '2026-11-01T00:00:00.000Z';
  const insert = db.prepare(
    `INSERT INTO kb_articles (id, version, type, scenarios, tags, author, review_date, origin, created_at, updated_at, deleted)
     VALUES (?, 1, ?, ?, ?, 'Test', ?, 'pack', ?, ?, ?)`,
  );
  const text = db.prepare('INSERT INTO kb_article_texts (article_id, lang, title, summary, body_json, body_text) VALUES (?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const a of articles) {
      insert.run(a.id, a.type ?? 'method', JSON.stringify(a.scenarios ?? []), JSON.stringify(a.tags ?? []), a.reviewDate ?? null, now, now, a.deleted ? 1 : 0);
      for (const lang of ['en', 'zh'] as const) {
        const t = a[lang];
        if (!t) continue;
        text.run(a.id, lang, t.title, '', EMPTY_LEXICAL, t.body);
        upsertSearchDoc(db, { kind: 'kb', refId: a.id, lang, title: t.title, keys: a.tags?.join('\n') ?? '', body: t.body, facets: { type: a.type ?? 'method', scenarios: a.scenarios ?? [], tags: a.tags ?? [] } });
      }
    }
  })();
}
