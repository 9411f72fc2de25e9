import type { Rule, TemplateFile } from '../../core/content/schemas';
import { FIXED_TEMPLATE_VARIABLES, parseTemplateVariable, templateVariablesIn } from '../../core/content/template-vars';

/**
 * The template editor's pure part: rules typed as JSON text, the variables the picker offers, where
 * the backend's problems belong in the form, and inserting `{{name}}` at the cursor.
 */

export type TemplateSection = TemplateFile['sections'][number];

export type ParsedRule = { ok: true; rule: Rule | undefined } | { ok: false; problem: { kind: 'json'; message: string } | { kind: 'not-object' } };

/** Reads a rule typed as JSON; empty text means "always included". Shape checks are the backend's (it names what is wrong). */
export function parseRuleText(text: string): ParsedRule {
  if (text.trim() === '') return { ok: true, rule: undefined };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: { kind: 'json', message: error instanceof Error ? error.message : String(error) } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: { kind: 'not-object' } };
  return { ok: true, rule: value as Rule };
}

export function ruleText(rule: Rule | undefined): string {
  return rule === undefined ? '' : JSON.stringify(rule);
}

/**
 * The variables the picker offers: the fixed ones, `item.name` / `item.role` for repeated sections,
 * and every answer or score variable the template already uses (the backend checks answers and
 * scores against the scenarios' assessments when the template is saved).
 */
export function pickerVariables(template: TemplateFile): string[] {
  const used = template.sections.flatMap((s) => [...templateVariablesIn(s.body?.en ?? ''), ...templateVariablesIn(s.body?.zh ?? '')]);
  const known = used.filter((name) => {
    const parsed = parseTemplateVariable(name);
    return parsed !== null && (parsed.kind === 'answer' || parsed.kind === 'score');
  });
  return [...FIXED_TEMPLATE_VARIABLES, 'item.name', 'item.role', ...[...new Set(known)].sort()];
}

/** The problems the backend named for one field path (its issues read `template.<path>`). */
export function issuesAt(issues: readonly { path: string; message: string }[], path: string): string[] {
  return issues.filter((i) => i.path === `template.${path}` || i.path === path).map((i) => i.message);
}

/** Problems whose path no field of the form shows, listed at the top. */
export function unplacedIssues(issues: readonly { path: string; message: string }[], placed: ReadonlySet<string>): string[] {
  return issues.filter((i) => !placed.has(i.path.replace(/^template\./, ''))).map((i) => `${i.path.replace(/^template\./, '')}: ${i.message}`);
}

/** A text with `{{name}}` put in place of the selection [start, end); returns the new text and caret. */
export function insertVariable(text: string, name: string, start: number, end: number): { text: string; caret: number } {
  const token = `{{${name}}}`;
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + token + text.slice(to), caret: from + token.length };
}

/** A section id not used yet in the template ("section-4"). */
export function newSectionId(sections: readonly TemplateSection[]): string {
  const taken = new Set(sections.map((s) => s.id));
  let n = sections.length + 1;
  while (taken.has(`section-${n}`)) n += 1;
  return `section-${n}`;
}
