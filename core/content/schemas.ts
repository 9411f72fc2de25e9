import { z } from 'zod';
import { KB_ARTICLE_TYPES } from '../kb/types';
import { RISK_CATEGORIES, RULE_OPERATORS } from './lists';

/** Schemas for the files of a content pack (see resources/content/FORMAT.md). */

export const contentId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'issue.notContentId')
  .max(80);

export const localized = z
  .object({
    en: z.string().trim().min(1, 'English text is empty'),
    zh: z.string().trim().min(1, 'Chinese text is empty'),
  })
  .strict();

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'issue.notIsoDate')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'issue.notADate');

const version = z.number().int().min(1);
const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'issue.notDecimal');

/** JSON Logic limited to the operators the assessment engine implements (RULE_OPERATORS); checked structurally. */
export type Rule = boolean | number | string | null | Rule[] | { [op: string]: Rule };

export const rule: z.ZodType<Rule> = z.lazy(() =>
  z.union([
    z.boolean(),
    z.number(),
    z.string(),
    z.null(),
    z.array(rule),
    z
      .record(z.string(), rule)
      .refine((o) => Object.keys(o).length === 1, 'issue.ruleOneOperator')
      .refine((o) => Object.keys(o).every((k) => (RULE_OPERATORS as readonly string[]).includes(k)), {
        message: 'issue.ruleUnknownOperator',
        params: { operators: RULE_OPERATORS.join(', ') },
      }),
  ]),
);

export const packManifest = z
  .object({ id: contentId, version, title: localized })
  .strict();

export const scenarioFile = z
  .object({
    id: contentId,
    version,
    name: localized,
    summary: localized,
    industries: z.array(contentId).default([]),
    typicalKpis: z.array(localized).min(3, 'needs 3 to 6 entries').max(6, 'needs 3 to 6 entries'),
    assessment: contentId,
  })
  .strict();

export const kbFrontMatter = z
  .object({
    id: contentId,
    version,
    type: z.enum(KB_ARTICLE_TYPES),
    scenarios: z.array(contentId),
    tags: z.array(contentId).min(2, 'needs 2 to 6 tags').max(6, 'needs 2 to 6 tags'),
    title: localized,
    summary: localized,
    author: z.string().trim().min(1).max(120),
    reviewDate: isoDate.optional(),
    related: z.array(contentId).default([]),
  })
  .strict();

const scores = z.record(contentId, z.number().min(0).max(100));

const questionBase = {
  id: contentId,
  text: localized,
  help: localized.optional(),
  helpArticles: z.array(contentId).default([]),
  required: z.boolean().default(false),
  visibleIf: rule.optional(),
};

const choiceOption = z
  .object({ value: contentId, label: localized, scores: scores.optional() })
  .strict();

export const question = z.discriminatedUnion('type', [
  z.object({ ...questionBase, type: z.literal('single'), options: z.array(choiceOption).min(2) }).strict(),
  z.object({ ...questionBase, type: z.literal('multiple'), options: z.array(choiceOption).min(2) }).strict(),
  z
    .object({
      ...questionBase,
      type: z.literal('scale'),
      scale: z
        .object({ min: z.number().int(), max: z.number().int(), minLabel: localized.optional(), maxLabel: localized.optional() })
        .strict()
        .refine((s) => s.max > s.min, 'issue.scaleMaxMin'),
      scores: scores.optional(),
    })
    .strict(),
  z.object({ ...questionBase, type: z.literal('yesno'), yes: scores.optional(), no: scores.optional() }).strict(),
  z
    .object({
      ...questionBase,
      type: z.literal('number'),
      number: z
        .object({ min: z.number().optional(), max: z.number().optional(), unit: localized.optional(), integer: z.boolean().optional() })
        .strict(),
      bands: z
        .array(z.object({ min: z.number().optional(), max: z.number().optional(), scores }).strict())
        .optional(),
    })
    .strict(),
  z.object({ ...questionBase, type: z.literal('text'), maxLength: z.number().int().min(1).optional() }).strict(),
  z.object({ ...questionBase, type: z.literal('date') }).strict(),
  z.object({ ...questionBase, type: z.literal('evidence') }).strict(),
]);

