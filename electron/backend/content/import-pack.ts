import type { Db } from '../db/connection';
import { upsertSearchDoc } from '../search/documents';
import type { LoadedArticle, LoadedPack } from './load-pack';

export type ImportReport = {
  imported: boolean;
  packVersion: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Pack records not applied because the user changed or deleted them, or a user/sync record owns the id. */
  skippedUserModified: number;
};

/** The row stored under a pack record's id that decides what an import may do. */
type Stored = { version: number; origin: string; locally_modified: number; deleted: number };
type Outcome = 'add' | 'update' | 'unchanged' | 'skip';
type Step = { outcome: Outcome; write: () => void };

/**
 * What to do with one pack record. Only a pack row the user has neither changed nor deleted is
 * replaced, and only by a higher version; rows written by the user or received by sync are never
 * touched, even when a pack record has the same id.
 */
function decide(stored: Stored | undefined, version: number): Outcome {
  if (!stored) return 'add';
  if (stored.origin !== 'pack') return 'skip';
  if (stored.version >= version) return 'unchanged';
  if (stored.locally_modified !== 0 || stored.deleted !== 0) return 'skip';
  return 'update';
}

/**
 * Brings the bundled pack into the database: on first run, when pack.yaml's version is newer
 * than the one recorded, or when a file's version is newer than what is stored (an author who
 * forgot to raise the pack version). Never touches what users wrote or changed and never deletes:
 * articles that left the pack stay, as a device may rely on them. Assessment definitions and POC
 * templates are kept per version because sessions and proposals record the version they were
 * made from. One transaction: a failure leaves the database as it was.
 */
export function importPack(db: Db, pack: LoadedPack, now: Date): ImportReport {
  const report: ImportReport = { imported: false, packVersion: pack.manifest?.version ?? 0, added: 0, updated: 0, unchanged: 0, skippedUserModified: 0 };
  const manifest = pack.manifest;
  if (!manifest) return report;
  const at = now.toISOString();

  const run = db.transaction((): boolean => {
    const stored = db.prepare('SELECT version FROM content_packs WHERE id = ?').get(manifest.id) as { version: number } | undefined;
    const newerPack = stored === undefined || stored.version < manifest.version;
    const steps = [
      ...scenarioSteps(db, pack, at),
      ...articleSteps(db, pack, at),
      ...definitionSteps(db, pack, at),
      ...checklistSteps(db, pack, at),
      ...templateSteps(db, pack, at),
    ];
    const changes = steps.some((s) => s.outcome === 'add' || s.outcome === 'update');
    if (!newerPack && !changes) return false;

    for (const step of steps) {
      if (step.outcome === 'add') report.added++;
      else if (step.outcome === 'update') report.updated++;
      else if (step.outcome === 'unchanged') report.unchanged++;
      else report.skippedUserModified++;
      if (step.outcome === 'add' || step.outcome === 'update') step.write();
    }
    db.prepare(
      `INSERT INTO content_packs (id, version, imported_at, problems) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET version = max(version, excluded.version), imported_at = excluded.imported_at, problems = excluded.problems`,
    ).run(manifest.id, manifest.version, at, JSON.stringify(pack.problems));
    return true;
  });
  report.imported = run();
  return report;
}

function scenarioSteps(db: Db, pack: LoadedPack, at: string): Step[] {
  const row = db.prepare('SELECT version, origin, locally_modified, deleted FROM scenarios WHERE id = ?');
  const upsert = db.prepare(
    `INSERT INTO scenarios (id, version, name_en, name_zh, summary_en, summary_zh, industries, typical_kpis, assessment_id, origin, updated_at)
     VALUES (@id, @version, @name_en, @name_zh, @summary_en, @summary_zh, @industries, @typical_kpis, @assessment_id, 'pack', @at)
     ON CONFLICT (id) DO UPDATE SET version = excluded.version, name_en = excluded.name_en, name_zh = excluded.name_zh,
       summary_en = excluded.summary_en, summary_zh = excluded.summary_zh, industries = excluded.industries,
       typical_kpis = excluded.typical_kpis, assessment_id = excluded.assessment_id, updated_at = excluded.updated_at`,
  );
  return pack.scenarios.map((s) => ({
    outcome: decide(row.get(s.id) as Stored | undefined, s.version),
    write: () =>
      upsert.run({
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
      }),
  }));
}

