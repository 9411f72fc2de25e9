import { z } from 'zod';
import {
  CONTACT_FIELD_MAX,
  ENGAGEMENT_SCENARIOS_MAX,
  ENGAGEMENT_STAGES,
  ENGAGEMENT_TITLE_MAX,
  LIST_QUERY_MAX,
  TEAM_MAX,
  type Engagement,
  type EngagementSummary,
} from '../../engagements/types';
import { isRealDate, isTimeZone } from '../../dates';
import { id, isoDate, maxText, returns, trimmedText } from './common';

/** Engagements: the work done for a customer (customers.ts holds the customers). */

const text = trimmedText;
export function requiredText(max: number) {
  return text(max).min(1, 'issue.required');
}

/** YYYY-MM-DD that is also a real day (no 2025-02-30). */
const calendarDate = isoDate.refine(isRealDate, 'issue.notADate');

const scenarioIds = z
  .array(id)
  .min(1, 'issue.noScenario')
  .max(ENGAGEMENT_SCENARIOS_MAX)
  .refine((ids) => new Set(ids).size === ids.length, 'issue.listedTwice');

const teamMember = z.object({ name: requiredText(CONTACT_FIELD_MAX), role: text(CONTACT_FIELD_MAX).optional() }).strict();
const team = z.array(teamMember).max(TEAM_MAX);

/** Null clears a date in an update. */
const optionalDate = calendarDate.nullable().optional();

/** An IANA time zone this runtime knows (Asia/Shanghai, Europe/Berlin); null: the device's. */
const timeZone = z.string().max(64).refine(isTimeZone, 'issue.notTimeZone').nullable().optional();

/** When both dates are given, the end may not come before the start. */
function datesInOrder(value: { startDate?: string | null; endDate?: string | null }, ctx: z.RefinementCtx): void {
  if (value.startDate && value.endDate && value.endDate < value.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'issue.endBeforeStart' });
  }
}

export const listQuery = maxText(LIST_QUERY_MAX).optional();

export const engagementCalls = {
  /** Creates an engagement for an existing customer. */
  'engagements.create': {
    args: z
      .object({
        customerId: id,
        title: requiredText(ENGAGEMENT_TITLE_MAX),
        scenarios: scenarioIds,
        stage: z.enum(ENGAGEMENT_STAGES).default('discovery'),
        startDate: optionalDate,
        endDate: optionalDate,
        timeZone,
        team: team.optional(),
      })
      .strict()
      .superRefine(datesInOrder),
    result: returns<Engagement>(),
  },
  /** Changes the fields given (dates: null clears); the customer cannot change. */
  'engagements.update': {
    args: z
      .object({
        id,
        title: requiredText(ENGAGEMENT_TITLE_MAX).optional(),
        scenarios: scenarioIds.optional(),
        stage: z.enum(ENGAGEMENT_STAGES).optional(),
        startDate: optionalDate,
        endDate: optionalDate,
        timeZone,
        team: team.optional(),
      })
      .strict()
      .superRefine(datesInOrder),
    result: returns<Engagement>(),
  },
  /** Engagements, most recently changed first; filtered by customer, stage and title/customer text. */
  'engagements.list': {
    args: z.object({ customerId: id.optional(), stage: z.enum(ENGAGEMENT_STAGES).optional(), query: listQuery }).strict(),
    result: returns<EngagementSummary[]>(),
  },
  /** One engagement with its customer and team. */
  'engagements.get': { args: z.object({ id }).strict(), result: returns<Engagement>() },
  /** Deletes an engagement (a tombstone; the work recorded in it stays for sync). */
  'engagements.remove': { args: z.object({ id }).strict(), result: returns<{ removed: boolean }>() },
} as const;
