import type { engagementCalls } from '../../../core/api/calls/engagements';
import { listEngagements } from '../repos/engagement-repo';
import { changeEngagement, createEngagement, deleteEngagement, engagementOrFail } from '../services/engagements';
import type { HandlerContext, HandlersFor } from './context';

export function engagementHandlers({ db }: HandlerContext): HandlersFor<typeof engagementCalls> {
  return {
    'engagements.create': (args) => createEngagement(db, args),
    'engagements.update': (args) => changeEngagement(db, args),
    'engagements.list': (filter) => listEngagements(db, filter),
    'engagements.get': ({ id }) => engagementOrFail(db, id),
    'engagements.remove': ({ id }) => deleteEngagement(db, id),
  };
}
