import { z } from 'zod';
import { LANGS } from '../../i18n';
import type { AssessmentReport } from '../../report/assessment-report';
import { id, returns } from './common';

/** Reports made from an engagement's records, in English or Chinese. */

export type ExportedFile = { fileName: string; mime: string; dataBase64: string; size: number };

const reportArgs = z.object({ sessionId: id, lang: z.enum(LANGS, { error: 'must be "en" or "zh"' }) }).strict();

export const reportCalls = {
  /** The assessment report as a document model (what the print page shows and the DOCX contains). */
  'reports.assessment': { args: reportArgs, result: returns<AssessmentReport>() },
  /** The assessment report as PDF, printed by the host (Electron); `unavailable` where the print view is the way. */
  'reports.assessmentPdf': { args: reportArgs, result: returns<ExportedFile>() },
  /** The assessment report as a Word document, for downloading. */
  'reports.assessmentDocx': { args: reportArgs, result: returns<ExportedFile>() },
} as const;
