import { formatApiMessage } from '../api/message';
import type { AssessmentDetail } from '../assessment/types';
import type { Recommendation } from '../assessment/engine';
import { isAnswered } from '../assessment/engine';
import { pick, type Lang, type Localized } from '../i18n';
import type { RiskItem } from '../risks/types';
import { headingBlock, numberHeadings, paragraphBlock } from '../document/build';
import type { Block, DocumentFile, DocumentModel } from '../document/model';
import { documentTime, PUNCTUATION, withAside } from '../document/typography';
import { answerText, becauseText } from './answer-text';
import { fill, REPORT_LABELS } from './report-labels';

/**
 * The assessment report as a document (core/document/model.ts) that the DOCX writer (backend) and
 * the print page (renderer) both render, so the two exports say exactly the same. Pure: it takes
 * what the backend gathered and returns text, never reading files or the database.
 */

/** A file attached to an answer or the session; `isImage` means its bytes were checked to be an image. */
export type ReportFile = DocumentFile;

export type AssessmentReport = DocumentModel & {
  /** For the file name. */
  customer: string;
};

export type ReportNote = { title: string; text: string; updatedAt: string };

export type ReportInput = {
  detail: AssessmentDetail;
  lang: Lang;
  risks: readonly Pick<RiskItem, 'title' | 'category' | 'likelihood' | 'impact' | 'score' | 'owner' | 'dueDate' | 'status' | 'mitigation'>[];
  notes: readonly ReportNote[];
  /** Attachments per question id (owner `assessment_answers`, id `<sessionId>:<questionId>`). */
  photos: Readonly<Record<string, readonly ReportFile[]>>;
  signature: ReportFile | null;
  /** Titles of what recommendations point to, by ref (template id, `checklist#item`, article id). */
  refTitles: Readonly<Record<string, Localized>>;
  generatedAt: string;
  /** The time zone times are written in (an IANA name); the machine's own when left out. */
  timeZone?: string;
};


const KIND_ORDER: readonly Recommendation['kind'][] = ['template', 'risk', 'article'];

