import { ApiFailure } from '../../../core/api/result';
import { MAX_IMPORT_DOCX_BYTES, type proposalExportCalls } from '../../../core/api/calls/proposal-export';
import { templateCalls } from '../../../core/api/calls/templates';
import { FIXED_TEMPLATE_VARIABLES } from '../../../core/content/template-vars';
import { exportFileName, type ProposalExport } from '../../../core/proposals/export-tables';
import { proposalDocument, proposalMarkdown } from '../../../core/proposals/export-document';
import { checkPricing } from '../../../core/proposals/money';
import { localDay } from '../../../core/risks/rules';
import { documentDocx } from '../export/docx-writer';
import { readFile } from '../files/attachment-store';
import { docxToHtml, templateFromHtml } from '../import/docx-template';
import { listLatestDefinitions } from '../repos/assessment-repo';
import { getEngagement } from '../repos/engagement-repo';
import { getProposal, getVersion } from '../repos/proposal-repo';
import { listScenarios } from '../repos/scenario-repo';
import type { HandlerContext, HandlersFor } from './context';
import { templateHandlers } from './templates';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The print-styled proposal page the host renders to PDF (renderer/proposals/print/ProposalPrintPage.tsx). */
export function proposalPrintRoute(id: string): string {
  return `/proposals/${encodeURIComponent(id)}/print`;
}

export function proposalExportHandlers(ctx: HandlerContext): HandlersFor<typeof proposalExportCalls> {
  const { db, dataDir, platform } = ctx;
  // Imported templates are stored exactly as the template editor stores them: same checks, same versions.
  const templates = templateHandlers(ctx);

  /** The proposal (or a saved version of it) with what the cover shows; refuses figures that cannot be totalled. */
  const exportOf = (id: string, versionId?: string): ProposalExport => {
    const proposal = getProposal(db, id);
    if (!proposal) throw new ApiFailure('not_found', `No proposal with id "${id}"; nothing was exported.`);
    let content: ProposalExport['proposal'] = proposal;
    let versionName: string | null = null;
    if (versionId !== undefined) {
      const version = getVersion(db, versionId);
      if (!version || version.proposalId !== id) throw new ApiFailure('not_found', `No saved version "${versionId}" of this proposal; nothing was exported.`);
      content = version.snapshot;
      versionName = version.name;
    }
    const [problem] = checkPricing(content.pricing);
    if (problem) throw new ApiFailure('bad_request', `The pricing cannot be totalled: ${problem.message}. Correct it in the proposal, then export again.`);
    const engagement = getEngagement(db, proposal.engagementId);
    return {
      proposal: content,
      customerName: engagement?.customer.name ?? '',
      engagementTitle: engagement?.title ?? '',
      versionName,
      date: localDay(),
    };
  };

  const file = (fileName: string, mime: string, bytes: Buffer) => ({ fileName, mime, dataBase64: bytes.toString('base64'), size: bytes.length });

  return {
    'proposals.exportDocx': async ({ id, versionId }) => {
      const doc = exportOf(id, versionId);
      const bytes = await documentDocx(proposalDocument(doc), (sha256) => readFile(dataDir, sha256));
      return file(exportFileName(doc, 'docx'), DOCX_MIME, bytes);
    },
    'proposals.exportPdf': async ({ id }) => {
      if (!platform.printPdf) {
        throw new ApiFailure('unavailable', 'This host cannot make PDF files itself: open the print view and choose Print / Save as PDF.');
      }
      // Fails with not_found before anything is rendered when the proposal does not exist.
      const doc = exportOf(id);
      const bytes = Buffer.from(await platform.printPdf(proposalPrintRoute(id)));
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('the host returned something that is not a PDF');
      return file(exportFileName(doc, 'pdf'), 'application/pdf', bytes);
    },
    'proposals.exportMarkdown': ({ id }) => {
      const doc = exportOf(id);
      return file(exportFileName(doc, 'md'), 'text/markdown; charset=utf-8', Buffer.from(proposalMarkdown(doc), 'utf8'));
    },
    'templates.importDocx': async ({ name, dataBase64, scenarios }) => {
      const bytes = Buffer.from(dataBase64, 'base64');
      if (bytes.length > MAX_IMPORT_DOCX_BYTES) {
        throw new ApiFailure('too_large', `“${name}” is larger than ${MAX_IMPORT_DOCX_BYTES / 1024 / 1024} MB; split the document or remove large pictures. Nothing was imported.`);
      }
      const onDevice = listScenarios(db).map((s) => s.id);
      const unknown = (scenarios ?? []).filter((s) => !onDevice.includes(s));
      if (unknown.length > 0) {
        throw new ApiFailure('bad_request', `scenarios: no scenario "${unknown[0]}" on this device; nothing was imported.`, [{ path: 'scenarios', message: `names unknown scenario "${unknown[0]}"` }]);
      }
      const chosen = scenarios ?? onDevice;
      if (chosen.length === 0) throw new ApiFailure('conflict', 'There are no scenarios on this device yet (the content pack is not imported); nothing was imported.');
      const definitions = listLatestDefinitions(db).filter((d) => chosen.includes(d.definition.scenario));
      const variables = [
        ...FIXED_TEMPLATE_VARIABLES,
        ...definitions.flatMap((d) => d.definition.sections.flatMap((s) => s.questions.map((q) => `answer.${q.id}`))),
        ...definitions.flatMap((d) => d.definition.dimensions.map((x) => `assessment.score.${x.id}`)),
      ];
      const html = await docxToHtml(name, bytes);
      const draft = templateFromHtml(html, { fileName: name, scenarios: chosen, variables });
      // The same schema and limits as a template saved in the editor (at most 200 sections, 2 MB).
      const parsed = templateCalls['templates.save'].args.safeParse({ template: draft.template });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const what = `${issue?.path.join('.') ?? 'template'} ${issue?.message ?? 'is not valid'}`;
        const tooLarge = /more than|larger than/.test(what);
        throw new ApiFailure(tooLarge ? 'too_large' : 'bad_file', `“${name}” makes a template that cannot be stored: ${what}.${tooLarge ? ' Split the document.' : ''} Nothing was imported.`);
      }
      const template = await templates['templates.save'](parsed.data);
      return { template, problems: draft.problems };
    },
  };
}
