import { z } from 'zod';
import { contentId } from '../../content/schemas';
import type { ImportProblem } from '../../templates/docx-import';
import { bytes, id, returns } from './common';
import type { ExportedFile } from './reports';
import type { TemplateDetail } from './templates';

/** Proposals as DOCX, PDF and Markdown files; Word documents imported as POC templates. */

/** Largest Word document accepted for import. */
export const MAX_IMPORT_DOCX_BYTES = 20 * 1024 * 1024;

export type DocxImportResult = {
  /** The template as stored (a new user template, or the next version of one with the same id). */
  template: TemplateDetail;
  /** What could not be carried over as it was, each naming the section. */
  problems: ImportProblem[];
};

export const proposalExportCalls = {
  /** The proposal (or one of its saved versions) as a Word document: cover, contents, numbered pages, tables, the timeline chart. */
  'proposals.exportDocx': { args: z.object({ id, versionId: id.optional() }).strict(), result: returns<ExportedFile>() },
  /** The proposal as PDF, printed by the host (Electron); `unavailable` where the print page + the browser's print dialog is the way. */
  'proposals.exportPdf': { args: z.object({ id }).strict(), result: returns<ExportedFile>() },
  /** The proposal as GitHub-flavoured Markdown (tables for criteria, pricing with totals and the timeline). */
  'proposals.exportMarkdown': { args: z.object({ id }).strict(), result: returns<ExportedFile>() },
  /** Imports a Word document as a new POC template draft (sections at Heading 1/2); refused with bad_file when it is not one. */
  'templates.importDocx': {
    args: z
      .object({
        name: z
          .string()
          .trim()
          .min(1, 'is empty; give the file name')
          .max(255, 'is too long; a file name has at most 255 characters')
          .regex(/\.docx$/i, 'must end in .docx; only Word documents (.docx) can be imported'),
        /** The Word document's bytes. */
        data: bytes(MAX_IMPORT_DOCX_BYTES, {
          tooLarge: `is larger than ${MAX_IMPORT_DOCX_BYTES / 1024 / 1024} MB; split the document or remove large pictures`,
          empty: 'is empty; the file has no content',
        }),
        /** The scenarios the template is for; every scenario on this device when left out. */
        scenarios: z.array(contentId).min(1, 'must name at least one scenario').max(50, 'can name at most 50 scenarios').optional(),
      })
      .strict(),
    result: returns<DocxImportResult>(),
  },
} as const;
