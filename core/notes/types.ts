/** Field notes written on site, and the lessons codified from them. */

export const NOTE_TITLE_MAX = 200;
export const TAG_MAX_CHARS = 50;
export const TAGS_MAX = 30;
/** Notes one lesson may be codified from. */
export const CODIFY_NOTES_MAX = 20;
export const LESSON_TITLE_MAX = 200;
/** Each structured lesson field (context, problem, …). */
export const LESSON_FIELD_MAX = 20_000;
export const LESSON_SCENARIOS_MAX = 8;
/** Characters of a note's text shown in lists. */
export const EXCERPT_CHARS = 160;

/** Where a lesson stands: draft and ready are set here; the rest arrive with review and sync. */
export const LESSON_STATUSES = ['draft', 'ready', 'submitted', 'returned', 'merged'] as const;
export type LessonStatus = (typeof LESSON_STATUSES)[number];
/** The statuses a consultant sets on this device. */
export const EDITABLE_LESSON_STATUSES = ['draft', 'ready'] as const;

/** The lesson fields that must not be empty before a lesson is ready to submit. */
export const READY_REQUIRED_FIELDS = ['title', 'problem', 'action', 'recommendation'] as const;
export type ReadyRequiredField = (typeof READY_REQUIRED_FIELDS)[number];

export type Note = {
  id: string;
  engagementId: string | null;
  /** The engagement's title, for the context line; null when the note belongs to none. */
  engagementTitle: string | null;
  sessionId: string | null;
  questionId: string | null;
  title: string;
  /** The Lexical editor state as JSON text (checked by core/notes/lexical-document.ts). */
  bodyJson: string;
  /** Plain text derived from the body on the backend. */
  text: string;
  tags: string[];
  createdAt: string;
  /** Send it back as baseUpdatedAt when saving, so a save over a newer version is refused. */
  updatedAt: string;
};

export type NoteSummary = {
  id: string;
  engagementId: string | null;
  sessionId: string | null;
  questionId: string | null;
  title: string;
  /** The start of the note's text. */
  excerpt: string;
  tags: string[];
  updatedAt: string;
};

export type TagCount = { tag: string; count: number };

/** A note a lesson was codified from; `removed` when that note was deleted since. */
export type SourceNote = { id: string; title: string; removed: boolean };

export type LessonFields = {
  title: string;
  context: string;
  problem: string;
  action: string;
  result: string;
  recommendation: string;
  /** Scenario ids (see `scenarios.list`). */
  scenarios: string[];
  tags: string[];
};

export type Lesson = LessonFields & {
  id: string;
  engagementId: string | null;
  engagementTitle: string | null;
  status: LessonStatus;
  sourceNotes: SourceNote[];
  createdAt: string;
  updatedAt: string;
};

export type LessonSummary = {
  id: string;
  title: string;
  engagementId: string | null;
  engagementTitle: string | null;
  status: LessonStatus;
  scenarios: string[];
  tags: string[];
  sourceNoteCount: number;
  updatedAt: string;
};

/** Trims tags, drops empty ones and repeats (case-insensitively), keeping the first spelling. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    const key = tag.toLocaleLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** The fields a lesson still needs before it can be marked ready. */
export function missingForReady(fields: Pick<LessonFields, ReadyRequiredField>): ReadyRequiredField[] {
  return READY_REQUIRED_FIELDS.filter((field) => fields[field].trim() === '');
}

/** Space Chinese does not write: between two Chinese characters, and after or before full-width punctuation (。，、…). */
const BETWEEN_CHINESE = /(?<=\p{Script=Han})\s+(?=\p{Script=Han})|(?<=[\u3000-\u303f\uff00-\uffef])\s+|\s+(?=[\u3000-\u303f\uff00-\uffef])/gu;

/** The first characters of a text on one line, for lists: line breaks become spaces, except between Chinese sentences. */
export function excerptOf(text: string, chars = EXCERPT_CHARS): string {
  const flat = text.replace(BETWEEN_CHINESE, '').replace(/\s+/g, ' ').trim();
  return flat.length <= chars ? flat : `${flat.slice(0, chars - 1).trimEnd()}…`;
}
