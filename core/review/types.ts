import type { Lang } from '../i18n';
import type { KbArticleType } from '../kb/types';

/**
 * Review: consultants submit codified lessons and field notes from their devices; they travel to
 * the author's review space, where knowledge managers take them into review, send them back with
 * comments, reject them, or publish them (one, or several merged) as a knowledge-base article in
 * the published space, which every device receives. Status changes travel back to the author.
 */

export const SUBMISSION_KINDS = ['lesson', 'note'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

export const SUBMISSION_STATUSES = ['submitted', 'in_review', 'returned', 'merged', 'published', 'rejected'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** The statuses that wait for a knowledge manager's decision: the review queue. */
export const OPEN_SUBMISSION_STATUSES = ['submitted', 'in_review'] as const satisfies readonly SubmissionStatus[];

/** Which submissions a list shows: one status, the open queue, or all. */
export const SUBMISSION_FILTERS = ['open', 'all', ...SUBMISSION_STATUSES] as const;
export type SubmissionFilter = (typeof SUBMISSION_FILTERS)[number];

/** Most rows one list answer carries (the newest); `total` says how many matched. */
export const REVIEW_LIST_MAX = 500;

/** A page of submissions: the newest matching ones, how many matched, and how many of each status match the search. */
export type SubmissionList = { items: SubmissionSummary[]; total: number; counts: Record<SubmissionStatus, number> };

/**
 * What waits for this user in Review: on a knowledge manager's device the open queue (submitted
 * or in review; null elsewhere), and the user's own submissions returned with comments, which wait
 * for their changes.
 */
export type ReviewAttention = { open: number | null; returned: number };

/** Statuses a reviewer sets by hand (publishing and merging set theirs with the article). */
export const REVIEW_DECISIONS = ['in_review', 'returned', 'rejected'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const REVIEW_NOTE_MAX = 4000;
export const MERGE_MAX = 20;

/**
 * A file a submission shows (a picture in the note's body, a file attached to the note or lesson):
 * reviewers' devices fetch it by sha256 with the submission, since the record it belongs to stays
 * in the author's own space.
 */
export type SubmissionFile = { sha256: string; name: string; mime: string; size: number };
export const SUBMISSION_FILES_MAX = 100;

/** A lesson as submitted (its fields) or a note (its body and tags), with the files it shows. */
export type SubmissionContent =
  | { kind: 'lesson'; context: string; problem: string; action: string; result: string; recommendation: string; tags: string[]; files?: SubmissionFile[] }
  | { kind: 'note'; bodyJson: string; tags: string[]; files?: SubmissionFile[] };

export type SubmissionSummary = {
  id: string;
  kind: SubmissionKind;
  sourceId: string;
  title: string;
  authorName: string;
  excerpt: string;
  scenarios: string[];
  /** The lesson's or note's tags as submitted. */
  tags: string[];
  status: SubmissionStatus;
  submittedAt: string;
  reviewNote: string;
  reviewedBy: string;
  reviewedAt: string | null;
  articleId: string | null;
  /** True when the article it was published as has since been withdrawn. */
  articleWithdrawn: boolean;
  /** True when this device's user wrote it. */
  mine: boolean;
};

export type Submission = SubmissionSummary & { content: SubmissionContent; text: string };

/** An article published from review, which further submissions can be added to: its filing, how many sources it has, and its text in each language it has. */
export type ReviewArticle = {
  id: string;
  version: number;
  type: KbArticleType;
  scenarios: string[];
  tags: string[];
  sources: number;
  updatedAt: string;
  texts: { lang: Lang; title: string; summary: string }[];
};

/** Most articles one `review.articles` answer lists (the most recently changed). */
export const REVIEW_ARTICLES_MAX = 200;

export type PublishArgs = {
  ids: string[];
  title: string;
  summary: string;
  type: KbArticleType;
  scenarios: string[];
  tags: string[];
  lang: 'en' | 'zh';
  /** An article published from review to add the submissions to, instead of a new article. */
  into?: string;
};
