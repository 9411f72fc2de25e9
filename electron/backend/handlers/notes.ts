import type { noteCalls } from '../../../core/api/calls/notes';
import { listNotes, noteTags } from '../repos/note-repo';
import { createNote, deleteNote, noteOrFail, saveNote } from '../services/notes';
import type { HandlerContext, HandlersFor } from './context';

export function noteHandlers({ db }: HandlerContext): HandlersFor<typeof noteCalls> {
  return {
    'notes.create': (args) => createNote(db, args),
    'notes.save': (args) => saveNote(db, args),
    'notes.get': ({ id }) => noteOrFail(db, id),
    'notes.list': (filter) => listNotes(db, filter),
    'notes.remove': ({ id }) => deleteNote(db, id),
    'notes.tags': () => noteTags(db),
  };
}
