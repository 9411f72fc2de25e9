import { msg } from '../../../core/api/message';
import { ApiFailure } from '../../../core/api/result';
import type { ExportedFile, ExportSize, MissingFile } from '../../../core/api/calls/reports';
import { exportFileName, type ProposalExport } from '../../../core/proposals/export-tables';
import { proposalDocument, proposalMarkdown } from '../../../core/proposals/export-document';
import { checkPricing } from '../../../core/proposals/money';
import { exportFindings, type ExportCopy, type ExportFinding } from '../../../core/proposals/export-checks';
import { localDay } from '../../../core/dates';
import { organisationName, quoteNumber } from '../../../core/organisation/profile';
import { readOrganisation } from '../repos/organisation-repo';
import type { Db } from '../db/connection';
import { documentDocx } from '../export/docx-writer';
import { markdownPackage } from '../export/markdown-package';
import { DOCUMENT_WORDS } from '../../../core/document/words';
import { printCacheDir, readFile } from '../files/attachment-store';
import { getEngagement } from '../repos/engagement-repo';
import { getProposal, getVersion } from '../repos/proposal-repo';
import type { ServiceContext } from './context';
import { notFound } from './found';
import { deliverFile } from '../export/deliver';
import { printedPdf } from './printed-pdf';
import { missingFiles } from '../export/missing-files';
import { docxSizeEstimate } from '../export/size-estimate';

/** Proposals as files for the customer: DOCX, PDF (printed by the host) and Markdown. */

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The print-styled proposal page the host renders to PDF (renderer/proposals/print/ProposalPrintPage.tsx). */
export function proposalPrintRoute(id: string, copy: ExportCopy): string {
  return `/proposals/${encodeURIComponent(id)}/print${copy === 'internal' ? '?copy=internal' : ''}`;
}

/** The proposal (or a saved version of it) with what the cover shows; refuses figures that cannot be totalled. */
function exportOf(db: Db, id: string, versionId: string | undefined, copy: ExportCopy): ProposalExport {
  const proposal = getProposal(db, id);
  if (!proposal) throw notFound('record.proposal', id);
  let content: ProposalExport['proposal'] = proposal;
  let versionName: string | null = null;
  if (versionId !== undefined) {
    const version = getVersion(db, versionId);
    if (!version || version.proposalId !== id) throw new ApiFailure('not_found', msg('error.noVersionOfProposal', { id: versionId }));
    content = version.snapshot;
    versionName = version.name;
  }
  const [problem] = checkPricing(content.pricing);
  if (problem) throw new ApiFailure('bad_request', msg('error.pricingNotTotalled', { problem: problem.message }));
  const engagement = getEngagement(db, proposal.engagementId);
  const organisation = readOrganisation(db);
  return {
    proposal: content,
    customerName: engagement?.customer.name ?? '',
    engagementTitle: engagement?.title ?? '',
    versionName,
    date: localDay(),
    copy,
    organisation,
    quoteNumber: quoteNumber(organisation.quotePattern, proposal),
  };
}

/** The pictures the proposal's document (the same for DOCX, PDF and Markdown) would show whose files are not on this device. */
export function exportMissingFiles({ db, dataDir }: ServiceContext, id: string, versionId: string | undefined): MissingFile[] {
  return missingFiles(db, dataDir, proposalDocument(exportOf(db, id, versionId, 'customer')));
}

/** What the recipient of this copy would notice (export-checks.ts). */
export function exportChecks({ db }: ServiceContext, id: string, versionId: string | undefined, copy: ExportCopy): ExportFinding[] {
  const doc = exportOf(db, id, versionId, copy);
  return exportFindings(doc.proposal, copy, doc.organisation);
}

/** About how large this copy's Word file will be. */
export function exportDocxSize({ db, dataDir }: ServiceContext, id: string, versionId: string | undefined, copy: ExportCopy): ExportSize {
  return docxSizeEstimate(dataDir, proposalDocument(exportOf(db, id, versionId, copy)));
}

export async function exportDocx({ db, dataDir, platform }: ServiceContext, id: string, versionId: string | undefined, copy: ExportCopy): Promise<ExportedFile> {
  const doc = exportOf(db, id, versionId, copy);
  const author = organisationName(doc.organisation, doc.proposal.lang);
  const bytes = await documentDocx(proposalDocument(doc), (sha256) => readFile(dataDir, sha256), { ...(author ? { author } : {}), pictureCacheDir: printCacheDir(dataDir) });
  return deliverFile(platform, { fileName: exportFileName(doc, 'docx'), mime: DOCX_MIME, data: bytes });
}

export async function exportPdf({ db, platform }: ServiceContext, id: string, copy: ExportCopy): Promise<ExportedFile> {
  // Fails with not_found before anything is rendered when the proposal does not exist.
  const doc = exportOf(db, id, undefined, copy);
  const bytes = await printedPdf(platform, proposalPrintRoute(id, copy));
  return deliverFile(platform, { fileName: exportFileName(doc, 'pdf'), mime: 'application/pdf', data: bytes });
}

/** The proposal as Markdown; with its pictures, a zip of the Markdown and an images folder (markdown-package.ts). */
export async function exportMarkdown({ db, dataDir, platform }: ServiceContext, id: string, copy: ExportCopy): Promise<ExportedFile> {
  const doc = exportOf(db, id, undefined, copy);
  const name = exportFileName(doc, 'md');
  const pack = await markdownPackage(proposalMarkdown(doc), name.replace(/\.md$/, ''), (sha256) => readFile(dataDir, sha256), DOCUMENT_WORDS[doc.proposal.lang]);
  if (pack.kind === 'markdown') return deliverFile(platform, { fileName: name, mime: 'text/markdown; charset=utf-8', data: Buffer.from(pack.text, 'utf8') });
  return deliverFile(platform, { fileName: name.replace(/\.md$/, '.zip'), mime: 'application/zip', data: pack.bytes });
}
