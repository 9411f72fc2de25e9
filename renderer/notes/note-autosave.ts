import type { Note } from '../../core/notes/types';
import { noteSizeProblem } from '../../core/notes/lexical-document';
import { mutate } from '../data/query-client';
import type { AutosaveOptions, CopyStore } from '../data/autosave';

/** How a note autosaves (renderer/data/autosave.ts does the work), keyed by the note's id. */

export type NoteDraft = { title: string; bodyJson: string; tags: string[] };

export const NOTE_COPIES: CopyStore<NoteDraft> = {
  prefix: 'fieldbench.note-copy.',
  read: (value) =>
    typeof value.title === 'string' && typeof value.bodyJson === 'string' && Array.isArray(value.tags)
      ? { title: value.title, bodyJson: value.bodyJson, tags: value.tags.filter((t): t is string => typeof t === 'string') }
      : null,
};

export function noteAutosave(note: Note): AutosaveOptions<NoteDraft> {
  return {
    opened: { [note.id]: { draft: { title: note.title, bodyJson: note.bodyJson, tags: note.tags }, version: note.updatedAt } },
    copies: NOTE_COPIES,
    problem: (draft) => noteSizeProblem(draft.bodyJson),
    save: async (id, draft, _changed, version) => {
      const result = await mutate('notes.save', { id, title: draft.title, bodyJson: draft.bodyJson, tags: draft.tags, ...(version !== null && { baseUpdatedAt: version }) });
      return result.ok ? { ok: true, value: { savedAt: result.value.updatedAt, version: result.value.updatedAt } } : result;
    },
  };
}
