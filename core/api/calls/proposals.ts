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
import { EXPORT_COPIES, type ExportFinding } from '../../proposals/export-checks';
import { MAX_PROPOSAL_SAVE_CHARS, STATUS_REASON_MAX, VERSION_NAME_MAX } from '../limits';
import { id, isoDate, returns } from './common';
import type { ExportedFile, ExportSize, MissingFile } from './reports';

/** POC proposals: generated from a template and an assessment, edited, versioned, moved through statuses, exported. */


const text = (max: number) => z.string().max(max);
/** Decimal figures are checked by checkPricing (money.ts) so the message can name the line; here only the length. */
const figure = z.string().max(40);

const provenance = z
  .array(
    z
      .object({
        kind: z.enum(PROVENANCE_KINDS),
        ref: text(MAX_PROVENANCE_REF_CHARS),
        label: text(MAX_PROVENANCE_LABEL_CHARS).optional(),
      })
      .strict(),
  )
  .max(MAX_PROVENANCE_PER_BLOCK);

export const proposalSectionSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'issue.notSafeId'),
    title: z.string().trim().min(1).max(SECTION_TITLE_MAX),
    kind: z.enum(PROPOSAL_SECTION_KINDS),
    // Characters, not bytes: the handler checks the UTF-8 size and the document itself.
    bodyJson: z
      .string()
      .min(1)
      .refine((json) => json.length <= MAX_PROPOSAL_SECTION_JSON_BYTES, { message: 'issue.sectionTooLarge', params: { max: MAX_PROPOSAL_SECTION_JSON_BYTES / 1024 / 1024 } }),
    source: provenance,
  })
  .strict();

export const successCriterionSchema = z
  .object({
    metric: text(CRITERION_FIELD_MAX),
    target: text(CRITERION_FIELD_MAX),
    measurement: text(CRITERION_FIELD_MAX),
  })
  .strict();

export const pricingSchema = z
  .object({
    currency: z.string().regex(CURRENCY_PATTERN, 'issue.notCurrency'),
    taxRate: figure,
    discount: z.object({ kind: z.enum(DISCOUNT_KINDS), value: figure }).strict(),
    lines: z
      .array(
        z
          .object({
            id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'issue.notSafeId'),
            item: text(PRICING_TEXT_MAX),
            unit: text(PRICING_TEXT_MAX),
            quantity: figure,
            unitPrice: figure,
            discountPercent: figure.optional(),
          })
          .strict(),
      )
      .max(MAX_PRICING_LINES),
  })
  .strict();

export const timelineSchema = z
  .object({
    start: isoDate,
    phases: z
      .array(
        z
          .object({
            id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'issue.notSafeId'),
            name: text(TIMELINE_TEXT_MAX),
            weeks: z.number().int('issue.wholeNumber').min(1).max(MAX_PHASE_WEEKS),
            deliverables: text(TIMELINE_TEXT_MAX),
            milestone: text(TIMELINE_TEXT_MAX).optional(),
          })
          .strict(),
      )
      .max(MAX_TIMELINE_PHASES),
  })
  .strict();

const title = z.string().trim().min(1).max(PROPOSAL_TITLE_MAX);
const versionSide = z.union([z.literal('current'), id]);
/** Which copy an export is: for the customer (the default) or internal. */
const copy = z.enum(EXPORT_COPIES, { error: 'must be "customer" or "internal"' }).optional();

export const proposalCalls = {
  /** Generates a draft proposal from a template, the engagement, its assessment and risks; returns it with what could not be filled. */
  'proposals.generate': {
    args: z
      .object({
        engagementId: id,
        sessionId: id.optional(),
        templateId: contentId,
        templateVersion: z.number().int().min(1).max(1_000_000).optional(),
        lang: z.enum(LANGS),
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
          .min(1)
          .max(MAX_PROPOSAL_SECTIONS)
          .refine((s) => s.reduce((n, x) => n + x.bodyJson.length, 0) <= MAX_PROPOSAL_SAVE_CHARS, { message: 'issue.totalTooLarge', params: { max: MAX_PROPOSAL_SAVE_CHARS / 1024 / 1024 } })
          .optional(),
        successCriteria: z.array(successCriterionSchema).max(MAX_SUCCESS_CRITERIA).optional(),
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
        status: z.enum(PROPOSAL_STATUSES),
        reason: text(STATUS_REASON_MAX).optional(),
      })
      .strict(),
    result: returns<ProposalDetail>(),
  },
  /** A new draft copied from a proposal (typically sent, won or lost, which stay read-only), to change and send again. */
  'proposals.revise': { args: z.object({ id }).strict(), result: returns<ProposalDetail>() },
  /** Saves the current state as a named version. */
  'proposals.saveVersion': {
    args: z
      .object({ id, name: z.string().trim().min(1).max(VERSION_NAME_MAX) })
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
  /**
   * The pictures an export of the proposal (or of a saved version) would show whose files are not on
   * this device, with where each belongs: asked before exporting, so the user can decide first.
   */
  'proposals.exportMissingFiles': { args: z.object({ id, versionId: id.optional() }).strict(), result: returns<MissingFile[]>() },
  /**
   * What the recipient would notice in this copy of the proposal: unfilled variables (the title
   * included), empty sections, a price table totalling nothing, dates in the timeline text that are
   * not the schedule's, knowledge-base references in a customer copy. Asked before exporting.
   */
  'proposals.exportChecks': { args: z.object({ id, versionId: id.optional(), copy }).strict(), result: returns<ExportFinding[]>() },
  /** About how large this copy's Word file will be; shown before exporting. */
  'proposals.exportDocxSize': { args: z.object({ id, versionId: id.optional(), copy }).strict(), result: returns<ExportSize>() },
  /** The proposal (or one of its saved versions) as a Word document: cover, contents, numbered pages, tables, the timeline chart. */
  'proposals.exportDocx': { args: z.object({ id, versionId: id.optional(), copy }).strict(), result: returns<ExportedFile>() },
  /** The proposal as PDF, printed by the host (Electron); `unavailable` where the print page + the browser's print dialog is the way. */
  'proposals.exportPdf': { args: z.object({ id, copy }).strict(), result: returns<ExportedFile>() },
  /** The proposal as GitHub-flavoured Markdown (tables for criteria, pricing with totals and the timeline). */
  'proposals.exportMarkdown': { args: z.object({ id, copy }).strict(), result: returns<ExportedFile>() },
} as const;
