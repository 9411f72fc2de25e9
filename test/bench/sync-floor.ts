import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SyncMessage } from '../../core/sync/protocol';
import { checkLexicalDocument } from '../../core/notes/lexical-document';
import { createBackend } from '../../electron/backend/backend';

/**
 * The least a device could do with a fresh pull of the knowledge base, for scale next to the real
 * figure: parse each answer, check each article's rich text (untrusted input), and insert the
 * two rows of each article with a log entry per message — in this process, with no server, no
 * network, no column timestamps, no history and no search queue. No sync can be faster than this
 * on the same machine.
 */
export async function pullFloor(count: number, messagesOf: (i: number) => SyncMessage[], contentDir: string): Promise<number> {
  const pages: string[] = [];
  let page: SyncMessage[] = [];
  for (let i = 0; i < count; i++) {
    page.push(...messagesOf(i));
    if (page.length >= 5000) {
      pages.push(JSON.stringify({ messages: page }));
      page = [];
    }
  }
  if (page.length > 0) pages.push(JSON.stringify({ messages: page }));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-bench-floor-'));
  const backend = await createBackend({ dataDir: dir, contentDir, host: 'web', appVersion: 'bench', log: () => {}, sync: { autoIntervalMs: 0 } });
  try {
    const db = backend.db;
    const article = db.prepare(
      "INSERT INTO kb_articles (id, version, type, scenarios, tags, related, author, review_date, created_at, deleted, origin, updated_at) VALUES (@id, @version, @type, @scenarios, @tags, @related, @author, @review_date, @created_at, @deleted, 'sync', @created_at)",
    );
    const text = db.prepare('INSERT INTO kb_article_texts (article_id, lang, title, summary, body_json, body_text) VALUES (@article_id, @lang, @title, @summary, @body_json, @body_text)');
    const log = db.prepare("INSERT INTO sync_log (timestamp, space, dataset, row, vals, state) VALUES (?, ?, ?, ?, 'null', 1)");
    const started = performance.now();
    for (const json of pages) {
      const { messages } = JSON.parse(json) as { messages: SyncMessage[] };
      for (const m of messages) {
        if (m.dataset === 'kb_article_texts' && checkLexicalDocument(String(m.values.body_json)).json === null) throw new Error(`${m.row}: not a rich-text document`);
      }
      db.transaction(() => {
        for (const m of messages) {
          log.run(m.timestamp, m.space, m.dataset, m.row);
          (m.dataset === 'kb_articles' ? article : text).run(m.values);
        }
      })();
    }
    return count / ((performance.now() - started) / 1000);
  } finally {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
