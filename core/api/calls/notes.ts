import { z } from 'zod';
import { LANGS } from '../../i18n';
import { MAX_NOTE_JSON_BYTES } from '../../notes/lexical-document';
import {
  CODIFY_NOTES_MAX,
  EDITABLE_LESSON_STATUSES,
  LESSON_FIELD_MAX,
  LESSON_SCENARIOS_MAX,
  LESSON_STATUSES,
  LESSON_TITLE_MAX,
  NOTE_TITLE_MAX,
  TAG_MAX_CHARS,
  TAGS_MAX,
  type Lesson,
  type LessonSummary,
  type Note,
  type NoteSummary,
  type TagCount,
} from '../../notes/types';
import { id, maxText, noArgs, returns } from './common';

/** Field notes (rich text on an engagement, an assessment or one question) and lessons codified from them. */

const tag = z.string().trim().min(1, 'must not be empty').max(TAG_MAX_CHARS, `is too long; at most ${TAG_MAX_CHARS} characters`);
const tags = z.array(tag).max(TAGS_MAX, `can list at most ${TAGS_MAX} tags`);

// The exact 2 MB rule is applied by the handler with a message that says how large the note is;
// this bound only keeps absurd arguments out (a character is at most 3 bytes of UTF-8 in JSON).
const bodyJson = z.string().min(1, 'must not be empty').max(MAX_NOTE_JSON_BYTES * 4, `is far larger than the ${MAX_NOTE_JSON_BYTES / 1024 / 1024} MB a note may have`);

/** An ISO timestamp as returned in updatedAt. */
const timestamp = z.string().max(40).regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/, 'must be a timestamp as returned in updatedAt');

const lessonField = maxText(LESSON_FIELD_MAX);

export const noteCalls = {
  /** Creates a note on an engagement, an assessment session or one question of it. */
  'notes.create': {
    args: z
      .object({
        engagementId: id.optional(),
        sessionId: id.optional(),
        questionId: id.optional(),
        title: maxText(NOTE_TITLE_MAX).default(''),
        bodyJson: bodyJson.optional(),
        tags: tags.optional(),
      })
      .strict()
      .refine((a) => a.questionId === undefined || a.sessionId !== undefined, { path: ['questionId'], message: 'needs the sessionId of the assessment it belongs to' }),
    result: returns<Note>(),
  },
  /** Saves the fields given (autosave); refused as a conflict when baseUpdatedAt is older than the stored note. */
  'notes.save': {
    args: z.object({ id, title: maxText(NOTE_TITLE_MAX).optional(), bodyJson: bodyJson.optional(), tags: tags.optional(), baseUpdatedAt: timestamp.optional() }).strict(),
    result: returns<Note>(),
  },
  /** One note with its body and the engagement it belongs to. */
  'notes.get': { args: z.object({ id }).strict(), result: returns<Note>() },
  /** Notes, most recently changed first, filtered by where they belong and by tag. */
  'notes.list': {
    args: z.object({ engagementId: id.optional(), sessionId: id.optional(), questionId: id.optional(), tag: tag.optional() }).strict(),
    result: returns<NoteSummary[]>(),
  },
  /** Deletes a note (a tombstone) and takes it out of search. */
  'notes.remove': { args: z.object({ id }).strict(), result: returns<{ removed: boolean }>() },
  /** Tags used on notes with how often, most used first, for suggestions. */
  'notes.tags': { args: noArgs, result: returns<TagCount[]>() },
  /** Turns notes into a draft lesson prefilled from their text and their engagement. */
  'lessons.codify': {
    args: z
      .object({
        noteIds: z
          .array(id)
          .min(1, 'must name at least one note')
          .max(CODIFY_NOTES_MAX, `can name at most ${CODIFY_NOTES_MAX} notes`)
          .refine((ids) => new Set(ids).size === ids.length, 'names the same note twice'),
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
          .max(LESSON_SCENARIOS_MAX, `can name at most ${LESSON_SCENARIOS_MAX} scenarios`)
          .refine((ids) => new Set(ids).size === ids.length, 'lists the same scenario twice')
          .optional(),
        tags: tags.optional(),
        status: z.enum(EDITABLE_LESSON_STATUSES).optional(),
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
