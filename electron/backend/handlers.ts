import type { Handlers } from '../../core/api/dispatch';
import { appHandlers } from './handlers/app';
import { kbHandlers } from './handlers/kb';
import { attachmentHandlers } from './handlers/attachments';
import { assessmentHandlers } from './handlers/assessments';
import { templateHandlers } from './handlers/templates';
import { reportHandlers } from './handlers/reports';
import { riskHandlers } from './handlers/risks';
import { engagementHandlers } from './handlers/engagements';
import { noteHandlers } from './handlers/notes';
import { proposalHandlers } from './handlers/proposals';
import { proposalExportHandlers } from './handlers/proposal-export';
import type { HandlerContext } from './handlers/context';

export type { HandlerContext } from './handlers/context';

/** The backend's handler table: every domain's handlers joined (see core/api/contract.ts). */
export function createHandlers(ctx: HandlerContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...kbHandlers(ctx),
    ...attachmentHandlers(ctx),
    ...assessmentHandlers(ctx),
    ...templateHandlers(ctx),
    ...reportHandlers(ctx),
    ...riskHandlers(ctx),
    ...engagementHandlers(ctx),
    ...noteHandlers(ctx),
    ...proposalHandlers(ctx),
    ...proposalExportHandlers(ctx),
  };
}
