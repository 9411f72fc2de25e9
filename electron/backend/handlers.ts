import type { Handlers } from '../../core/api/dispatch';
import { joinMaps } from '../../core/api/join';
import { appHandlers } from './handlers/app';
import { settingsHandlers } from './handlers/settings';
import { organisationHandlers } from './handlers/organisation';
import { contentHandlers } from './handlers/content';
import { scenarioHandlers } from './handlers/scenarios';
import { kbHandlers } from './handlers/kb';
import { attachmentHandlers } from './handlers/attachments';
import { checklistHandlers } from './handlers/checklists';
import { riskHandlers } from './handlers/risks';
import { customerHandlers } from './handlers/customers';
import { engagementHandlers } from './handlers/engagements';
import { assessmentHandlers } from './handlers/assessments';
import { templateHandlers } from './handlers/templates';
import { reportHandlers } from './handlers/reports';
import { noteHandlers } from './handlers/notes';
import { lessonHandlers } from './handlers/lessons';
import { proposalHandlers } from './handlers/proposals';
import { backupHandlers } from './handlers/backups';
import { syncHandlers } from './handlers/sync';
import { reviewHandlers } from './handlers/review';
import type { HandlerContext } from './handlers/context';

export type { HandlerContext } from './handlers/context';

/**
 * The backend's handler table: one table per call prefix (handlers/<prefix>.ts, the same split as
 * core/api/calls), joined so that a name handled twice fails to compile and fails at start-up.
 */
export function createHandlers(ctx: HandlerContext): Handlers {
  return joinMaps([
    appHandlers(ctx),
    settingsHandlers(ctx),
    organisationHandlers(ctx),
    contentHandlers(ctx),
    scenarioHandlers(ctx),
    kbHandlers(ctx),
    attachmentHandlers(ctx),
    checklistHandlers(ctx),
    riskHandlers(ctx),
    customerHandlers(ctx),
    engagementHandlers(ctx),
    assessmentHandlers(ctx),
    templateHandlers(ctx),
    reportHandlers(ctx),
    noteHandlers(ctx),
    lessonHandlers(ctx),
    proposalHandlers(ctx),
    backupHandlers(ctx),
    syncHandlers(ctx),
    reviewHandlers(ctx),
  ]);
}
