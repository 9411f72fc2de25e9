import type { Db } from '../db/connection';
import { upsertSearchDoc } from '../search/documents';
import type { LoadedArticle, LoadedPack } from './load-pack';

export type ImportReport = {
  imported: boolean;
  packVersion: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Pack records not applied because the user changed them, or a user/sync record owns the id. */
  skippedUserModified: number;
};

type Existing = { version: number; origin: string; locally_modified: number } | undefined;
type Outcome = 'add' | 'update' | 'unchanged' | 'skip';

/** What to do with one pack record given the row already stored under its id. */
function decide(existing: Existing, version: number): Outcome {
  if (!existing) return 'add';
  if (existing.origin !== 'pack') return 'skip';
  if (existing.version >= version) return 'unchanged';
  return existing.locally_modified === 1 ? 'skip' : 'update';
}

/**
 * Brings the bundled pack into the database. Runs when the pack's version is newer than the one
 * recorded (or on first run); never touches what users wrote or changed, never deletes. Versioned
 * definitions and templates keep their older versions because sessions and proposals refer to
 * the version they were made from. All in one transaction: a failure leaves the database as it was.
 */
export function importPack(db: Db, pack: LoadedPack, now: Date): ImportReport {
  const report: ImportReport = { imported: false, packVersion: pack.manifest?.version ?? 0, added: 0, updated: 0, unchanged: 0, skippedUserModified: 0 };
  const manifest = pack.manifest;
  if (!manifest) return report;
  const stored = db.prepare('SELECT version FROM content_packs WHERE id = ?').get(manifest.id) as { version: number } | undefined;
  if (stored && stored.version >= manifest.version) return report;

  const at = now.toISOString();
  const count = (o: Outcome): void => {
    if (o === 'add') report.added++;
    else if (o === 'update') report.updated++;
    else if (o === 'unchanged') report.unchanged++;
    else report.skippedUserModified++;
  };

  const run = db.transaction(() => {
    const scenarioRow = db.prepare('SELECT version, origin, locally_modified FROM scenarios WHERE id = ?');
    const upsertScenario = db.prepare(
      `INSERT INTO scenarios (id, version, name_en, name_zh, summary_en, summary_zh, industries, typical_kpis, assessment_id, origin, updated_at)
       VALUES (@id, @version, @name_en, @name_zh, @summary_en, @summary_zh, @industries, @typical_kpis, @assessment_id, 'pack', @at)
       ON CONFLICT (id) DO UPDATE SET version = excluded.version, name_en = excluded.name_en, name_zh = excluded.name_zh,
         summary_en = excluded.summary_en, summary_zh = excluded.summary_zh, industries = excluded.industries,
         typical_kpis = excluded.typical_kpis, assessment_id = excluded.assessment_id, updated_at = excluded.updated_at`,
    );
    for (const s of pack.scenarios) {
      const o = decide(scenarioRow.get(s.id) as Existing, s.version);
      count(o);
      if (o === 'add' || o === 'update')
        upsertScenario.run({
          id: s.id,
          version: s.version,
          name_en: s.name.en,
          name_zh: s.name.zh,
          summary_en: s.summary.en,
          summary_zh: s.summary.zh,
          industries: JSON.stringify(s.industries),
          typical_kpis: JSON.stringify(s.typicalKpis),
          assessment_id: s.assessment,
          at,
        });
    }

    const articleRow = db.prepare('SELECT version, origin, locally_modified FROM kb_articles WHERE id = ?');
    for (const a of pack.articles) {
      const o = decide(articleRow.get(a.id) as Existing, a.version);
      count(o);
      if (o === 'add' || o === 'update') writeArticle(db, a, at);
    }

    const versionedRow = (table: 'assessment_definitions' | 'poc_templates') =>
      db.prepare(`SELECT max(version) AS version, max(origin <> 'pack') AS foreign_origin FROM ${table} WHERE id = ?`);
    const definitionRow = versionedRow('assessment_definitions');
    const insertDefinition = db.prepare(
      `INSERT OR IGNORE INTO assessment_definitions (id, version, scenario_id, title_en, title_zh, definition, origin, imported_at)
       VALUES (?, ?, ?, ?, ?, ?, 'pack', ?)`,
    );
    for (const d of pack.assessments) {
      const row = definitionRow.get(d.id) as { version: number | null; foreign_origin: number | null };
      if (row.foreign_origin === 1) count('skip');
      else if (row.version !== null && row.version >= d.version) count('unchanged');
      else {
        count(row.version === null ? 'add' : 'update');
        insertDefinition.run(d.id, d.version, d.scenario, d.title.en, d.title.zh, JSON.stringify(d), at);
      }
    }

    const checklistRow = db.prepare('SELECT version, origin, locally_modified FROM risk_checklists WHERE id = ?');
    const upsertChecklist = db.prepare(
      `INSERT INTO risk_checklists (id, version, title_en, title_zh, scenarios, checklist, origin, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'pack', ?)
       ON CONFLICT (id) DO UPDATE SET version = excluded.version, title_en = excluded.title_en, title_zh = excluded.title_zh,
         scenarios = excluded.scenarios, checklist = excluded.checklist, updated_at = excluded.updated_at`,
    );
    for (const c of pack.checklists) {
      const o = decide(checklistRow.get(c.id) as Existing, c.version);
      count(o);
      if (o === 'add' || o === 'update') upsertChecklist.run(c.id, c.version, c.title.en, c.title.zh, JSON.stringify(c.scenarios), JSON.stringify(c), at);
    }

    const templateRow = versionedRow('poc_templates');
    const insertTemplate = db.prepare(
      `INSERT OR IGNORE INTO poc_templates (id, version, title_en, title_zh, scenarios, template, origin, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'pack', ?)`,
    );
    for (const t of pack.templates) {
      const row = templateRow.get(t.id) as { version: number | null; foreign_origin: number | null };
      if (row.foreign_origin === 1) count('skip');
      else if (row.version !== null && row.version >= t.version) count('unchanged');
      else {
        count(row.version === null ? 'add' : 'update');
        insertTemplate.run(t.id, t.version, t.title.en, t.title.zh, JSON.stringify(t.scenarios), JSON.stringify(t), at);
      }
    }

    db.prepare(
      `INSERT INTO content_packs (id, version, imported_at, problems) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET version = excluded.version, imported_at = excluded.imported_at, problems = excluded.problems`,
    ).run(manifest.id, manifest.version, at, JSON.stringify(pack.problems));
  });
  run();
  report.imported = true;
  return report;
}

