import { z } from 'zod';
import { LANGS } from '../../i18n';
import { contentId } from '../../content/schemas';
import {
  CRITERION_FIELD_MAX,
  CURRENCY_PATTERN,
  DISCOUNT_KINDS,
  MAX_PHASE_WEEKS,
  MAX_PRICING_LINES,
  MAX_PROPOSAL_SECTION_JSON_BYTES,
  MAX_PROPOSAL_SECTIONS,
  MAX_PROVENANCE_LABEL_CHARS,
  MAX_PROVENANCE_PER_BLOCK,
  MAX_PROVENANCE_REF_CHARS,
  MAX_SUCCESS_CRITERIA,
  MAX_TIMELINE_PHASES,
  PRICING_TEXT_MAX,
  PROPOSAL_SECTION_KINDS,
  PROPOSAL_STATUSES,
  PROPOSAL_TITLE_MAX,
  PROVENANCE_KINDS,
  SECTION_TITLE_MAX,
  TIMELINE_TEXT_MAX,
  type GenerationProblem,
  type ProposalComparison,
  type ProposalDetail,
  type ProposalSummary,
  type ProposalVersion,
  type ProposalVersionSummary,
} from '../../proposals/types';
import { id, isoDate, returns } from './common';
import type { ExportedFile } from './reports';

/** POC proposals: generated from a template and an assessment, edited, versioned, moved through statuses, exported. */

/**
 * Total size of all section bodies sent in one save (each section is also limited on its own);
 * below the browser host's request limit (HTTP_PROTOCOL.maxBodyBytes) so the message is this one.
 */
export const MAX_PROPOSAL_SAVE_CHARS = 30 * 1024 * 1024;
export const VERSION_NAME_MAX = 200;
export const STATUS_REASON_MAX = 2000;

const text = (max: number, what: string) => z.string().max(max, `is too long; ${what} can be at most ${max} characters`);
/** Decimal figures are checked by checkPricing (money.ts) so the message can name the line; here only the length. */
const figure = z.string().max(40, 'is too long for a number');

const provenance = z
  .array(
    z
      .object({
        kind: z.enum(PROVENANCE_KINDS, { message: `must be one of ${PROVENANCE_KINDS.join(', ')}` }),
        ref: text(MAX_PROVENANCE_REF_CHARS, 'a provenance reference'),
        label: text(MAX_PROVENANCE_LABEL_CHARS, 'a provenance label').optional(),
      })
      .strict(),
  )
  .max(MAX_PROVENANCE_PER_BLOCK, `can have at most ${MAX_PROVENANCE_PER_BLOCK} entries`);

export const proposalSectionSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be 1 to 100 letters, digits, dashes or underscores'),
    title: z.string().trim().min(1, 'is empty; give the section a title').max(SECTION_TITLE_MAX, `is too long; at most ${SECTION_TITLE_MAX} characters`),
    kind: z.enum(PROPOSAL_SECTION_KINDS, { message: `must be one of ${PROPOSAL_SECTION_KINDS.join(', ')}` }),
    // Characters, not bytes: the handler checks the UTF-8 size and the document itself.
    bodyJson: z.string().min(1, 'is empty').max(MAX_PROPOSAL_SECTION_JSON_BYTES, 'is larger than 2 MB; move large content into attachments'),
    source: provenance,
  })
  .strict();

export const successCriterionSchema = z
  .object({
    metric: text(CRITERION_FIELD_MAX, 'a metric'),
    target: text(CRITERION_FIELD_MAX, 'a target'),
    measurement: text(CRITERION_FIELD_MAX, 'a measurement'),
  })
  .strict();

export const pricingSchema = z
  .object({
    currency: z.string().regex(CURRENCY_PATTERN, 'must be an ISO 4217 code such as CNY'),
    taxRate: figure,
    discount: z.object({ kind: z.enum(DISCOUNT_KINDS, { message: 'must be percent or amount' }), value: figure }).strict(),
    lines: z
      .array(
        z
          .object({
            id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be 1 to 100 letters, digits, dashes or underscores'),
            item: text(PRICING_TEXT_MAX, 'an item'),
            unit: text(PRICING_TEXT_MAX, 'a unit'),
            quantity: figure,
            unitPrice: figure,
            discountPercent: figure.optional(),
          })
          .strict(),
      )
      .max(MAX_PRICING_LINES, `can have at most ${MAX_PRICING_LINES} lines`),
  })
  .strict();

export const timelineSchema = z
  .object({
    start: isoDate,
    phases: z
      .array(
        z
          .object({
            id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be 1 to 100 letters, digits, dashes or underscores'),
            name: text(TIMELINE_TEXT_MAX, 'a phase name'),
            weeks: z.number().int('must be a whole number of weeks').min(1, 'must be at least 1 week').max(MAX_PHASE_WEEKS, `must be at most ${MAX_PHASE_WEEKS} weeks`),
            deliverables: text(TIMELINE_TEXT_MAX, 'deliverables'),
            milestone: text(TIMELINE_TEXT_MAX, 'a milestone').optional(),
          })
          .strict(),
      )
      .max(MAX_TIMELINE_PHASES, `can have at most ${MAX_TIMELINE_PHASES} phases`),
  })
  .strict();

