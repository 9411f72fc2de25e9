import type { checklistCalls } from '../../../core/api/calls/checklists';
import { listChecklists } from '../repos/risk-repo';
import { checklistOrFail } from '../services/risks';
import type { HandlerContext, HandlersFor } from './context';

export function checklistHandlers({ db }: HandlerContext): HandlersFor<typeof checklistCalls> {
  return {
    'checklists.list': ({ scenario }) => listChecklists(db, scenario),
    'checklists.get': ({ id }) => checklistOrFail(db, id),
  };
}
