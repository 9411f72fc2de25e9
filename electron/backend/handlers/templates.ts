import type { templateCalls } from '../../../core/api/calls/templates';
import { listTemplates } from '../repos/template-repo';
import type { HandlerContext, HandlersFor } from './context';

export function templateHandlers({ db }: HandlerContext): HandlersFor<typeof templateCalls> {
  return {
    'templates.list': ({ scenario }) => listTemplates(db, scenario),
  };
}
