import type { Scenario } from '../../../core/kb/types';
import type { Localized } from '../../../core/i18n';
import type { Db } from '../db/connection';
import { stringArray } from './json';

type ScenarioRow = {
  id: string;
  name_en: string;
  name_zh: string;
  summary_en: string;
  summary_zh: string;
  industries: string;
  typical_kpis: string;
  assessment_id: string | null;
  article_count: number;
};

function localizedList(text: string): Localized[] {
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value)) return [];
  return value.flatMap((v: unknown) => {
    if (typeof v !== 'object' || v === null) return [];
    const { en, zh } = v as Record<string, unknown>;
    return typeof en === 'string' && typeof zh === 'string' ? [{ en, zh }] : [];
  });
}

export function listScenarios(db: Db): Scenario[] {
  const rows = db
    .prepare(
      `SELECT s.*, (SELECT count(*) FROM kb_articles a WHERE a.deleted = 0 AND (a.scenarios = '[]'
          OR EXISTS (SELECT 1 FROM json_each(a.scenarios) WHERE value = s.id))) AS article_count
       FROM scenarios s WHERE s.deleted = 0 ORDER BY s.name_en`,
    )
    .all() as ScenarioRow[];
  return rows.map((r) => ({
    id: r.id,
    name: { en: r.name_en, zh: r.name_zh },
    summary: { en: r.summary_en, zh: r.summary_zh },
    industries: stringArray(r.industries),
    typicalKpis: localizedList(r.typical_kpis),
    assessmentId: r.assessment_id ?? '',
    articleCount: r.article_count,
  }));
}