const title = z.string().trim().min(1, 'is empty; give the proposal a title').max(PROPOSAL_TITLE_MAX, `is too long; at most ${PROPOSAL_TITLE_MAX} characters`);
const versionSide = z.union([z.literal('current'), id]);

export const proposalCalls = {
  /** Generates a draft proposal from a template, the engagement, its assessment and risks; returns it with what could not be filled. */
  'proposals.generate': {
    args: z
      .object({
        engagementId: id,
        sessionId: id.optional(),
        templateId: contentId,
        templateVersion: z.number().int().min(1).max(1_000_000).optional(),
        lang: z.enum(LANGS, { message: 'must be en or zh' }),
        title: title.optional(),
      })
      .strict(),
    result: returns<{ proposal: ProposalDetail; problems: GenerationProblem[] }>(),
  },
  /** Proposals with their totals and version counts, most recently changed first. */
  'proposals.list': {
    args: z.object({ engagementId: id.optional(), status: z.enum(PROPOSAL_STATUSES).optional() }).strict(),
    result: returns<ProposalSummary[]>(),
  },
  /** One proposal with its stale article blocks and template title. */
  'proposals.get': { args: z.object({ id }).strict(), result: returns<ProposalDetail>() },
  /** Saves edits (all checked; nothing changes on any problem); refused with conflict when baseUpdatedAt is not the stored one. */
  'proposals.save': {
    args: z
      .object({
        id,
        title: title.optional(),
        sections: z
          .array(proposalSectionSchema)
          .min(1, 'must keep at least one section')
          .max(MAX_PROPOSAL_SECTIONS, `can have at most ${MAX_PROPOSAL_SECTIONS} sections`)
          .refine((s) => s.reduce((n, x) => n + x.bodyJson.length, 0) <= MAX_PROPOSAL_SAVE_CHARS, 'are larger than 30 MB in total; move large content into attachments')
          .optional(),
        successCriteria: z.array(successCriterionSchema).max(MAX_SUCCESS_CRITERIA, `can have at most ${MAX_SUCCESS_CRITERIA} criteria`).optional(),
        pricing: pricingSchema.optional(),
        timeline: timelineSchema.optional(),
        baseUpdatedAt: z.string().max(40).optional(),
      })
      .strict(),
    result: returns<ProposalDetail>(),
  },
  /** Moves a proposal to another status (draft → internal-review → sent → won | lost; back to draft from review); won and lost need a reason. */
  'proposals.setStatus': {
    args: z
      .object({
        id,
        status: z.enum(PROPOSAL_STATUSES, { message: `must be one of ${PROPOSAL_STATUSES.join(', ')}` }),
        reason: text(STATUS_REASON_MAX, 'a reason').optional(),
      })
      .strict(),
    result: returns<ProposalDetail>(),
  },
  /** Saves the current state as a named version. */
  'proposals.saveVersion': {
    args: z
      .object({ id, name: z.string().trim().min(1, 'is empty; name the version').max(VERSION_NAME_MAX, `is too long; at most ${VERSION_NAME_MAX} characters`) })
      .strict(),
    result: returns<ProposalVersionSummary>(),
  },
  /** The saved versions of a proposal, newest first. */
  'proposals.versions': { args: z.object({ id }).strict(), result: returns<ProposalVersionSummary[]>() },
  /** One saved version with its snapshot. */
  'proposals.version': { args: z.object({ versionId: id }).strict(), result: returns<ProposalVersion>() },
  /** Compares two versions (or a version and the current state): sections word by word, and the changed fields. */
  'proposals.compare': {
    args: z.object({ proposalId: id, from: versionSide, to: versionSide }).strict(),
    result: returns<ProposalComparison>(),
  },
  /** Restores a version, after saving the current state as the version "Before restoring <name>". */
  'proposals.restore': { args: z.object({ versionId: id }).strict(), result: returns<ProposalDetail>() },
  /** Removes a proposal (a tombstone, so sync can carry it). */
  'proposals.remove': { args: z.object({ id }).strict(), result: returns<{ removed: boolean }>() },
  /** The proposal (or one of its saved versions) as a Word document: cover, contents, numbered pages, tables, the timeline chart. */
  'proposals.exportDocx': { args: z.object({ id, versionId: id.optional() }).strict(), result: returns<ExportedFile>() },
  /** The proposal as PDF, printed by the host (Electron); `unavailable` where the print page + the browser's print dialog is the way. */
  'proposals.exportPdf': { args: z.object({ id }).strict(), result: returns<ExportedFile>() },
  /** The proposal as GitHub-flavoured Markdown (tables for criteria, pricing with totals and the timeline). */
  'proposals.exportMarkdown': { args: z.object({ id }).strict(), result: returns<ExportedFile>() },
} as const;