export function buildAssessmentReport(input: ReportInput): AssessmentReport {
  const { detail, lang } = input;
  const L = REPORT_LABELS[lang];
  const def = detail.definition;
  const result = detail.result;
  const t = (value: Localized): string => pick(value, lang);
  const blocks: Block[] = [];
  const title = `${L.title}${PUNCTUATION[lang].colon}${t(def.title)}`;

  // Title block.
  blocks.push(headingBlock(1, title));
  blocks.push({
    kind: 'fields',
    rows: [
      { label: L.customer, value: detail.engagement.customerName },
      { label: L.engagement, value: detail.engagement.title },
      { label: L.assessment, value: withAside(t(def.title), fill(L.definitionVersion, { version: detail.session.definitionVersion }), lang) },
      { label: L.status, value: detail.session.status === 'completed' ? L.statusCompleted : L.statusInProgress },
      { label: L.started, value: documentTime(detail.session.startedAt, lang, input.timeZone) },
      { label: L.completed, value: detail.session.completedAt ? documentTime(detail.session.completedAt, lang, input.timeZone) : L.notCompleted },
      { label: L.generated, value: documentTime(input.generatedAt, lang, input.timeZone) },
    ],
  });

  // Scores, readiness, radar.
  blocks.push(headingBlock(2, L.scores));
  const level = def.readinessLevels.find((l) => l.id === result.readiness);
  blocks.push({
    kind: 'fields',
    rows: [
      { label: L.overall, value: result.overall === null ? L.notScored : fill(L.outOf100, { score: result.overall }) },
      { label: L.readiness, value: level ? `${t(level.label)} — ${t(level.description)}` : L.notScored },
    ],
  });
  const dims = def.dimensions.map((d) => ({ def: d, score: result.dimensions.find((s) => s.id === d.id) }));
  blocks.push({
    kind: 'table',
    columns: [L.dimension, L.weight, L.score, L.points, L.questionsCounted],
    widths: [4, 1.2, 1.2, 1.6, 1.2],
    rows: dims.map(({ def: d, score }) => [
      t(d.label),
      `${Math.round(d.weight * 100)}%`,
      score?.score === null || score === undefined ? L.notScored : String(score.score),
      score && score.max > 0 ? `${score.earned} / ${score.max}` : '—',
      String(score?.answeredQuestions ?? 0),
    ]),
  });
  blocks.push({
    kind: 'radar',
    axes: dims.map(({ def: d, score }) => ({ id: d.id, label: t(d.label), value: score?.score ?? null })),
    caption: L.radarCaption,
    notScored: L.notScored,
    columns: [L.dimension, L.score],
  });

  // Answers by section: what was asked, answered, noted and photographed.
  const visible = new Set(result.visibleQuestions);
  blocks.push(headingBlock(2, L.answers));
  blocks.push(paragraphBlock(fill(L.answeredCount, { answered: result.answeredCount, visible: visible.size }), 'muted'));
  def.sections.forEach((section, s) => {
    const questions = section.questions.filter((q) => visible.has(q.id));
    if (questions.length === 0) return;
    blocks.push(headingBlock(3, `${s + 1}. ${t(section.title)}`));
    questions.forEach((q, i) => {
      const stored = detail.answers[q.id];
      const photos = input.photos[q.id] ?? [];
      const words = isAnswered(stored?.value ?? null) ? answerText(q, stored?.value ?? null, lang) : '';
      blocks.push(paragraphBlock(`${s + 1}.${i + 1} ${t(q.text)}`, 'lead'));
      const rows = [{ label: L.answer, value: words || (q.type === 'evidence' && photos.length > 0 ? `${photos.length} × ${L.photos}` : L.notAnswered) }];
      if (stored?.note.trim()) rows.push({ label: L.note, value: stored.note.trim() });
      blocks.push({ kind: 'fields', rows });
      if (photos.length > 0) blocks.push({ kind: 'files', role: 'photos', files: [...photos], otherFilesLabel: L.otherFiles });
    });
  });
  if (detail.setAside.length > 0) {
    blocks.push(headingBlock(3, L.setAside));
    blocks.push(paragraphBlock(L.setAsideIntro, 'muted'));
    blocks.push({
      kind: 'table',
      columns: [L.question, L.answer, L.reason],
      widths: [2, 2, 3],
      rows: detail.setAside.map((a) => [a.questionId, a.value === null ? '' : Array.isArray(a.value) ? a.value.join(L.listSeparator) : String(a.value), formatApiMessage(a.reason, lang)]),
    });
  }

  // Gaps: the biggest lost points first (the engine sorts them).
  blocks.push(headingBlock(2, L.gaps));
  if (result.gaps.length === 0) blocks.push(paragraphBlock(L.noGaps, 'muted'));
  else
    blocks.push({
      kind: 'table',
      columns: [L.question, L.answer, L.dimension, L.pointsLost],
      widths: [4, 2.5, 2, 1.2],
      rows: result.gaps.map((gap) => {
        const q = def.sections.flatMap((sec) => sec.questions).find((x) => x.id === gap.questionId);
        const dim = def.dimensions.find((d) => d.id === gap.dimension);
        return [q ? t(q.text) : gap.questionId, q ? answerText(q, detail.answers[gap.questionId]?.value ?? null, lang) : '', dim ? t(dim.label) : gap.dimension, String(gap.lost)];
      }),
    });

  // Recommendations grouped by kind, each with its reason and the answers that triggered it.
  blocks.push(headingBlock(2, L.recommendations));
  if (result.recommendations.length === 0) blocks.push(paragraphBlock(L.noRecommendations, 'muted'));
  const kindLabel = { template: L.kindTemplate, risk: L.kindRisk, article: L.kindArticle } as const;
  for (const kind of KIND_ORDER) {
    const recs = result.recommendations.filter((r) => r.kind === kind);
    if (recs.length === 0) continue;
    blocks.push(headingBlock(3, kindLabel[kind]));
    blocks.push({
      kind: 'table',
      columns: [L.recommendation, L.reason, L.because],
      widths: [2.5, 3, 3],
      rows: recs.map((r) => {
        const reason = def.recommendations.find((d) => d.id === r.id)?.reason;
        const refTitle = input.refTitles[r.ref];
        return [refTitle ? t(refTitle) : r.ref, reason ? t(reason) : '', becauseText(def, r.triggeredBy, lang)];
      }),
    });
  }

  // The engagement's risk register.
  blocks.push(headingBlock(2, L.risks));
  if (input.risks.length === 0) blocks.push(paragraphBlock(L.noRisks, 'muted'));
  else
    blocks.push({
      kind: 'table',
      columns: [L.riskTitle, L.category, `${L.likelihood} × ${L.impact}`, L.owner, L.due, L.status, L.mitigation],
      widths: [3, 1.4, 1.4, 1.4, 1.3, 1.3, 3],
      rows: input.risks.map((r) => [
        r.title,
        L.riskCategory[r.category],
        `${r.likelihood} × ${r.impact} = ${r.score}`,
        r.owner,
        r.dueDate ?? '',
        L.riskStatus[r.status],
        r.mitigation,
      ]),
    });

  // Field notes written during the assessment.
  blocks.push(headingBlock(2, L.notes));
  if (input.notes.length === 0) blocks.push(paragraphBlock(L.noNotes, 'muted'));
  for (const note of input.notes) {
    blocks.push(headingBlock(3, note.title));
    blocks.push(paragraphBlock(documentTime(note.updatedAt, lang, input.timeZone), 'muted'));
    for (const para of note.text.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean)) blocks.push(paragraphBlock(para));
  }

  // Sign-off with the drawn signature.
  blocks.push(headingBlock(2, L.signoff));
  const signoff = detail.session.signoff;
  if (!signoff) blocks.push(paragraphBlock(L.notSignedOff, 'muted'));
  else {
    blocks.push({
      kind: 'fields',
      rows: [
        { label: L.name, value: signoff.name },
        { label: L.role, value: signoff.role },
        { label: L.signedAt, value: documentTime(signoff.signedAt, lang, input.timeZone) },
      ],
    });
    if (input.signature) blocks.push({ kind: 'files', role: 'signature', files: [input.signature], otherFilesLabel: L.otherFiles });
    else blocks.push(paragraphBlock(L.noSignatureImage, 'muted'));
  }

  // Chapters are numbered; the answer sections keep the runner's own section numbers under them.
  return { lang, title, customer: detail.engagement.customerName, blocks: numberHeadings(blocks, 2) };
}
