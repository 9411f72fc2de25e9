import { z } from 'zod';
import { checkDefinition } from '../../../core/assessment/engine';
import { assessmentFile, checklistFile } from '../../../core/content/schemas';
import { LANGS } from '../../../core/i18n';
import { checkPricing } from '../../../core/proposals/money';
import { describeContentIssue } from '../content/load-pack';
import { DISCOUNT_KINDS, MAX_PHASE_WEEKS, PROPOSAL_SECTION_KINDS, PROPOSAL_STATUSES, type Pricing } from '../../../core/proposals/types';

/**
 * The shape of each JSON column as this device reads it back. A value that arrives by sync was
 * written by another device's handlers, or by anyone holding a stolen token, or by a version with
 * a bug: it must have the shape the readers here rely on (a proposal's pricing lines a list, a
 * phase's weeks a whole number, a published assessment a sound definition), or one bad value
 * would break a screen on every device it reaches. Objects may carry keys this version does not
 * know (a newer device may add one); types and lists are what is checked. Rich text inside is
 * checked separately (incoming.ts).
 */

const text = z.string();
const texts = z.array(text);
const localized = z.object({ en: text, zh: text });
const finite = z.number().refine(Number.isFinite, 'is not a finite number');

const answerValue = z.union([text, finite, z.boolean(), texts, z.null()]);

const provenance = z.array(z.object({ kind: text, ref: text, label: text.optional() }));
const proposalSection = z.object({ id: text, title: text, kind: z.enum(PROPOSAL_SECTION_KINDS), bodyJson: text, source: provenance });
const successCriterion = z.object({ metric: text, target: text, measurement: text });

const pricing = z
  .object({
    currency: text,
    taxRate: text,
    discount: z.object({ kind: z.enum(DISCOUNT_KINDS), value: text }),
    lines: z.array(z.object({ id: text, item: text, unit: text, quantity: text, unitPrice: text, discountPercent: text.optional() })),
  })
  // Figures are decimals the totals can be computed from, as on the device that wrote them.
  .refine((p) => checkPricing(p as Pricing).length === 0, 'has a figure that is not a valid amount');

const timeline = z.object({
  start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a date (YYYY-MM-DD)'),
  phases: z.array(z.object({ id: text, name: text, weeks: z.number().int().min(1).max(MAX_PHASE_WEEKS), deliverables: text, milestone: text.optional() })),
});

const proposalBody = z.object({ sections: z.array(proposalSection), successCriteria: z.array(successCriterion) });

const proposalSnapshot = z.object({
  title: text,
  lang: z.enum(LANGS),
  status: z.enum(PROPOSAL_STATUSES),
  statusReason: text,
  sections: z.array(proposalSection),
  successCriteria: z.array(successCriterion),
  pricing,
  timeline,
  templateId: text,
  templateVersion: z.number().int(),
});

const submissionFileless = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('lesson'), context: text, problem: text, action: text, result: text, recommendation: text, tags: texts }),
  z.object({ kind: z.literal('note'), bodyJson: text, tags: texts }),
]);

/** A published assessment must be one this device could have imported: its schema and the engine's checks. */
const definition = assessmentFile.superRefine((def, ctx) => {
  const [first] = checkDefinition(def);
  if (first) ctx.addIssue({ code: 'custom', path: first.path.split('.'), message: first.message });
});

export const INCOMING_SHAPES: Readonly<Record<string, z.ZodType>> = {
  'scenarios.industries': texts,
  'scenarios.typical_kpis': z.array(localized),
  'kb_articles.scenarios': texts,
  'kb_articles.tags': texts,
  'kb_articles.related': texts,
  'assessment_definitions.definition': definition,
  'risk_checklists.scenarios': texts,
  'risk_checklists.checklist': checklistFile,
  'glossary_entries.terms_en': texts,
  'glossary_entries.terms_zh': texts,
  'glossary_entries.abbreviations': texts,
  'poc_templates.scenarios': texts,
  'engagements.scenarios': texts,
  'engagements.team': z.array(z.object({ name: text, role: text.optional() })),
  'assessment_sessions.signoff': z.object({ name: text, role: text, signedAt: text, signatureSha256: text }),
  'assessment_answers.value': answerValue,
  'assessment_answers_set_aside.value': answerValue,
  'risk_items.articles': texts,
  'field_notes.tags': texts,
  'lessons.scenarios': texts,
  'lessons.tags': texts,
  'lessons.source_notes': texts,
  'proposals.body_json': proposalBody,
  'proposals.pricing': pricing,
  'proposals.timeline': timeline,
  'proposals.provenance': z.object({ articles: texts.optional() }),
  'proposal_versions.snapshot': proposalSnapshot,
  'submissions.scenarios': texts,
  'submissions.content': submissionFileless,
};

/** What is wrong with a parsed JSON value for `table.column` (where in it, and what), or null when it has the shape (or the column has none to check). */
export function shapeProblem(where: string, parsed: unknown): string | null {
  const shape = INCOMING_SHAPES[where];
  if (shape === undefined) return null;
  const result = shape.safeParse(parsed);
  if (result.success) return null;
  const issue = result.error.issues[0];
  if (issue === undefined) return 'unknown problem';
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${describeContentIssue(issue)}` : describeContentIssue(issue);
}
