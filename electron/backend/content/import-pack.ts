import type { Db } from '../db/connection';
import { LANGS, type Localized } from '../../../core/i18n';
import { commit, insert, transact, upsert, type Change } from '../db/changes';
import type { LoadedArticle, LoadedPack } from './load-pack';
import type { PackRecordKind } from '../../../core/content/lists';
import { recordHeldBack, type HeldBackRecord } from '../repos/pack-update-repo';

export type ImportReport = {
  imported: boolean;
  packVersion: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Pack records not applied because the user changed or deleted them, or a user/sync record owns the id. */
  skippedUserModified: number;
  /** Of those, the ones newer than what this device has from the pack, newly recorded as held back (pack_updates). */
  heldBack: number;
};

/** The row stored under a pack record's id that decides what an import may do. */
type Stored = { version: number; origin: string; locally_modified: number; deleted: number };
type Outcome = 'add' | 'update' | 'unchanged' | 'skip';
type Step = {
  outcome: Outcome;
  changes: () => Change[];
  /** For a skipped record: the update held back, or null when the pack brings nothing newer than the device has from it. */
  held: () => HeldBackRecord | null;
};

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
 * articles that left the pack stay, as a device may rely on them. A newer pack version of a record
 * the user changed is held back instead: recorded with the pack's record in pack_updates, so the
 * user is told and can compare it and take it (templates: as a new version) or dismiss it.
 * Assessment definitions and POC templates are kept per version because sessions and proposals
 * record the version they were made from. One transaction through the write funnel (which also
 * indexes the articles): a failure leaves the database as it was.
 */
export function importPack(db: Db, pack: LoadedPack, now: Date): ImportReport {
  const report: ImportReport = { imported: false, packVersion: pack.manifest?.version ?? 0, added: 0, updated: 0, unchanged: 0, skippedUserModified: 0, heldBack: 0 };
  const manifest = pack.manifest;
  if (!manifest) return report;
  const at = now.toISOString();

  report.imported = transact(db, (): boolean => {
    const stored = db.prepare('SELECT version FROM content_packs WHERE id = ?').get(manifest.id) as { version: number } | undefined;
    const newerPack = stored === undefined || stored.version < manifest.version;
    const steps = [...scenarioSteps(db, pack), ...articleSteps(db, pack), ...definitionSteps(db, pack, at), ...checklistSteps(db, pack), ...templateSteps(db, pack), ...glossarySteps(db, pack)];
    const changes = steps.some((s) => s.outcome === 'add' || s.outcome === 'update');
    // What the user's changes keep out is recorded even when nothing else is imported (a file
    // raised without the pack version), so an update never goes missing without a word.
    const held = steps.flatMap((s) => (s.outcome === 'skip' ? [s.held()] : [])).filter((h) => h !== null);
    report.heldBack = recordHeldBack(db, manifest.id, held, at);
    if (!newerPack && !changes) return false;

    const writes: Change[] = [];
    for (const step of steps) {
      if (step.outcome === 'add') report.added++;
      else if (step.outcome === 'update') report.updated++;
      else if (step.outcome === 'unchanged') report.unchanged++;
      else report.skippedUserModified++;
      if (step.outcome === 'add' || step.outcome === 'update') writes.push(...step.changes());
    }
    commit(db, writes);
    // Which pack this device holds is local bookkeeping, not a record: it never syncs.
    db.prepare(
      `INSERT INTO content_packs (id, version, imported_at, problems) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET version = max(version, excluded.version), imported_at = excluded.imported_at, problems = excluded.problems`,
    ).run(manifest.id, manifest.version, at, JSON.stringify(pack.problems));
    return true;
  });
  return report;
}

/**
 * A skipped record of a one-row-per-id table is held back when the pack's version is newer than the
 * stored row's: an edited or deleted pack row came from an older pack, and a user or sync row of
 * the same or a higher version already has what the pack brings.
 */
function heldSingle(kind: PackRecordKind, id: string, version: number, title: Localized, record: unknown, stored: Stored | undefined): HeldBackRecord | null {
  if (!stored || version <= stored.version) return null;
  const reason = stored.origin !== 'pack' ? 'owned' : stored.deleted !== 0 ? 'deleted' : 'edited';
  return { kind, id, packVersion: version, title, reason, record };
}

function scenarioSteps(db: Db, pack: LoadedPack): Step[] {
  const row = db.prepare('SELECT version, origin, locally_modified, deleted FROM scenarios WHERE id = ?');
  return pack.scenarios.map((s) => ({
    outcome: decide(row.get(s.id) as Stored | undefined, s.version),
    held: () => heldSingle('scenario', s.id, s.version, s.name, s, row.get(s.id) as Stored | undefined),
    changes: () => [
      upsert('scenarios', {
        id: s.id,
        version: s.version,
        name_en: s.name.en,
        name_zh: s.name.zh,
        summary_en: s.summary.en,
        summary_zh: s.summary.zh,
        industries: JSON.stringify(s.industries),
        typical_kpis: JSON.stringify(s.typicalKpis),
        assessment_id: s.assessment,
        origin: 'pack',
        locally_modified: 0,
      }),
    ],
  }));
}

