import type { TemplateSummary } from '../../../core/api/calls/templates';
import type { Db } from '../db/connection';
import { stringArray } from './json';

/** POC templates (read). */

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
