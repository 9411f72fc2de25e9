import type { Lang, Localized } from '../../../core/i18n';
import { isOverdue, riskScore } from '../../../core/risks/rules';
import type {
  Checklist,
  ChecklistItem,
  ChecklistSummary,
  RiskArticleRef,
  RiskCategory,
  RiskItem,
  RiskSource,
  RiskStatus,
} from '../../../core/risks/types';
import type { ChecklistFile } from '../../../core/content/schemas';
import type { Db } from '../db/connection';
import { commit, insert, remove, transact, update } from '../db/changes';
import { newId } from './ids';
import { stringArray } from './json';

/** Risk checklists (reads) and the risk register. The only place with SQL about risks. */

// ---------------------------------------------------------------------------------------------
// Checklists

type ChecklistRow = { id: string; version: number; title_en: string; title_zh: string; scenarios: string; checklist: string };

function parseChecklist(row: ChecklistRow): Checklist {
  // The importer stores the validated pack file whole; its items carry everything a risk copies.
  const file = JSON.parse(row.checklist) as ChecklistFile;
  const items: ChecklistItem[] = file.items.map((item) => ({
    id: item.id,
    title: item.title,
    description: item.description,
    category: item.category,
    likelihood: item.likelihood,
    impact: item.impact,
    mitigation: item.mitigation,
    articles: item.articles,
  }));
  return {
    id: row.id,
    version: row.version,
    title: { en: row.title_en, zh: row.title_zh },
    description: file.description,
    scenarios: stringArray(row.scenarios),
    itemCount: items.length,
    items,
  };
}

const CHECKLIST_SELECT = 'SELECT id, version, title_en, title_zh, scenarios, checklist FROM risk_checklists WHERE deleted = 0';

/** Checklists meant for the scenario (or for every scenario), by English title. */
export function listChecklists(db: Db, scenario: string | undefined): ChecklistSummary[] {
  const rows = db.prepare(`${CHECKLIST_SELECT} ORDER BY title_en, id`).all() as ChecklistRow[];
  return rows
    .map(parseChecklist)
    .filter((c) => scenario === undefined || c.scenarios.length === 0 || c.scenarios.includes(scenario))
    .map(({ items: _items, ...summary }) => summary);
}

export function getChecklist(db: Db, id: string): Checklist | null {
  const row = db.prepare(`${CHECKLIST_SELECT} AND id = ?`).get(id) as ChecklistRow | undefined;
  return row ? parseChecklist(row) : null;
}

// ---------------------------------------------------------------------------------------------
// Lookups used for validation

export function engagementExists(db: Db, engagementId: string): boolean {
  return db.prepare('SELECT 1 FROM engagements WHERE id = ? AND deleted = 0').get(engagementId) !== undefined;
}

export function sessionBelongsTo(db: Db, sessionId: string, engagementId: string): boolean {
  return (
    db.prepare('SELECT 1 FROM assessment_sessions WHERE id = ? AND engagement_id = ? AND deleted = 0').get(sessionId, engagementId) !==
    undefined
  );
}

/** The ids among `ids` that are not knowledge-base articles on this device. */
export function unknownArticles(db: Db, ids: readonly string[]): string[] {
  const known = db.prepare('SELECT 1 FROM kb_articles WHERE id = ? AND deleted = 0');
  return ids.filter((articleId) => known.get(articleId) === undefined);
}

// ---------------------------------------------------------------------------------------------
// The register

type RiskRow = {
  id: string;
  engagement_id: string;
  engagement_title: string;
  customer_name: string;
  checklist_id: string | null;
  checklist_item_id: string | null;
  source: RiskSource;
  session_id: string | null;
  recommendation_reason: string;
  lang: Lang | null;
  title: string;
  description: string;
  category: RiskCategory;
  likelihood: number;
  impact: number;
  owner: string;
  due_date: string | null;
  status: RiskStatus;
  mitigation: string;
  articles: string;
  created_at: string;
  updated_at: string;
};

