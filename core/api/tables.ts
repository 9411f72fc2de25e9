/**
 * The tables whose rows are records (written only through the backend's write funnel,
 * electron/backend/db/changes.ts). `data.changed` names them, so the renderer's query cache can
 * tell which answers a change may affect. Content tables are the published knowledge space; the
 * rest is field work from a consultant's own space, and submissions live in review spaces
 * (core/sync/spaces.ts). Every one of them syncs.
 */
export const CONTENT_TABLES = ['scenarios', 'kb_articles', 'kb_article_texts', 'assessment_definitions', 'risk_checklists', 'poc_templates', 'glossary_entries'] as const;

export const FIELD_WORK_TABLES = [
  'customers',
  'customer_contacts',
  'engagements',
  'assessment_sessions',
  'assessment_answers',
  'assessment_answers_set_aside',
  'risk_items',
  'field_notes',
  'lessons',
  'proposals',
  'proposal_versions',
  'proposal_status_history',
  'attachments',
  'attachment_links',
] as const;

/** What consultants submit for review and knowledge managers act on (a user's review space). */
export const REVIEW_TABLES = ['submissions'] as const;

export const RECORD_TABLES = [...CONTENT_TABLES, ...FIELD_WORK_TABLES, ...REVIEW_TABLES] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];

export function isRecordTable(name: unknown): name is RecordTable {
  return typeof name === 'string' && (RECORD_TABLES as readonly string[]).includes(name);
}