function articleSteps(db: Db, pack: LoadedPack, at: string): Step[] {
  const row = db.prepare('SELECT version, origin, locally_modified, deleted FROM kb_articles WHERE id = ?');
  const upsert = db.prepare(
    `INSERT INTO kb_articles (id, version, type, scenarios, tags, related, author, review_date, origin, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pack', ?, ?)
     ON CONFLICT (id) DO UPDATE SET version = excluded.version, type = excluded.type, scenarios = excluded.scenarios,
       tags = excluded.tags, related = excluded.related, author = excluded.author, review_date = excluded.review_date,
       updated_at = excluded.updated_at`,
  );
  const upsertText = db.prepare(
    `INSERT INTO kb_article_texts (article_id, lang, title, summary, body_json, body_text) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (article_id, lang) DO UPDATE SET title = excluded.title, summary = excluded.summary,
       body_json = excluded.body_json, body_text = excluded.body_text`,
  );
  const write = (a: LoadedArticle): void => {
    upsert.run(a.id, a.version, a.type, JSON.stringify(a.scenarios), JSON.stringify(a.tags), JSON.stringify(a.related), a.author, a.reviewDate ?? null, at, at);
    for (const lang of ['en', 'zh'] as const) {
      const body = a.body[lang];
      upsertText.run(a.id, lang, a.title[lang], a.summary[lang], body.json, body.text);
      // The title is its own column (ranked higher, shown as the hit's title); summary and body are searched as the body.
      upsertSearchDoc(db, { kind: 'kb', refId: a.id, lang, title: a.title[lang], body: `${a.summary[lang]}\n${body.text}` });
    }
  };
  return pack.articles.map((a) => ({ outcome: decide(row.get(a.id) as Stored | undefined, a.version), write: () => write(a) }));
}

/**
 * For id+version tables: a row of another origin under the id wins (the pack leaves that id
 * alone); otherwise the newest pack version decides.
 */
const versionedRow = (table: 'assessment_definitions' | 'poc_templates', flags: string): string =>
  `SELECT version, origin, ${flags} FROM ${table} WHERE id = ? ORDER BY (origin <> 'pack') DESC, version DESC LIMIT 1`;

function definitionSteps(db: Db, pack: LoadedPack, at: string): Step[] {
  // Definitions are never edited locally: a change is a new version.
  const row = db.prepare(versionedRow('assessment_definitions', '0 AS locally_modified, 0 AS deleted'));
  const insert = db.prepare(
    `INSERT INTO assessment_definitions (id, version, scenario_id, title_en, title_zh, definition, origin, imported_at)
     VALUES (?, ?, ?, ?, ?, ?, 'pack', ?)`,
  );
  return pack.assessments.map((d) => ({
    outcome: decide(row.get(d.id) as Stored | undefined, d.version),
    write: () => insert.run(d.id, d.version, d.scenario, d.title.en, d.title.zh, JSON.stringify(d), at),
  }));
}

function checklistSteps(db: Db, pack: LoadedPack, at: string): Step[] {
  const row = db.prepare('SELECT version, origin, locally_modified, deleted FROM risk_checklists WHERE id = ?');
  const upsert = db.prepare(
    `INSERT INTO risk_checklists (id, version, title_en, title_zh, scenarios, checklist, origin, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'pack', ?)
     ON CONFLICT (id) DO UPDATE SET version = excluded.version, title_en = excluded.title_en, title_zh = excluded.title_zh,
       scenarios = excluded.scenarios, checklist = excluded.checklist, updated_at = excluded.updated_at`,
  );
  return pack.checklists.map((c) => ({
    outcome: decide(row.get(c.id) as Stored | undefined, c.version),
    write: () => upsert.run(c.id, c.version, c.title.en, c.title.zh, JSON.stringify(c.scenarios), JSON.stringify(c), at),
  }));
}

function templateSteps(db: Db, pack: LoadedPack, at: string): Step[] {
  // A user who edited (or deleted) the newest template keeps it as the newest: no version is added above it.
  const row = db.prepare(versionedRow('poc_templates', 'locally_modified, deleted'));
  const insert = db.prepare(
    `INSERT INTO poc_templates (id, version, title_en, title_zh, scenarios, template, origin, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'pack', ?)`,
  );
  return pack.templates.map((t) => ({
    outcome: decide(row.get(t.id) as Stored | undefined, t.version),
    write: () => insert.run(t.id, t.version, t.title.en, t.title.zh, JSON.stringify(t.scenarios), JSON.stringify(t), at),
  }));
}