function writeArticle(db: Db, a: LoadedArticle, at: string): void {
  db.prepare(
    `INSERT INTO kb_articles (id, version, type, scenarios, tags, related, author, review_date, origin, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pack', ?, ?)
     ON CONFLICT (id) DO UPDATE SET version = excluded.version, type = excluded.type, scenarios = excluded.scenarios,
       tags = excluded.tags, related = excluded.related, author = excluded.author, review_date = excluded.review_date,
       updated_at = excluded.updated_at`,
  ).run(a.id, a.version, a.type, JSON.stringify(a.scenarios), JSON.stringify(a.tags), JSON.stringify(a.related), a.author, a.reviewDate ?? null, at, at);
  const text = db.prepare(
    `INSERT INTO kb_article_texts (article_id, lang, title, summary, body_json, body_text) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (article_id, lang) DO UPDATE SET title = excluded.title, summary = excluded.summary,
       body_json = excluded.body_json, body_text = excluded.body_text`,
  );
  for (const lang of ['en', 'zh'] as const) {
    const body = a.body[lang];
    text.run(a.id, lang, a.title[lang], a.summary[lang], body.json, body.text);
    upsertSearchDoc(db, { kind: 'kb', refId: a.id, lang, title: a.title[lang], body: `${a.summary[lang]}\n${body.text}` });
  }
}
