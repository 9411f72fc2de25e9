import { z } from 'zod';
import { LANGS } from '../../i18n';
import {
  CODIFY_NOTES_MAX,
  EDITABLE_LESSON_STATUSES,
  LESSON_FIELD_MAX,
  LESSON_SCENARIOS_MAX,
  LESSON_STATUSES,
  LESSON_TITLE_MAX,
  type Lesson,
  type LessonSummary,
} from '../../notes/types';
import { id, maxText, returns, timestamp } from './common';
import { tags } from './notes';

/** Lessons codified from field notes, edited until they are ready to submit for review. */

const lessonField = maxText(LESSON_FIELD_MAX);

export const lessonCalls = {
  /** Turns notes into a draft lesson prefilled from their text and their engagement. */
  'lessons.codify': {
    args: z
      .object({
        noteIds: z
          .array(id)
          .min(1)
          .max(CODIFY_NOTES_MAX)
          .refine((ids) => new Set(ids).size === ids.length, 'issue.listedTwice'),
        lang: z.enum(LANGS).optional(),
      })
      .strict(),
    result: returns<Lesson>(),
  },
  /** Saves the fields given; status 'ready' needs a title, problem, action and recommendation. */
  'lessons.save': {
    args: z
      .object({
        id,
        title: maxText(LESSON_TITLE_MAX).optional(),
        context: lessonField.optional(),
        problem: lessonField.optional(),
        action: lessonField.optional(),
        result: lessonField.optional(),
        recommendation: lessonField.optional(),
        scenarios: z
          .array(id)
          .max(LESSON_SCENARIOS_MAX)
          .refine((ids) => new Set(ids).size === ids.length, 'issue.listedTwice')
          .optional(),
        tags: tags.optional(),
        status: z.enum(EDITABLE_LESSON_STATUSES).optional(),
        /** The revision the edits were made on: refused as a conflict when the lesson changed since (another device's sync, a review). */
        baseUpdatedAt: timestamp.optional(),
      })
      .strict(),
    result: returns<Lesson>(),
  },
  /** One lesson with the notes it was codified from. */
  'lessons.get': { args: z.object({ id }).strict(), result: returns<Lesson>() },
  /** Lessons, most recently changed first, by status and engagement. */
  'lessons.list': {
    args: z.object({ status: z.enum(LESSON_STATUSES).optional(), engagementId: id.optional() }).strict(),
    result: returns<LessonSummary[]>(),
  },
} as const;
