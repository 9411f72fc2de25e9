import type { ApiMessage } from '../api/message';
import type { Question } from '../content/schemas';
import type { Localized } from '../i18n';
import type { AssessmentResult, Definition } from './engine';
import type { AnswerValue } from './logic';

/** What the assessment calls return: sessions, their answers, definition summaries, upgrades. */

export const ASSESSMENT_STATUSES = ['in-progress', 'completed'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** Who signed a completed assessment off; the drawn signature is an attachment of the session. */
export type Signoff = { name: string; role: string; signedAt: string; signatureSha256: string };

/** One stored answer; `value` is null when only a note was written (or the answer was cleared). */
export type StoredAnswer = { value: AnswerValue; note: string; updatedAt: string };

/** An answer that did not fit the definition version a session moved to, kept so it can be read back. */
export type SetAsideAnswer = { questionId: string; value: AnswerValue; note: string; reason: ApiMessage; fromVersion: number; setAsideAt: string };

export type AssessmentSession = {
  id: string;
  engagementId: string;
  definitionId: string;
  definitionVersion: number;
  status: AssessmentStatus;
  startedAt: string;
  updatedAt: string;
  completedAt: string | null;
  signoff: Signoff | null;
};

export type AssessmentDetail = {
  session: AssessmentSession;
  engagement: { id: string; title: string; customerName: string };
  /** The definition of the version the session runs on (not necessarily the newest). */
  definition: Definition;
  answers: Record<string, StoredAnswer>;
  /** evaluateAssessment over the stored answers. */
  result: AssessmentResult;
  /** The newest stored version of the definition when it is newer than the session's, else null. */
  newerVersion: number | null;
  /** Answers set aside by upgrades, oldest first. */
  setAside: SetAsideAnswer[];
  /** How many photos and files each question has (questions without any are left out). */
  fileCounts: Record<string, number>;
};

export type AssessmentSummary = {
  id: string;
  engagementId: string;
  engagementTitle: string;
  customerName: string;
  definitionId: string;
  definitionVersion: number;
  title: Localized;
  status: AssessmentStatus;
  answered: number;
  visibleTotal: number;
  readiness: string | null;
  overall: number | null;
  startedAt: string;
  updatedAt: string;
  completedAt: string | null;
};

/** `questionCount` counts every question; `questionsAtStart` those asked before any answer opens more (conditional ones). */
export type DefinitionSummary = { id: string; version: number; scenarioId: string; title: Localized; questionCount: number; questionsAtStart: number };

/** A definition's questions (every section's, in order), for screens that name questions outside a session: the template rule builder. */
export type DefinitionQuestions = { id: string; version: number; scenarioId: string; title: Localized; questions: Question[] };

/** What moving a session to a newer definition version would do, question by question. */
export type UpgradePreview = {
  from: number;
  to: number;
  diff: {
    added: { questionId: string; text: Localized }[];
    removed: { questionId: string; text: Localized }[];
    changed: { questionId: string; text: Localized; fields: string[] }[];
  };
  setAside: { questionId: string; text: Localized; value: AnswerValue; reason: ApiMessage }[];
};
