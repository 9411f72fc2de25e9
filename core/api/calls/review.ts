import { z } from 'zod';
import { LANGS } from '../../i18n';
import { KB_ARTICLE_TYPES } from '../../kb/types';
import { MERGE_MAX, REVIEW_DECISIONS, REVIEW_NOTE_MAX, SUBMISSION_FILTERS, SUBMISSION_KINDS, type ReviewArticle, type ReviewAttention, type Submission, type SubmissionList, type SubmissionSummary } from '../../review/types';
import { id, maxText, noArgs, returns } from './common';
import { bodyJson as articleBody, tags } from './notes';

/** The submissions one publication takes: several are merged into one article. */
const publishedIds = z
  .array(id)
  .min(1)
  .max(MERGE_MAX)
  .refine((ids) => new Set(ids).size === ids.length, 'issue.listedTwice');

/** Submitting lessons and notes for review, and the knowledge managers' review of them. */
export const reviewCalls = {
  /** Submits a lesson (ready or returned) or a field note for review; it syncs to the reviewers. */
  'review.submit': { args: z.object({ kind: z.enum(SUBMISSION_KINDS), id }).strict(), result: returns<SubmissionSummary>() },
  /**
   * Submissions on this device (the user's own; for knowledge managers everyone's), newest first:
   * one status, the open queue (submitted or in review) or all (the default), whose title or
   * author contains `query`.
   */
  'review.list': {
    args: z.object({ status: z.enum(SUBMISSION_FILTERS).optional(), query: z.string().trim().max(200).optional() }).strict(),
    result: returns<SubmissionList>(),
  },
  /** What waits for this user in Review (the navigation's count). */
  'review.attention': { args: noArgs, result: returns<ReviewAttention>() },
  /** The live articles published from review, most recently changed first, whose title contains `query`: what submissions can be added to. */
  'review.articles': { args: z.object({ query: z.string().trim().max(200).optional() }).strict(), result: returns<ReviewArticle[]>() },
  /** The submissions an article was published from (none: it did not come through review). */
  'review.sourcesOf': { args: z.object({ articleId: id }).strict(), result: returns<SubmissionSummary[]>() },
  /**
   * A knowledge manager withdraws an article published from review: every device removes it
   * with its next sync. Its sources stay in Review as they were decided.
   */
  'review.withdraw': { args: z.object({ articleId: id }).strict(), result: returns<{ withdrawn: true }>() },
  /**
   * A knowledge manager changes an article published from review in one language — its title,
   * summary and text (a mistake put right, a translation added) — as its next version; every
   * device receives it. The text may show only pictures the article already travels with.
   */
  'review.revise': {
    args: z.object({ articleId: id, lang: z.enum(LANGS), title: z.string().trim().min(1).max(200), summary: maxText(1000), body: articleBody }).strict(),
    result: returns<{ version: number }>(),
  },
  /** The submission of a lesson or note, if it was submitted. */
  'review.forSource': { args: z.object({ sourceId: id }).strict(), result: returns<SubmissionSummary | null>() },
  /** One submission with its content. */
  'review.get': { args: z.object({ id }).strict(), result: returns<Submission>() },
  /** A knowledge manager takes a submission into review, returns it with comments, or rejects it. */
  'review.decide': {
    args: z.object({ id, status: z.enum(REVIEW_DECISIONS), note: maxText(REVIEW_NOTE_MAX) }).strict(),
    result: returns<SubmissionSummary>(),
  },
  /**
   * A knowledge manager publishes one submission, or merges several, as a new knowledge-base
   * article in the published space (every device receives it); the sources are named in it.
   * With `into`, they are added to an article published from review instead, as its next version.
   * `body` is the text in `lang` as the manager changed it (else the draft, `review.draft`); it
   * may show only its sources' pictures. Which submissions the article came from is recorded
   * with each of them, whatever the text says.
   */
  'review.publish': {
    args: z
      .object({
        ids: publishedIds,
        title: z.string().trim().min(1).max(200),
        summary: maxText(1000),
        type: z.enum(KB_ARTICLE_TYPES),
        scenarios: z.array(id).max(8),
        tags,
        lang: z.enum(LANGS),
        into: id.optional(),
        body: articleBody.optional(),
      })
      .strict(),
    result: returns<{ articleId: string }>(),
  },
  /**
   * The text in `lang` that publishing these submissions (`into` an article) would write: what the
   * manager starts from and may change before publishing. It ends with the list of sources.
   */
  'review.draft': {
    args: z.object({ ids: publishedIds, lang: z.enum(LANGS), into: id.optional() }).strict(),
    result: returns<{ bodyJson: string }>(),
  },
} as const;
