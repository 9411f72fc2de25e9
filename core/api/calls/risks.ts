import { z } from 'zod';
import { LANGS } from '../../i18n';
import {
  RISK_CATEGORIES,
  RISK_STATUSES,
  type AddFromChecklistResult,
  type RiskItem,
} from '../../risks/types';
import { isRealDate } from '../../dates';
import { MAX_RISKS_PER_ADD, RISK_TEXT_LIMITS } from '../limits';
import { id, isoDate, maxText, returns } from './common';

/** Each engagement's risk register (checklists.ts has the checklists risks are copied from). */


/** A calendar day that exists (no 2026-02-30). */
const realDate = isoDate.refine(isRealDate, 'issue.notADate');
const level = z
  .number({ error: 'issue.level' })
  .int('issue.level')
  .min(1, 'issue.level')
  .max(5, 'issue.level');
const title = z.string().trim().min(1).max(RISK_TEXT_LIMITS.title);
const articles = z.array(id).max(50);

/** The fields a consultant can edit on a risk. */
const editable = {
  title,
  description: maxText(RISK_TEXT_LIMITS.description),
  category: z.enum(RISK_CATEGORIES),
  likelihood: level,
  impact: level,
  owner: maxText(RISK_TEXT_LIMITS.owner),
  status: z.enum(RISK_STATUSES),
  mitigation: maxText(RISK_TEXT_LIMITS.mitigation),
  articles,
};

export const riskCalls = {
  /** The risk register across engagements (or one), filtered; highest score first. */
  'risks.list': {
    args: z
      .object({
        engagementId: id.optional(),
        status: z.enum(RISK_STATUSES).optional(),
        category: z.enum(RISK_CATEGORIES).optional(),
        overdue: z.boolean().optional(),
        owner: maxText(RISK_TEXT_LIMITS.owner).optional(),
        query: maxText(RISK_TEXT_LIMITS.query).optional(),
      })
      .strict(),
    result: returns<RiskItem[]>(),
  },
  /** Copies checklist items into an engagement's register in one language; duplicates and unknown items are skipped. */
  'risks.addFromChecklist': {
    args: z
      .object({
        engagementId: id,
        items: z
          .array(z.object({ checklistId: id, itemId: id, reason: maxText(RISK_TEXT_LIMITS.reason).optional() }).strict())
          .min(1)
          .max(MAX_RISKS_PER_ADD),
        source: z.enum(['checklist', 'assessment']),
        sessionId: id.optional(),
        lang: z.enum(LANGS),
      })
      .strict(),
    result: returns<AddFromChecklistResult>(),
  },
  /** A risk written by hand. */
  'risks.create': {
    args: z
      .object({
        engagementId: id,
        title,
        description: editable.description.optional(),
        category: editable.category,
        likelihood: level,
        impact: level,
        owner: editable.owner.optional(),
        dueDate: realDate.optional(),
        status: editable.status.optional(),
        mitigation: editable.mitigation.optional(),
        articles: articles.optional(),
      })
      .strict(),
    result: returns<RiskItem>(),
  },
  /** Changes some fields of a risk; dueDate null clears the due date. */
  'risks.update': {
    args: z
      .object({
        id,
        title: editable.title.optional(),
        description: editable.description.optional(),
        category: editable.category.optional(),
        likelihood: level.optional(),
        impact: level.optional(),
        owner: editable.owner.optional(),
        dueDate: realDate.nullable().optional(),
        status: editable.status.optional(),
        mitigation: editable.mitigation.optional(),
        articles: articles.optional(),
      })
      .strict(),
    result: returns<RiskItem>(),
  },
  /** Removes a risk from the register (a tombstone, so the removal syncs). */
  'risks.remove': { args: z.object({ id }).strict(), result: returns<{ removed: boolean }>() },
} as const;
