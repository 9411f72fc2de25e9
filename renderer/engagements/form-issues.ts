import { ENGAGEMENT_ISSUES } from '../../core/api/calls/engagements';
import type { ApiError } from '../../core/api/result';
import type { Translate } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';

/** Field path (as the backend names it, e.g. "contacts.1.email") → the message to show next to it. */
export type FieldErrors = Readonly<Record<string, string>>;

type IssueName = keyof typeof ENGAGEMENT_ISSUES;
const ISSUE_BY_MESSAGE = new Map<string, IssueName>(Object.entries(ENGAGEMENT_ISSUES).map(([name, message]) => [message, name as IssueName]));
const TOO_LONG = /^is too long; at most (\d+) characters$/;

/**
 * The message for one issue in the UI language: the backend's wording for the issues it is known
 * to send (see ENGAGEMENT_ISSUES), else the backend's own English text, which is still precise.
 */
export function issueText(message: string, t: Translate): string {
  const known = ISSUE_BY_MESSAGE.get(message);
  if (known) return t(`engagements.issue.${known}` satisfies MessageKey);
  const tooLong = TOO_LONG.exec(message);
  if (tooLong) return t('engagements.issue.tooLong', { max: tooLong[1] ?? '' });
  return message;
}

/**
 * Turns a failed call's issues into field errors; `prefix` places them under a sub-form
 * (e.g. "customer." for the customer created inline with an engagement). The first issue for a
 * field wins. Returns null when the error names no field (show it as a whole-form error then).
 */
export function toFieldErrors(error: Pick<ApiError, 'issues'>, t: Translate, prefix = ''): FieldErrors | null {
  const issues = error.issues ?? [];
  if (issues.length === 0) return null;
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = `${prefix}${issue.path}`;
    errors[path] ??= issueText(issue.message, t);
  }
  return errors;
}

/** The id of the first element of `order` that has an error, to move focus there after a failed save. */
export function firstErrorField(errors: FieldErrors, order: readonly string[]): string | null {
  return order.find((path) => errors[path] !== undefined) ?? Object.keys(errors)[0] ?? null;
}
