import { z } from 'zod';
import { LANGS } from '../../i18n';
import type { AssessmentReport } from '../../report/assessment-report';
import { id, returns } from './common';

/** Reports made from an engagement's records, in English or Chinese. */

/**
 * An exported document, and what became of it. A host that saves files itself (Electron: its save
 * dialog, through the backend's platform.saveFile) answers `saved` or `cancelled` and the bytes
 * never reach the renderer; the browser host answers `download` with the bytes, which the renderer
 * offers as a download.
 */
export type ExportedFile = { fileName: string; mime: string; size: number } & (
  | { delivery: 'download'; data: Uint8Array }
  | { delivery: 'saved'; path: string }
  | { delivery: 'cancelled' }
);

/**
 * A picture an export would show whose file is not on this device (an attachment whose row arrived
 * without its file, or whose file was lost). The export keeps a visible placeholder in its place.
 */
export type MissingFile = {
  sha256: string;
  /** The file's name (for a picture in rich text without a stored name, its alternative text). */
  name: string;
  caption: string;
  /** Where it belongs: the question, section or heading it is shown under, in the document's language. */
  where: string;
};

/** About how large an export's Word file will be (told before exporting), and how many pictures it carries. */
export type ExportSize = { bytes: number; pictures: number };

const reportArgs = z.object({ sessionId: id, lang: z.enum(LANGS, { error: 'must be "en" or "zh"' }) }).strict();

export const reportCalls = {
  /** The assessment report as a document model (what the print page shows and the DOCX contains). */
  'reports.assessment': { args: reportArgs, result: returns<AssessmentReport>() },
  /** The photos (and signature) the report in this language would show whose files are not on this device; asked before exporting. */
  'reports.assessmentMissingFiles': { args: reportArgs, result: returns<MissingFile[]>() },
  /** About how large the report's Word file will be; shown before exporting. */
  'reports.assessmentDocxSize': { args: reportArgs, result: returns<ExportSize>() },
  /** The assessment report as PDF, printed by the host (Electron); `unavailable` where the print view is the way. */
  'reports.assessmentPdf': { args: reportArgs, result: returns<ExportedFile>() },
  /** The assessment report as a Word document, for downloading. */
  'reports.assessmentDocx': { args: reportArgs, result: returns<ExportedFile>() },
} as const;