function articleSteps(db: Db, pack: LoadedPack): Step[] {
  const row = db.prepare('SELECT version, origin, locally_modified, deleted FROM kb_articles WHERE id = ?');
  const changes = (a: LoadedArticle): Change[] => [
    upsert('kb_articles', {
      id: a.id,
      version: a.version,
      type: a.type,
      scenarios: JSON.stringify(a.scenarios),
      tags: JSON.stringify(a.tags),
      related: JSON.stringify(a.related),
      author: a.author,
      review_date: a.reviewDate ?? null,
      origin: 'pack',
      locally_modified: 0,
    }),
    ...LANGS.map((lang) =>
      upsert('kb_article_texts', { article_id: a.id, lang, title: a.title[lang], summary: a.summary[lang], body_json: a.body[lang].json, body_text: a.body[lang].text }),
    ),
  ];
  return pack.articles.map((a) => ({
    outcome: decide(row.get(a.id) as Stored | undefined, a.version),
    held: () => heldSingle('article', a.id, a.version, a.title, a, row.get(a.id) as Stored | undefined),
    changes: () => changes(a),
  }));
}

/**
 * For id+version tables: a row of another origin under the id wins (the pack leaves that id
 * alone); otherwise the newest pack version decides.
 */
const versionedRow = (table: 'assessment_definitions' | 'poc_templates', flags: string): string =>
  `SELECT version, origin, ${flags} FROM ${table} WHERE id = ? ORDER BY (origin <> 'pack') DESC, version DESC LIMIT 1`;

/** The newest version the importer stored under an id (rows of origin 'pack' are only ever its own). */
const newestFromPack = (table: 'assessment_definitions' | 'poc_templates'): string => `SELECT max(version) AS v FROM ${table} WHERE id = ? AND origin = 'pack'`;

/**
 * A skipped record of an id+version table (templates, definitions) is held back when the pack's
 * version is newer than every version the importer stored under the id: the user's own versions
 * are numbered on from the pack's and say nothing about what the pack has brought.
 */
function heldVersioned(
  kind: PackRecordKind,
  id: string,
  version: number,
  title: Localized,
  record: unknown,
  stored: Stored | undefined,
  fromPack: { v: number | null },
): HeldBackRecord | null {
  if (!stored || version <= (fromPack.v ?? 0)) return null;
  const reason = stored.origin === 'pack' ? 'deleted' : fromPack.v !== null ? 'edited' : 'owned';
  return { kind, id, packVersion: version, title, reason, record };
}

function definitionSteps(db: Db, pack: LoadedPack, at: string): Step[] {
  // Definitions are never edited locally: a change is a new version.
  const row = db.prepare(versionedRow('assessment_definitions', '0 AS locally_modified, 0 AS deleted'));
  const fromPack = db.prepare(newestFromPack('assessment_definitions'));
  return pack.assessments.map((d) => ({
    outcome: decide(row.get(d.id) as Stored | undefined, d.version),
    held: () => heldVersioned('assessment', d.id, d.version, d.title, d, row.get(d.id) as Stored | undefined, fromPack.get(d.id) as { v: number | null }),
    changes: () => [
      insert('assessment_definitions', {
        id: d.id,
        version: d.version,
        scenario_id: d.scenario,
        title_en: d.title.en,
        title_zh: d.title.zh,
        definition: JSON.stringify(d),
        origin: 'pack',
        imported_at: at,
      }),
    ],
  }));
}

function checklistSteps(db: Db, pack: LoadedPack): Step[] {
  const row = db.prepare('SELECT version, origin, locally_modified, deleted FROM risk_checklists WHERE id = ?');
  return pack.checklists.map((c) => ({
    outcome: decide(row.get(c.id) as Stored | undefined, c.version),
    held: () => heldSingle('checklist', c.id, c.version, c.title, c, row.get(c.id) as Stored | undefined),
    changes: () => [
      upsert('risk_checklists', {
        id: c.id,
        version: c.version,
        title_en: c.title.en,
        title_zh: c.title.zh,
        scenarios: JSON.stringify(c.scenarios),
        checklist: JSON.stringify(c),
        origin: 'pack',
        locally_modified: 0,
      }),
    ],
  }));
}

/**
 * Glossary entries carry the glossary file's version. Nothing on a device edits them yet, so a
 * skipped entry (changed by a publication) has no update to hold back.
 */
function glossarySteps(db: Db, pack: LoadedPack): Step[] {
  const glossary = pack.glossary;
  if (glossary === null) return [];
  const row = db.prepare('SELECT version, origin, locally_modified, deleted FROM glossary_entries WHERE id = ?');
  return glossary.entries.map((g) => ({
    outcome: decide(row.get(g.id) as Stored | undefined, glossary.version),
    held: () => null,
    changes: () => [
      upsert('glossary_entries', {
        id: g.id,
        version: glossary.version,
        terms_en: JSON.stringify(g.en),
        terms_zh: JSON.stringify(g.zh),
        abbreviations: JSON.stringify(g.abbr),
        origin: 'pack',
        locally_modified: 0,
      }),
    ],
  }));
}

function templateSteps(db: Db, pack: LoadedPack): Step[] {
  // A user who edited (or deleted) the newest template keeps it as the newest: no version is added above it.
  const row = db.prepare(versionedRow('poc_templates', 'locally_modified, deleted'));
  const fromPack = db.prepare(newestFromPack('poc_templates'));
  return pack.templates.map((t) => ({
    outcome: decide(row.get(t.id) as Stored | undefined, t.version),
    held: () => heldVersioned('template', t.id, t.version, t.title, t, row.get(t.id) as Stored | undefined, fromPack.get(t.id) as { v: number | null }),
    changes: () => [
      insert('poc_templates', {
        id: t.id,
        version: t.version,
        title_en: t.title.en,
        title_zh: t.title.zh,
        scenarios: JSON.stringify(t.scenarios),
        template: JSON.stringify(t),
        origin: 'pack',
        locally_modified: 0,
      }),
    ],
  }));
}
