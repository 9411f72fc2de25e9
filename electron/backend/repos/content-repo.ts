import type { ContentProblem, ContentStatus } from '../../../core/api/contract';
import type { Db } from '../db/connection';
import { listHeldBack } from './pack-update-repo';

export function contentStatus(db: Db): ContentStatus {
  const pack = db.prepare('SELECT id, version, imported_at, problems FROM content_packs ORDER BY imported_at DESC LIMIT 1').get() as
    | { id: string; version: number; imported_at: string; problems: string }
    | undefined;
  const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
  return {
    packId: pack?.id ?? null,
    packVersion: pack?.version ?? null,
    importedAt: pack?.imported_at ?? null,
    counts: {
      scenarios: count('SELECT count(*) AS n FROM scenarios WHERE deleted = 0'),
      articles: count('SELECT count(*) AS n FROM kb_articles WHERE deleted = 0'),
      assessments: count('SELECT count(DISTINCT id) AS n FROM assessment_definitions'),
      checklists: count('SELECT count(*) AS n FROM risk_checklists WHERE deleted = 0'),
      templates: count('SELECT count(DISTINCT id) AS n FROM poc_templates WHERE deleted = 0'),
    },
    problems: pack ? (JSON.parse(pack.problems) as ContentProblem[]) : [],
    heldBack: listHeldBack(db),
  };
}
