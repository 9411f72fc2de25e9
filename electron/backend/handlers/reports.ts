import type { reportCalls } from '../../../core/api/calls/reports';
import { assessmentDocxSize, assessmentMissingFiles, assessmentReport, assessmentReportDocx, assessmentReportPdf } from '../services/reports';
import type { HandlerContext, HandlersFor } from './context';

export function reportHandlers(ctx: HandlerContext): HandlersFor<typeof reportCalls> {
  return {
    'reports.assessment': ({ sessionId, lang }) => assessmentReport(ctx, sessionId, lang),
    'reports.assessmentMissingFiles': ({ sessionId, lang }) => assessmentMissingFiles(ctx, sessionId, lang),
    'reports.assessmentDocxSize': ({ sessionId, lang }) => assessmentDocxSize(ctx, sessionId, lang),
    'reports.assessmentPdf': ({ sessionId, lang }) => assessmentReportPdf(ctx, sessionId, lang),
    'reports.assessmentDocx': ({ sessionId, lang }) => assessmentReportDocx(ctx, sessionId, lang),
  };
}