export const assessmentFile = z
  .object({
    id: contentId,
    version,
    scenario: contentId,
    title: localized,
    description: localized,
    dimensions: z
      .array(z.object({ id: contentId, weight: z.number().positive().max(1), label: localized }).strict())
      .min(1),
    readinessLevels: z
      .array(z.object({ id: contentId, min: z.number().min(0).max(100), label: localized, description: localized }).strict())
      .min(1),
    sections: z
      .array(
        z
          .object({ id: contentId, title: localized, visibleIf: rule.optional(), questions: z.array(question).min(1) })
          .strict(),
      )
      .min(1),
    recommendations: z
      .array(
        z
          .object({
            id: contentId,
            kind: z.enum(['template', 'risk', 'article']),
            ref: z.string().regex(/^[a-z0-9-]+(#[a-z0-9-]+)?$/, 'issue.notRef'),
            when: rule,
            reason: localized,
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

export const checklistFile = z
  .object({
    id: contentId,
    version,
    title: localized,
    description: localized,
    scenarios: z.array(contentId),
    items: z
      .array(
        z
          .object({
            id: contentId,
            title: localized,
            description: localized,
            category: z.enum(RISK_CATEGORIES),
            likelihood: z.number().int().min(1).max(5),
            impact: z.number().int().min(1).max(5),
            mitigation: localized,
            articles: z.array(contentId).default([]),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/** Most names one glossary term may have in one language, and the longest name: a term is a word or a short phrase. */
export const GLOSSARY_MAX_NAMES = 24;
export const GLOSSARY_MAX_NAME = 80;
const glossaryName = z.string().trim().min(1, 'is an empty term').max(GLOSSARY_MAX_NAME, `is longer than ${GLOSSARY_MAX_NAME} characters; a term is a word or a short phrase`);
const glossaryNames = z.array(glossaryName).max(GLOSSARY_MAX_NAMES, `has more than ${GLOSSARY_MAX_NAMES} names`);

/** One glossary term: its English and Chinese names (the first is the main one) and abbreviations. */
export const glossaryEntry = z
  .object({
    id: contentId,
    en: glossaryNames.min(1, 'needs at least one English name'),
    zh: glossaryNames.min(1, 'needs at least one Chinese name'),
    abbr: glossaryNames.default([]),
  })
  .strict();

/** glossary.yaml: the bilingual domain glossary (search expands queries through it). */
export const glossaryFile = z
  .object({
    version,
    entries: z.array(glossaryEntry).max(5000),
  })
  .strict();

export const templateFile = z
  .object({
    id: contentId,
    version,
    scenarios: z.array(contentId).min(1),
    title: localized,
    description: localized,
    durationWeeks: z.number().int().min(1).max(104),
    sections: z
      .array(
        z
          .object({
            id: contentId,
            title: localized,
            when: rule.optional(),
            body: localized.optional(),
            fromArticle: contentId.optional(),
            repeat: z.enum(['team', 'scenarios', 'milestones']).optional(),
          })
          .strict()
          .refine((s) => s.body !== undefined || s.fromArticle !== undefined, 'issue.sectionNeedsBody'),
      )
      .min(1),
    successCriteria: z.array(z.object({ metric: localized, target: localized, measurement: localized }).strict()).default([]),
    pricing: z
      .object({
        currency: z.string().regex(/^[A-Z]{3}$/, 'issue.notCurrency'),
        taxRate: decimalString,
        lines: z
          .array(z.object({ item: localized, unit: localized, quantity: decimalString, unitPrice: decimalString }).strict())
          .min(1),
      })
      .strict(),
    timeline: z.array(z.object({ phase: localized, weeks: z.number().int().min(1), deliverables: localized }).strict()).min(1),
  })
  .strict();

export type PackManifest = z.infer<typeof packManifest>;
export type ScenarioFile = z.infer<typeof scenarioFile>;
export type KbFrontMatter = z.infer<typeof kbFrontMatter>;
export type Question = z.infer<typeof question>;
export type AssessmentFile = z.infer<typeof assessmentFile>;
export type ChecklistFile = z.infer<typeof checklistFile>;
export type TemplateFile = z.infer<typeof templateFile>;
export type GlossaryEntry = z.infer<typeof glossaryEntry>;
export type GlossaryFile = z.infer<typeof glossaryFile>;
