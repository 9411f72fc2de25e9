import type { contentCalls } from '../../../core/api/calls/content';
import { contentStatus } from '../repos/content-repo';
import { dismissPackUpdate } from '../services/pack-updates';
import type { HandlerContext, HandlersFor } from './context';

export function contentHandlers({ db }: HandlerContext): HandlersFor<typeof contentCalls> {
  return {
    'content.status': () => contentStatus(db),
    'content.dismissUpdate': (args) => dismissPackUpdate(db, args, new Date()),
  };
}
