import type { organisationCalls } from '../../../core/api/calls/organisation';
import { readOrganisation, writeOrganisation, writeOrganisationLogo } from '../repos/organisation-repo';
import { storeLogo } from '../services/organisation';
import type { HandlerContext, HandlersFor } from './context';

export function organisationHandlers(ctx: HandlerContext): HandlersFor<typeof organisationCalls> {
  const { db } = ctx;
  return {
    'organisation.get': () => readOrganisation(db),
    'organisation.save': ({ profile }) => writeOrganisation(db, profile),
    'organisation.setLogo': (file) => writeOrganisationLogo(db, storeLogo(ctx, file)),
    'organisation.removeLogo': () => writeOrganisationLogo(db, null),
  };
}
