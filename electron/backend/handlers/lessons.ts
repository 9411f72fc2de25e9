import type { lessonCalls } from '../../../core/api/calls/lessons';
import { listLessons } from '../repos/lesson-repo';
import { codifyNotes, lessonOrFail, saveLesson } from '../services/lessons';
import type { HandlerContext, HandlersFor } from './context';

export function lessonHandlers({ db }: HandlerContext): HandlersFor<typeof lessonCalls> {
  return {
    'lessons.codify': (args) => codifyNotes(db, args),
    'lessons.save': (args) => saveLesson(db, args),
    'lessons.get': ({ id }) => lessonOrFail(db, id),
    'lessons.list': (filter) => listLessons(db, filter),
  };
}
