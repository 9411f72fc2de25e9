import type { z } from 'zod';
import { isApiMessageKey, msg, type ApiMessage, type ApiParam } from './message';
import { issue, type ApiIssue } from './result';

/**
 * Turns zod's issues into API issues: a path and a message key with parameters. A schema that
 * needs its own wording passes a message key as zod's message (e.g. `.refine(fn, 'issue.notADate')`);
 * every other issue is worded by its kind (too long, missing, not one of …), so no English from
 * zod ever reaches a user.
 */
export function describeIssues(error: z.ZodError, input: unknown): ApiIssue[] {
  return error.issues.map((zodIssue) =>
    issue(zodIssue.path.length === 0 ? '(root)' : zodIssue.path.map(String).join('.'), issueMessage(zodIssue, valueAt(input, zodIssue.path))),
  );
}

/** The value an issue is about (zod does not report inputs unless asked): undefined when it is missing. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

type ZodIssue = z.core.$ZodIssue;

function bound(value: unknown): number | string {
  return typeof value === 'bigint' ? value.toString() : typeof value === 'number' ? value : String(value);
}

/** One zod issue as an API message (see describeIssues). */
export function issueMessage(zodIssue: ZodIssue, value: unknown): ApiMessage {
  const details = zodIssue as unknown as Record<string, unknown>;
  if (isApiMessageKey(zodIssue.message)) {
    // A schema's own key: fill what it may name from the issue.
    const params: Record<string, ApiParam> = {};
    if ('maximum' in details) params.max = bound(details.maximum);
    if ('minimum' in details) params.min = bound(details.minimum);
    // A refinement passes its own parameters (`.refine(fn, { message: key, params: { max: 25 } })`).
    const own = details.params;
    if (typeof own === 'object' && own !== null) {
      for (const [name, value] of Object.entries(own)) if (typeof value === 'string' || typeof value === 'number') params[name] = value;
    }
    return { key: zodIssue.message, params };
  }
  switch (zodIssue.code) {
    case 'too_big': {
      const max = bound(zodIssue.maximum);
      if (zodIssue.origin === 'string') return msg('issue.tooLong', { max });
      if (zodIssue.origin === 'array' || zodIssue.origin === 'set') return msg('issue.tooMany', { max });
      return msg('issue.tooHigh', { max });
    }
    case 'too_small': {
      const min = bound(zodIssue.minimum);
      if (zodIssue.origin === 'string') return Number(min) <= 1 ? msg('issue.required') : msg('issue.tooShort', { min });
      if (zodIssue.origin === 'array' || zodIssue.origin === 'set') return msg('issue.tooFew', { min });
      return msg('issue.tooLow', { min });
    }
    case 'invalid_type':
      return value === undefined ? msg('issue.missing') : msg('issue.wrongType', { expected: zodIssue.expected });
    case 'invalid_value':
      return msg('issue.notOneOf', { options: zodIssue.values.map(String).join(', ') });
    case 'invalid_format':
      // A pattern without its own message says nothing a user could act on: the field is just not valid.
      return zodIssue.format === 'regex' ? msg('issue.invalid') : msg('issue.badFormat', { format: zodIssue.format });
    case 'unrecognized_keys':
      return msg('issue.unknownFields', { names: zodIssue.keys.join(', ') });
    case 'not_multiple_of':
      return msg('issue.notMultiple', { of: bound(zodIssue.divisor) });
    default:
      return msg('issue.invalid');
  }
}
