import type { ApiMessage } from '../api/message';
import type { Lang, Localized } from '../i18n';
import { RISK_CATEGORIES } from '../content/lists';

/** Risk checklists (reference content) and the risk register (the consultant's own records). */

export { RISK_CATEGORIES };
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

export const RISK_STATUSES = ['open', 'mitigating', 'mitigated', 'accepted'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/** Statuses in which a risk still needs work; only these can be overdue. */
export const ACTIVE_RISK_STATUSES: readonly RiskStatus[] = ['open', 'mitigating'];

export const RISK_SOURCES = ['manual', 'checklist', 'assessment'] as const;
export type RiskSource = (typeof RISK_SOURCES)[number];

/** Likelihood and impact are rated 1 (lowest) to 5 (highest). */
export const RISK_LEVELS = [1, 2, 3, 4, 5] as const;

export type ChecklistSummary = {
  id: string;
  version: number;
  title: Localized;
  description: Localized;
  /** Scenario ids the checklist is meant for; empty means every scenario. */
  scenarios: string[];
  itemCount: number;
};

export type ChecklistItem = {
  id: string;
  title: Localized;
  description: Localized;
  category: RiskCategory;
  likelihood: number;
  impact: number;
  mitigation: Localized;
  /** Knowledge-base article ids that help mitigate the risk. */
  articles: string[];
};

export type Checklist = ChecklistSummary & { items: ChecklistItem[] };

/** A knowledge-base article a mitigation links to; title is null when the article is not on this device. */
export type RiskArticleRef = { id: string; title: Localized | null };

export type RiskItem = {
  id: string;
  engagementId: string;
  engagementTitle: string;
  customerName: string;
  checklistId: string | null;
  checklistItemId: string | null;
  source: RiskSource;
  /** The assessment session that recommended the risk (source 'assessment'). */
  sessionId: string | null;
  /** Why the assessment recommended it, as shown to the consultant when it was added. */
  recommendationReason: string;
  /** The language the checklist texts were copied in; null for risks written by hand. */
  lang: Lang | null;
  title: string;
  description: string;
  category: RiskCategory;
  likelihood: number;
  impact: number;
  /** likelihood × impact, 1–25. */
  score: number;
  owner: string;
  /** YYYY-MM-DD, or null when no due date is set. */
  dueDate: string | null;
  status: RiskStatus;
  mitigation: string;
  articles: string[];
  /** The same articles with their titles, for showing links. */
  articleRefs: RiskArticleRef[];
  /** Due before today and still open or mitigating. */
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
};

export type RiskSkipReason = 'already-in-register' | 'listed-twice' | 'unknown-checklist' | 'unknown-item';

export type AddFromChecklistResult = {
  added: RiskItem[];
  skipped: { checklistId: string; itemId: string; reason: RiskSkipReason; message: ApiMessage }[];
};
