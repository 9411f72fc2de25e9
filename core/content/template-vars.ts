/**
 * The variables a POC template body may use (`{{name}}`, see resources/content/FORMAT.md).
 * Shared by the content checks (a typo in a template is reported when the pack loads) and by
 * whatever fills templates in, so both agree on one list.
 */

/** Variables that need no further lookup in the definition or the section. */
export const FIXED_TEMPLATE_VARIABLES = [
  'customer.name',
  'customer.industry',
  'customer.region',
  'engagement.title',
  'engagement.startDate',
  'engagement.endDate',
  /** The first and last day of the proposal's schedule (its timeline), so the text and the Gantt chart agree. */
  'timeline.start',
  'timeline.end',
  'scenario.name',
  'assessment.overall',
  'assessment.readiness',
  'team.lead',
  'today',
] as const;
export type FixedTemplateVariable = (typeof FIXED_TEMPLATE_VARIABLES)[number];

export type TemplateVariable =
  | { kind: 'fixed'; name: FixedTemplateVariable }
  /** `assessment.score.<dimension-id>` */
  | { kind: 'score'; dimension: string }
  /** `answer.<question-id>` */
  | { kind: 'answer'; question: string }
  /** `item.<field>`: only inside a section with `repeat`. */
  | { kind: 'item'; field: string };

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const FIELD = /^[a-zA-Z][a-zA-Z0-9]*$/;

/** What a variable name means, or null when it is not one a template may use. */
export function parseTemplateVariable(name: string): TemplateVariable | null {
  if ((FIXED_TEMPLATE_VARIABLES as readonly string[]).includes(name)) return { kind: 'fixed', name: name as FixedTemplateVariable };
  const after = (prefix: string): string | null => (name.startsWith(prefix) ? name.slice(prefix.length) : null);
  const dimension = after('assessment.score.');
  if (dimension !== null) return ID.test(dimension) ? { kind: 'score', dimension } : null;
  const question = after('answer.');
  if (question !== null) return ID.test(question) ? { kind: 'answer', question } : null;
  const field = after('item.');
  if (field !== null) return FIELD.test(field) ? { kind: 'item', field } : null;
  return null;
}

/** Every `{{name}}` in a text, in order, names trimmed. */
export function templateVariablesIn(text: string): string[] {
  return [...text.matchAll(/\{\{([^{}]*)\}\}/g)].map((m) => (m[1] ?? '').trim());
}
