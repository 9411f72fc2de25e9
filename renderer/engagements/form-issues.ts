import type { ApiMessage } from '../../core/api/message';
import type { ApiMessageKey } from '../../core/api/messages';
import type { ApiIssue } from '../../core/api/result';
import type { I18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';

/** Field path (as the backend names it, e.g. "contacts.1.email") → the message to show next to it. */
export type FieldErrors = Readonly<Record<string, string>>;

/**
 * The forms' own wording for the issues they show most, as a sentence under the field ("Required.");
 * every other issue is worded from the backend's message key in the UI language.
 */
const FORM_WORDING: Partial<Record<ApiMessageKey, MessageKey>> = {
  'issue.required': 'engagements.issue.required',
  'issue.noScenario': 'engagements.issue.noScenario',
  'issue.endBeforeStart': 'engagements.issue.endBeforeStart',
  'issue.startAfterEnd': 'engagements.issue.startAfterEnd',
  'issue.notADate': 'engagements.issue.notADate',
  'issue.badEmail': 'engagements.issue.badEmail',
  'issue.unknownScenario': 'engagements.issue.unknownScenario',
  'issue.unknownCustomer': 'engagements.issue.unknownCustomer',
  'issue.listedTwice': 'engagements.issue.duplicateScenario',
  'issue.notOwnContact': 'engagements.issue.notOwnContact',
  'issue.tooLong': 'engagements.issue.tooLong',
};

/** The message for one issue in the UI language. */
export function issueText(issue: ApiMessage, { t, apiText }: Pick<I18n, 't' | 'apiText'>): string {
  const own = FORM_WORDING[issue.key];
  if (own === undefined) return apiText(issue);
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(issue.params)) if (typeof value === 'string' || typeof value === 'number') params[name] = value;
  return t(own, params);
}

/**
 * Turns a failed call's issues into field errors; `prefix` places them under a sub-form
 * (e.g. "customer." for the customer created inline with an engagement). The first issue for a
 * field wins. Returns null when the error names no field (show it as a whole-form error then).
 */
export function toFieldErrors(error: { issues?: readonly ApiIssue[] | undefined }, i18n: Pick<I18n, 't' | 'apiText'>, prefix = ''): FieldErrors | null {
  const issues = error.issues ?? [];
  if (issues.length === 0) return null;
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = `${prefix}${issue.path}`;
    errors[path] ??= issueText(issue, i18n);
  }
  return errors;
}

/** The id of the first element of `order` that has an error, to move focus there after a failed save. */
export function firstErrorField(errors: FieldErrors, order: readonly string[]): string | null {
  return order.find((path) => errors[path] !== undefined) ?? Object.keys(errors)[0] ?? null;
}
