import { z } from 'zod';
import { contentId } from '../../content/schemas';
import type { AssessmentResult } from '../../assessment/engine';
import type { AssessmentDetail, AssessmentSummary, DefinitionQuestions, DefinitionSummary, UpgradePreview } from '../../assessment/types';
import { ASSESSMENT_STATUSES } from '../../assessment/types';
import { TEXT_ANSWER_MAX } from '../../assessment/validate-answer';
import { bytes, id, maxText, returns } from './common';

/** Guided scenario assessments: definitions, sessions, autosaved answers, upgrades and sign-off. */

import { ANSWER_NOTE_MAX } from '../limits';
/** Largest drawn signature accepted (a PNG); a canvas signature is tens of kB. */
const SIGNATURE_PNG_MAX = 1536 * 1024;

/**
 * An answer value as the renderer may send it; its fit to the question (options, ranges, dates)
 * is checked by the handler against the session's definition. null clears the answer.
 */
const answerValue = z.union([
  maxText(TEXT_ANSWER_MAX),
  z.number().refine(Number.isFinite, 'issue.finiteNumber'),
  z.boolean(),
  z.array(z.string().max(200, 'has an entry longer than 200 characters')).max(200, 'has more than 200 entries'),
  z.null(),
]);
const note = maxText(ANSWER_NOTE_MAX);
const sessionId = id;
const questionId = contentId;
/**
 * The version (core/assessment/answer-version.ts) of the stored value an edit started from: the
 * save is refused as a conflict when the stored value has changed since. Absent: no check.
 */
const baseVersion = z.string().max(40).optional();

export const assessmentCalls = {
  /** The latest version of each assessment definition, optionally for one scenario. */
  'assessments.definitions': {
    args: z.object({ scenario: contentId.optional() }).strict(),
    result: returns<DefinitionSummary[]>(),
  },
  /** The questions of the latest version of each definition for these scenarios (what a template rule can ask about). */
  'assessments.definitionQuestions': {
    args: z.object({ scenarios: z.array(contentId).min(1).max(50) }).strict(),
    result: returns<DefinitionQuestions[]>(),
  },
  /** Starts a session for an engagement on the latest version of a definition. */
  'assessments.start': {
    args: z.object({ engagementId: id, definitionId: contentId }).strict(),
    result: returns<AssessmentDetail>(),
  },
  /** Sessions with their progress and scores, newest activity first; optionally for one engagement. */
  'assessments.list': {
    args: z.object({ engagementId: id.optional(), status: z.enum(ASSESSMENT_STATUSES).optional() }).strict(),
    result: returns<AssessmentSummary[]>(),
  },
  /** One session with its definition version, answers, evaluated result and any newer version. */
  'assessments.get': { args: z.object({ id: sessionId }).strict(), result: returns<AssessmentDetail>() },
  /** Saves one answer durably (validated against the session's definition) and returns the new result. */
  'assessments.answer': {
    args: z.object({ sessionId, questionId, value: answerValue, note: note.optional(), baseVersion }).strict(),
    result: returns<{ savedAt: string; result: AssessmentResult }>(),
  },
  /** Saves the note on one question (photos are attachments owned by `<sessionId>:<questionId>`). */
  'assessments.note': {
    args: z.object({ sessionId, questionId, note, baseVersion }).strict(),
    result: returns<{ savedAt: string }>(),
  },
  /** What moving the session to the newest definition version would add, remove, change and set aside. */
  'assessments.previewUpgrade': { args: z.object({ sessionId }).strict(), result: returns<UpgradePreview>() },
  /** Moves an in-progress session to a newer definition version; answers that no longer fit are set aside. */
  'assessments.upgrade': {
    args: z.object({ sessionId, toVersion: z.number().int().min(1).max(1_000_000) }).strict(),
    result: returns<AssessmentDetail>(),
  },
  /** Completes a session with a sign-off; refused while required visible questions are unanswered. */
  'assessments.complete': {
    args: z
      .object({
        sessionId,
        signoff: z
          .object({
            name: z.string().trim().min(1, 'issue.signerName').max(200),
            role: z.string().trim().max(200),
            /** The drawn signature as PNG bytes. */
            signaturePng: bytes(SIGNATURE_PNG_MAX, { tooLarge: 'issue.signatureTooLarge', empty: 'issue.noSignature' }),
            signedAt: z.iso.datetime({ offset: true, message: 'issue.notDateTime' }).optional(),
          })
          .strict(),
      })
      .strict(),
    result: returns<AssessmentDetail>(),
  },
} as const;
