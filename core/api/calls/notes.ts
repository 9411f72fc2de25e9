import { z } from 'zod';
import { MAX_NOTE_JSON_BYTES } from '../../notes/lexical-document';
import {
  NOTE_TITLE_MAX,
  TAG_MAX_CHARS,
  TAGS_MAX,
  type Note,
  type NoteSummary,
  type TagCount,
} from '../../notes/types';
import { id, maxText, noArgs, returns, timestamp } from './common';

/** Field notes: rich text on an engagement, an assessment or one question (lessons.ts codifies them). */

const tag = z.string().trim().min(1).max(TAG_MAX_CHARS);
export const tags = z.array(tag).max(TAGS_MAX);

// The exact 2 MB rule is applied by the handler with a message that says how large the note is;
// this bound only keeps absurd arguments out (a character is at most 3 bytes of UTF-8 in JSON).
export const bodyJson = z.string().min(1).max(MAX_NOTE_JSON_BYTES * 4);


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
      .refine((a) => a.questionId === undefined || a.sessionId !== undefined, { path: ['questionId'], message: 'issue.questionNeedsSession' }),
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
} as const;
