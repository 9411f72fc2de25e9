import type { TemplateDetail, TemplateSummary } from '../../../core/api/calls/templates';
import type { TemplateFile } from '../../../core/content/schemas';
import type { Origin } from '../../../core/kb/types';
import type { Db } from '../db/connection';
import { commit, insert } from '../db/changes';
import { stringArray } from './json';

/** POC templates: read, and new versions written in the app (a version is never overwritten). */

type Row = { id: string; version: number; title_en: string; title_zh: string; scenarios: string };

export function listTemplates(db: Db, scenario?: string): TemplateSummary[] {
  const rows = db
    .prepare(
      `SELECT t.id, t.version, t.title_en, t.title_zh, t.scenarios FROM poc_templates t
       WHERE t.deleted = 0 AND t.version = (SELECT max(version) FROM poc_templates WHERE id = t.id AND deleted = 0)
         AND (@scenario IS NULL OR EXISTS (SELECT 1 FROM json_each(t.scenarios) WHERE value = @scenario))
       ORDER BY t.title_en, t.id`,
    )
    .all({ scenario: scenario ?? null }) as Row[];
  return rows.map((r) => ({ id: r.id, version: r.version, title: { en: r.title_en, zh: r.title_zh }, scenarios: stringArray(r.scenarios) }));
}

type VersionRow = { version: number; origin: Origin; updated_at: string; template: string; published: number };

/** One version of a template (the newest live one when no version is given) with all its live versions, newest first. */
export function getTemplate(db: Db, id: string, version?: number): TemplateDetail | null {
  const rows = db
    .prepare(
      `SELECT t.version, t.origin, t.updated_at, t.template, coalesce(s.space = 'published', 0) AS published
       FROM poc_templates t LEFT JOIN sync_rows s ON s.dataset = 'poc_templates' AND s.row = t.id || '/' || t.version
       WHERE t.id = ? AND t.deleted = 0 ORDER BY t.version DESC`,
    )
    .all(id) as VersionRow[];
  const row = version === undefined ? rows[0] : rows.find((r) => r.version === version);
  if (!row) return null;
  return {
    id,
    version: row.version,
    origin: row.origin,
    updatedAt: row.updated_at,
    // The importer and templates.save stored it after validating it against the content schema.
    template: JSON.parse(row.template) as TemplateFile,
    versions: rows.map((r) => ({ version: r.version, origin: r.origin, updatedAt: r.updated_at, published: r.published === 1 })),
  };
}

/** The highest version stored under an id, deleted ones included (a new version never reuses a number). */
export function highestTemplateVersion(db: Db, id: string): number | null {
  const row = db.prepare('SELECT max(version) AS v FROM poc_templates WHERE id = ?').get(id) as { v: number | null };
  return row.v;
}

/** Stores a new version written in the app; the caller chose a version number not used before. */
export function insertUserTemplate(db: Db, template: TemplateFile): void {
  commit(db, [
    insert('poc_templates', {
      id: template.id,
      version: template.version,
      title_en: template.title.en,
      title_zh: template.title.zh,
      scenarios: JSON.stringify(template.scenarios),
      template: JSON.stringify(template),
      origin: 'user',
      locally_modified: 1,
    }),
  ]);
}
