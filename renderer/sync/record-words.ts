import type { Translate } from '../i18n/i18n';

/**
 * Synced records and their fields as the sync screens name them (conflicts, the history): in the
 * words of the app's forms and the user's language, never as table and column names.
 */
const KINDS = [
  'scenarios', 'kb_articles', 'kb_article_texts', 'assessment_definitions', 'risk_checklists', 'poc_templates', 'glossary_entries',
  'customers', 'customer_contacts', 'engagements', 'assessment_sessions', 'assessment_answers', 'risk_items', 'field_notes', 'lessons', 'proposals', 'proposal_versions', 'attachment_links', 'submissions',
] as const;
const FIELDS = [
  'title', 'name', 'kind', 'industry', 'region', 'notes', 'role', 'email', 'phone', 'stage', 'scenarios', 'team', 'start_date', 'end_date', 'time_zone',
  'status', 'signoff', 'value', 'note', 'description', 'category', 'likelihood', 'impact', 'owner', 'due_date', 'mitigation', 'articles', 'body_json', 'tags',
  'context', 'problem', 'action', 'result', 'recommendation', 'status_reason', 'pricing', 'timeline', 'caption', 'review_note', 'deleted',
] as const;

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** A record by its kind and name ("Note “Roof survey”"); by its name alone when it is of a kind this version has no word for. */
export function recordName(t: Translate, dataset: string, label: string): string {
  return isOneOf(KINDS, dataset) ? t('sync.recordName', { kind: t(`sync.kind.${dataset}`), label }) : label;
}

/** A field by its name in the forms; a column this version has no word for (a newer app's) by its own name, due_date as due date. */
export function fieldName(t: Translate, column: string): string {
  return isOneOf(FIELDS, column) ? t(`sync.field.${column}`) : column.replace(/_json$/, '').replace(/_/g, ' ');
}