const RISK_SELECT = `
  SELECT r.id, r.engagement_id, e.title AS engagement_title, c.name AS customer_name, r.checklist_id, r.checklist_item_id,
    r.source, r.session_id, r.recommendation_reason, r.lang, r.title, r.description, r.category, r.likelihood, r.impact,
    r.owner, r.due_date, r.status, r.mitigation, r.articles, r.created_at, r.updated_at
  FROM risk_items r
  JOIN engagements e ON e.id = r.engagement_id
  JOIN customers c ON c.id = e.customer_id
  WHERE r.deleted = 0 AND e.deleted = 0`;

/** Titles of the articles the given risks link to, fetched once for the whole list. */
function articleTitles(db: Db, rows: readonly RiskRow[]): Map<string, Localized> {
  const ids = [...new Set(rows.flatMap((row) => stringArray(row.articles)))];
  const titles = new Map<string, Localized>();
  if (ids.length === 0) return titles;
  const select = db.prepare(
    `SELECT a.id, COALESCE(en.title, '') AS en, COALESCE(zh.title, '') AS zh FROM kb_articles a
     LEFT JOIN kb_article_texts en ON en.article_id = a.id AND en.lang = 'en'
     LEFT JOIN kb_article_texts zh ON zh.article_id = a.id AND zh.lang = 'zh'
     WHERE a.id = ? AND a.deleted = 0`,
  );
  for (const articleId of ids) {
    const row = select.get(articleId) as { id: string; en: string; zh: string } | undefined;
    if (row) titles.set(row.id, { en: row.en, zh: row.zh });
  }
  return titles;
}

