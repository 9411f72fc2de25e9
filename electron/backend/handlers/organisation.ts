import type { organisationCalls } from '../../../core/api/calls/organisation';
import { readOrganisation, writeOrganisation } from '../repos/organisation-repo';
import type { HandlerContext, HandlersFor } from './context';

export function organisationHandlers({ db }: HandlerContext): HandlersFor<typeof organisationCalls> {
  return {
    'organisation.get': () => readOrganisation(db),
    'organisation.save': ({ profile }) => writeOrganisation(db, profile),
  };
}
