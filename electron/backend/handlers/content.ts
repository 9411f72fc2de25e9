import type { contentCalls } from '../../../core/api/calls/content';
import { contentStatus } from '../repos/content-repo';
import type { HandlerContext, HandlersFor } from './context';

export function contentHandlers({ db }: HandlerContext): HandlersFor<typeof contentCalls> {
  return {
    'content.status': () => contentStatus(db),
  };
}