function toRisk(row: RiskRow, titles: Map<string, Localized>, today: string): RiskItem {
  const articles = stringArray(row.articles);
  const articleRefs: RiskArticleRef[] = articles.map((articleId) => ({ id: articleId, title: titles.get(articleId) ?? null }));
  return {
    id: row.id,
    engagementId: row.engagement_id,
    engagementTitle: row.engagement_title,
    customerName: row.customer_name,
    checklistId: row.checklist_id,
    checklistItemId: row.checklist_item_id,
    source: row.source,
    sessionId: row.session_id,
    recommendationReason: row.recommendation_reason,
    lang: row.lang,
    title: row.title,
    description: row.description,
    category: row.category,
    likelihood: row.likelihood,
    impact: row.impact,
    score: riskScore(row.likelihood, row.impact),
    owner: row.owner,
    dueDate: row.due_date,
    status: row.status,
    mitigation: row.mitigation,
    articles,
    articleRefs,
    overdue: isOverdue({ dueDate: row.due_date, status: row.status }, today),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRisks(db: Db, rows: readonly RiskRow[], today: string): RiskItem[] {
  const titles = articleTitles(db, rows);
  return rows.map((row) => toRisk(row, titles, today));
}

export type RiskFilter = {
  engagementId?: string | undefined;
  status?: RiskStatus | undefined;
  category?: RiskCategory | undefined;
  overdue?: boolean | undefined;
  owner?: string | undefined;
  query?: string | undefined;
};

/** LIKE pattern matching `text` anywhere, with the wildcards in it taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The register filtered; highest score first, then earliest due date (none last). */
export function listRisks(db: Db, filter: RiskFilter, today: string): RiskItem[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.engagementId !== undefined) {
    where.push('r.engagement_id = ?');
    params.push(filter.engagementId);
  }
  if (filter.status !== undefined) {
    where.push('r.status = ?');
    params.push(filter.status);
  }
  if (filter.category !== undefined) {
    where.push('r.category = ?');
    params.push(filter.category);
  }
  if (filter.overdue !== undefined) {
    const overdue = `(r.due_date IS NOT NULL AND r.due_date < ? AND r.status IN ('open', 'mitigating'))`;
    where.push(filter.overdue ? overdue : `NOT ${overdue}`);
    params.push(today);
  }
  const owner = filter.owner?.trim() ?? '';
  if (owner !== '') {
    where.push(`r.owner LIKE ? ESCAPE '\\'`);
    params.push(containsPattern(owner));
  }
  const query = filter.query?.trim() ?? '';
  if (query !== '') {
    where.push(`(r.title LIKE ? ESCAPE '\\' OR r.description LIKE ? ESCAPE '\\' OR r.mitigation LIKE ? ESCAPE '\\' OR r.owner LIKE ? ESCAPE '\\')`);
    const pattern = containsPattern(query);
    params.push(pattern, pattern, pattern, pattern);
  }
  const sql = `${RISK_SELECT}${where.map((w) => ` AND ${w}`).join('')}
    ORDER BY r.likelihood * r.impact DESC, r.due_date IS NULL, r.due_date, r.created_at, r.id`;
  return toRisks(db, db.prepare(sql).all(...params) as RiskRow[], today);
}

export function getRisk(db: Db, id: string, today: string): RiskItem | null {
  const row = db.prepare(`${RISK_SELECT} AND r.id = ?`).get(id) as RiskRow | undefined;
  return row ? toRisks(db, [row], today)[0] ?? null : null;
}

/** Whether the engagement's register already holds this checklist item (not removed). */
export function hasChecklistItem(db: Db, engagementId: string, checklistId: string, itemId: string): boolean {
  return (
    db
      .prepare('SELECT 1 FROM risk_items WHERE engagement_id = ? AND checklist_id = ? AND checklist_item_id = ? AND deleted = 0')
      .get(engagementId, checklistId, itemId) !== undefined
  );
}

/** What a new risk is made of: the record minus what the store computes (id, score, overdue, titles, times). */
export type NewRisk = Omit<RiskItem, 'id' | 'engagementTitle' | 'customerName' | 'score' | 'articleRefs' | 'overdue' | 'createdAt' | 'updatedAt'>;

/** Inserts risks in one transaction; returns their ids in order. */
export function insertRisks(db: Db, risks: readonly NewRisk[]): string[] {
  const ids = risks.map(() => newId());
  commit(
    db,
    risks.map((r, i) =>
      insert('risk_items', {
        id: ids[i] ?? newId(),
        engagement_id: r.engagementId,
        checklist_id: r.checklistId,
        checklist_item_id: r.checklistItemId,
        source: r.source,
        session_id: r.sessionId,
        recommendation_reason: r.recommendationReason,
        lang: r.lang,
        title: r.title,
        description: r.description,
        category: r.category,
        likelihood: r.likelihood,
        impact: r.impact,
        owner: r.owner,
        due_date: r.dueDate,
        status: r.status,
        mitigation: r.mitigation,
        articles: JSON.stringify(r.articles),
      }),
    ),
  );
  return ids;
}

export type RiskChanges = {
  title?: string | undefined;
  description?: string | undefined;
  category?: RiskCategory | undefined;
  likelihood?: number | undefined;
  impact?: number | undefined;
  owner?: string | undefined;
  dueDate?: string | null | undefined;
  status?: RiskStatus | undefined;
  mitigation?: string | undefined;
  articles?: string[] | undefined;
};

/** Applies the given changes to a live risk (the caller checked it exists). */
export function updateRisk(db: Db, id: string, changes: RiskChanges): void {
  commit(db, [
    update(
      'risk_items',
      { id },
      {
        title: changes.title,
        description: changes.description,
        category: changes.category,
        likelihood: changes.likelihood,
        impact: changes.impact,
        owner: changes.owner,
        due_date: changes.dueDate,
        status: changes.status,
        mitigation: changes.mitigation,
        articles: changes.articles === undefined ? undefined : JSON.stringify(changes.articles),
      },
      { deleted: 0 },
    ),
  ]);
}

/** Tombstones a risk; false when it was not there (or already removed). */
export function removeRisk(db: Db, id: string): boolean {
  return transact(db, () => {
    const live = db.prepare('SELECT 1 FROM risk_items WHERE id = ? AND deleted = 0').get(id) !== undefined;
    return live && (commit(db, [remove('risk_items', { id })])[0]?.changed ?? false);
  });
}
