import { documentLogo, organisationName } from '../../../core/organisation/profile';
import { readOrganisation } from '../repos/organisation-repo';
import type { Lang, Localized } from '../../../core/i18n';
import type { ExportedFile, ExportSize, MissingFile } from '../../../core/api/calls/reports';
import { buildAssessmentReport, type AssessmentReport, type ReportFile } from '../../../core/report/assessment-report';
import { localDay } from '../../../core/dates';
import { documentDocx } from '../export/docx-writer';
import { printCacheDir, readFile } from '../files/attachment-store';
import { listLinks } from '../repos/attachment-repo';
import { getArticleSummaries } from '../repos/kb-repo';
import { listSessionNotes } from '../repos/report-repo';
import { getChecklist, listRisks } from '../repos/risk-repo';
import { listTemplates } from '../repos/template-repo';
import { sessionDetail } from './assessments';
import type { ServiceContext } from './context';
import { deliverFile } from '../export/deliver';
import { printedPdf } from './printed-pdf';
import { missingFiles } from '../export/missing-files';
import { docxSizeEstimate } from '../export/size-estimate';
import { getEngagement } from '../repos/engagement-repo';
import { fileNamePart } from '../../../core/document/file-name';

/** The assessment report: one document model that the print page shows and the DOCX contains. */

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The print-styled report page the host renders to PDF (renderer/assessments/results/ReportPage.tsx). */
export function reportRoute(sessionId: string, lang: Lang): string {
  return `/assessments/${encodeURIComponent(sessionId)}/report?lang=${lang}`;
}

/** e.g. assessment-report-Eastern-Telecom-2026-11-23-en.docx */
function reportFileName(model: AssessmentReport, lang: Lang, extension: 'docx' | 'pdf'): string {
  return `assessment-report-${fileNamePart(model.customer, 'customer', 50)}-${localDay()}-${lang}.${extension}`;
}

/** Titles of everything the session's recommendations point to, by ref. */
function refTitles({ db }: ServiceContext, refs: { kind: 'template' | 'risk' | 'article'; ref: string }[]): Record<string, Localized> {
  const titles: Record<string, Localized> = {};
  const wanted = (kind: string) => refs.filter((r) => r.kind === kind).map((r) => r.ref);
  const templateIds = new Set(wanted('template'));
  if (templateIds.size > 0) for (const t of listTemplates(db)) if (templateIds.has(t.id)) titles[t.id] = t.title;
  for (const a of getArticleSummaries(db, wanted('article'))) titles[a.id] = a.title;
  const byChecklist = new Map<string, string[]>();
  for (const ref of wanted('risk')) {
    const [checklistId = '', itemId = ''] = ref.split('#');
    byChecklist.set(checklistId, [...(byChecklist.get(checklistId) ?? []), itemId]);
  }
  for (const [checklistId, itemIds] of byChecklist) {
    const checklist = getChecklist(db, checklistId);
    for (const item of checklist?.items ?? []) if (itemIds.includes(item.id)) titles[`${checklistId}#${item.id}`] = item.title;
  }
  return titles;
}

/** The report shows exactly what the assessment and risk screens show: it reads through the same services and repositories. */
export function assessmentReport(ctx: ServiceContext, sessionId: string, lang: Lang): AssessmentReport {
  const { db } = ctx;
  const detail = sessionDetail(ctx, sessionId);
  const files = (ownerTable: 'assessment_answers' | 'assessment_sessions', ownerId: string): ReportFile[] =>
    listLinks(db, ownerTable, ownerId).map((a) => ({ sha256: a.sha256, name: a.name, caption: a.caption, mime: a.mime, isImage: a.isImage }));
  const photos: Record<string, ReportFile[]> = {};
  for (const questionId of detail.result.visibleQuestions) {
    const list = files('assessment_answers', `${sessionId}:${questionId}`);
    if (list.length > 0) photos[questionId] = list;
  }
  const signatureSha = detail.session.signoff?.signatureSha256;
  const signature = signatureSha ? (files('assessment_sessions', sessionId).find((f) => f.sha256 === signatureSha) ?? null) : null;
  const timeZone = getEngagement(db, detail.engagement.id)?.timeZone;
  const report = buildAssessmentReport({
    detail,
    lang,
    risks: listRisks(db, { engagementId: detail.engagement.id }, localDay()),
    notes: listSessionNotes(db, sessionId),
    photos,
    signature,
    refTitles: refTitles(ctx, detail.result.recommendations),
    generatedAt: new Date().toISOString(),
    // Times as the site keeps them; without a zone set, the device's.
    ...(timeZone ? { timeZone } : {}),
  });
  return { ...report, ...documentLogo(readOrganisation(db), lang) };
}

/** The photos and the signature the report would show whose files are not on this device. */
export function assessmentMissingFiles(ctx: ServiceContext, sessionId: string, lang: Lang): MissingFile[] {
  return missingFiles(ctx.db, ctx.dataDir, assessmentReport(ctx, sessionId, lang));
}

/** About how large the report's Word file will be. */
export function assessmentDocxSize(ctx: ServiceContext, sessionId: string, lang: Lang): ExportSize {
  return docxSizeEstimate(ctx.dataDir, assessmentReport(ctx, sessionId, lang));
}

export async function assessmentReportDocx(ctx: ServiceContext, sessionId: string, lang: Lang): Promise<ExportedFile> {
  const model = assessmentReport(ctx, sessionId, lang);
  const author = organisationName(readOrganisation(ctx.db), lang);
  const bytes = await documentDocx(model, (sha256) => readFile(ctx.dataDir, sha256), { ...(author ? { author } : {}), pictureCacheDir: printCacheDir(ctx.dataDir) });
  return deliverFile(ctx.platform, { fileName: reportFileName(model, lang, 'docx'), mime: DOCX_MIME, data: bytes });
}

export async function assessmentReportPdf(ctx: ServiceContext, sessionId: string, lang: Lang): Promise<ExportedFile> {
  // Fails with not_found before anything is rendered when the session does not exist.
  const model = assessmentReport(ctx, sessionId, lang);
  const bytes = await printedPdf(ctx.platform, reportRoute(sessionId, lang));
  return deliverFile(ctx.platform, { fileName: reportFileName(model, lang, 'pdf'), mime: 'application/pdf', data: bytes });
}
