import { ApiFailure } from '../../../core/api/result';
import type { reportCalls } from '../../../core/api/calls/reports';
import type { Lang, Localized } from '../../../core/i18n';
import { buildAssessmentReport, type AssessmentReport, type ReportFile } from '../../../core/report/assessment-report';
import { documentDocx } from '../export/docx-writer';
import { readFile } from '../files/attachment-store';
import { listLinks } from '../repos/attachment-repo';
import { getArticleSummaries } from '../repos/kb-repo';
import { listTemplates } from '../repos/template-repo';
import { getChecklist } from '../repos/risk-repo';
import { listSessionNotes } from '../repos/report-repo';
import { assessmentHandlers } from './assessments';
import { riskHandlers } from './risks';
import type { HandlerContext, HandlersFor } from './context';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The print-styled report page the host renders to PDF (renderer/assessments/results/ReportPage.tsx). */
export function reportRoute(sessionId: string, lang: Lang): string {
  return `/assessments/${encodeURIComponent(sessionId)}/report?lang=${lang}`;
}

/** Letters, digits and dashes only: the name must be safe on every file system. */
function fileNamePart(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'assessment'
  );
}

/** e.g. assessment-report-Eastern-Telecom-2026-11-23-en.docx */
function reportFileName(model: AssessmentReport, lang: Lang, extension: 'docx' | 'pdf'): string {
  return `${fileNamePart(`assessment-report-${model.customer}`)}-${new Date().toISOString().slice(0, 10)}-${lang}.${extension}`;
}

export function reportHandlers(ctx: HandlerContext): HandlersFor<typeof reportCalls> {
  const { db, dataDir, platform } = ctx;
  // The report shows exactly what the assessment and risk screens show: it reads through their handlers.
  const assessments = assessmentHandlers(ctx);
  const risks = riskHandlers(ctx);

  /** Titles of everything the session's recommendations point to, by ref. */
  function refTitles(refs: { kind: 'template' | 'risk' | 'article'; ref: string }[]): Record<string, Localized> {
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

  async function report(sessionId: string, lang: Lang): Promise<AssessmentReport> {
    const detail = await assessments['assessments.get']({ id: sessionId });
    const files = (ownerTable: 'assessment_answers' | 'assessment_sessions', ownerId: string): ReportFile[] =>
      listLinks(db, ownerTable, ownerId).map((a) => ({ sha256: a.sha256, name: a.name, caption: a.caption, mime: a.mime, isImage: a.isImage }));
    const photos: Record<string, ReportFile[]> = {};
    for (const questionId of detail.result.visibleQuestions) {
      const list = files('assessment_answers', `${sessionId}:${questionId}`);
      if (list.length > 0) photos[questionId] = list;
    }
    const signatureSha = detail.session.signoff?.signatureSha256;
    const signature = signatureSha ? (files('assessment_sessions', sessionId).find((f) => f.sha256 === signatureSha) ?? null) : null;
    return buildAssessmentReport({
      detail,
      lang,
      risks: await risks['risks.list']({ engagementId: detail.engagement.id }),
      notes: listSessionNotes(db, sessionId),
      photos,
      signature,
      refTitles: refTitles(detail.result.recommendations),
      generatedAt: new Date().toISOString(),
    });
  }

  return {
    'reports.assessment': ({ sessionId, lang }) => report(sessionId, lang),
    'reports.assessmentPdf': async ({ sessionId, lang }) => {
      if (!platform.printPdf) {
        throw new ApiFailure('unavailable', 'This host cannot make PDF files itself: open the print view and choose Print / Save as PDF.');
      }
      // Fails with not_found before anything is rendered when the session does not exist.
      const model = await report(sessionId, lang);
      const bytes = Buffer.from(await platform.printPdf(reportRoute(sessionId, lang)));
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('the host returned something that is not a PDF');
      const fileName = reportFileName(model, lang, 'pdf');
      return { fileName, mime: 'application/pdf', dataBase64: bytes.toString('base64'), size: bytes.length };
    },
    'reports.assessmentDocx': async ({ sessionId, lang }) => {
      const model = await report(sessionId, lang);
      const bytes = await documentDocx(model, (sha256) => readFile(dataDir, sha256));
      const fileName = reportFileName(model, lang, 'docx');
      return { fileName, mime: DOCX_MIME, dataBase64: bytes.toString('base64'), size: bytes.length };
    },
  };
}
