import { describe, expect, it } from 'vitest';
import { evaluateAssessment } from '../../core/assessment/engine';
import type { AssessmentDetail, StoredAnswer } from '../../core/assessment/types';
import { buildAssessmentReport, type AssessmentReport, type ReportInput } from '../../core/report/assessment-report';
import { documentDay, documentTime } from '../../core/document/typography';
import { blockText, cellText, documentPlainText } from '../../core/document/text';
import { answerText, becauseText } from '../../core/report/answer-text';
import { radarGeometry, hasScores } from '../../core/report/radar-geometry';
import { radarSvg } from '../../core/report/radar-svg';
import { ICS_ANSWERS, icsDefinition } from '../helpers/ics-assessment';
import type { Question } from '../../core/content/schemas';

const AT = '2026-03-14T09:30:00.000Z';

function detail(overrides: Partial<AssessmentDetail['session']> = {}, answers = ICS_ANSWERS): AssessmentDetail {
  const definition = icsDefinition();
  const stored: Record<string, StoredAnswer> = {};
  for (const [id, value, note] of answers) stored[id] = { value, note: note ?? '', updatedAt: AT };
  const values = Object.fromEntries(answers.map(([id, value]) => [id, value]));
  return {
    session: {
      id: 's1',
      engagementId: 'e1',
      definitionId: definition.id,
      definitionVersion: definition.version,
      status: 'completed',
      startedAt: '2026-03-14T08:00:00.000Z',
      updatedAt: AT,
      completedAt: AT,
      signoff: { name: 'Li Wei', role: 'Head of customer service', signedAt: AT, signatureSha256: 'f'.repeat(64) },
      ...overrides,
    },
    engagement: { id: 'e1', title: 'Contact centre pilot', customerName: 'Northwind Telecom' },
    definition,
    answers: stored,
    result: evaluateAssessment(definition, values),
    newerVersion: null,
    setAside: [],
    fileCounts: {},
  };
}

function input(partial: Partial<ReportInput> = {}): ReportInput {
  return {
    detail: detail(),
    lang: 'en',
    risks: [{ title: 'Recordings lack a consent notice', category: 'compliance', likelihood: 4, impact: 5, score: 20, owner: 'Legal', dueDate: '2026-04-01', status: 'open', mitigation: 'Add the notice to the IVR greeting.' }],
    notes: [{ title: 'Site visit', text: 'Queue board shows 43 waiting.\n\nSupervisor keeps a paper log.', updatedAt: AT }],
    photos: { 'current-process-photos': [{ sha256: 'a'.repeat(64), name: 'queue-board.jpg', caption: 'Queue board at 10:00', mime: 'image/jpeg', isImage: true }] },
    signature: { sha256: 'f'.repeat(64), name: 'signature.png', caption: '', mime: 'image/png', isImage: true },
    refTitles: {
      'poc-ics-voicebot': { en: 'Voice bot POC', zh: '语音机器人 POC' },
      'rc-personal-information#recording-consent': { en: 'Call recordings without consent', zh: '录音未获同意' },
    },
    generatedAt: AT,
    timeZone: 'Asia/Shanghai',
    ...partial,
  };
}

const texts = (report: AssessmentReport): string => documentPlainText(report);

const headings = (report: AssessmentReport, level: 1 | 2 | 3): string[] =>
  report.blocks.flatMap((b) => (b.kind === 'heading' && b.level === level ? [blockText(b)] : []));

describe('assessment report model', () => {
  it('has a title block, scores, answers by section, gaps, recommendations, risks, notes and sign-off, in that order', () => {
    const report = buildAssessmentReport(input());
    expect(report.title).toBe(`Assessment report: ${icsDefinition().title.en}`);
    expect(headings(report, 2)).toEqual(['1 Scores and readiness', '2 Answers', '3 Gaps', '4 Recommendations', '5 Risk register', '6 Field notes', '7 Sign-off']);
    const text = texts(report);
    expect(text).toContain('Customer: Northwind Telecom');
    expect(text).toContain('Engagement: Contact centre pilot');
    expect(text).toContain('Overall score: 76.4 / 100');
    expect(text).toMatch(/Readiness: .+ — .+/);
    expect(text).toContain('Completed: 2026-03-14 17:30 (UTC+8)');
    // Answers in words: option labels, Yes/No, numbers with units, notes.
    expect(text).toContain('Answer: Voice hotline, WeChat official account or mini program');
    expect(text).toContain('Answer: 250,000 contacts / month');
    expect(text).toContain('Note: Peak in January after billing runs.');
    expect(text).toContain('Answer: Only with a change request to the vendor');
    // The evidence question is answered by its photo.
    expect(report.blocks).toContainEqual(expect.objectContaining({ kind: 'files', role: 'photos', files: [expect.objectContaining({ name: 'queue-board.jpg' })] }));
    expect(text).toContain('Recordings lack a consent notice | Compliance | 4 × 5 = 20 | Legal | 2026-04-01 | Open');
    expect(text).toContain('Queue board shows 43 waiting.');
    expect(text).toContain('Supervisor keeps a paper log.');
    expect(text).toContain('Name: Li Wei');
    expect(report.blocks.at(-1)).toMatchObject({ kind: 'files', role: 'signature' });
  });

  it('shows only the questions the answers made visible, and says which were not answered', () => {
    const withoutIvr = ICS_ANSWERS.map(([id, v, n]): (typeof ICS_ANSWERS)[number] => (id === 'has-ivr' ? [id, false, n] : [id, v, n])).filter(([id]) => id !== 'target-go-live');
    const report = buildAssessmentReport(input({ detail: detail({}, withoutIvr) }));
    const text = texts(report);
    expect(text).not.toContain('How many levels deep is the IVR menu?');
    expect(text).toContain('Do you have an IVR (voice menu) today?');
    const goLive = report.blocks.findIndex((b) => b.kind === 'paragraph' && blockText(b).endsWith(icsDefinition().sections.at(-1)?.questions.find((q) => q.id === 'target-go-live')?.text.en ?? '?'));
    expect(goLive).toBeGreaterThan(0);
    expect(report.blocks[goLive + 1]).toEqual({ kind: 'fields', rows: [{ label: 'Answer', value: 'Not answered' }] });
  });

  it('lists gaps biggest loss first and recommendations grouped by kind with the answers that triggered them', () => {
    const report = buildAssessmentReport(input());
    const gapTable = report.blocks[report.blocks.findIndex((b) => b.kind === 'heading' && blockText(b) === '3 Gaps') + 1];
    expect(gapTable?.kind).toBe('table');
    if (gapTable?.kind !== 'table') return;
    const lost = gapTable.rows.map((r) => Number(cellText(r[3] ?? '')));
    expect(lost).toEqual([...lost].sort((a, b) => b - a));
    const consent = icsDefinition().sections.flatMap((x) => x.questions).find((q) => q.id === 'recording-consent');
    expect(gapTable.rows[0]?.[0]).toBe(consent?.text.en);
    expect(gapTable.rows[0]?.[1]).toBe('No');

    const recHeadings = headings(report, 3).filter((h) => ['POC templates', 'Risks to track', 'Knowledge-base articles'].includes(h));
    expect(recHeadings).toEqual(['POC templates', 'Risks to track', 'Knowledge-base articles']);
    const text = texts(report);
    expect(text).toContain('Voice bot POC | The voice channel carries enough volume for a virtual agent to pay back. | Which channels do customers use to contact you? = Voice hotline, WeChat official account or mini program; How many customer contacts do you handle per month, across all channels? = 250,000 contacts / month');
    expect(text).toContain('Call recordings without consent');
    // A ref whose title is not on this device is shown by its id rather than dropped.
    expect(text).toContain('rc-data-readiness#knowledge-outdated');
  });

  it('writes the whole report in Chinese', () => {
    const report = buildAssessmentReport(input({ lang: 'zh' }));
    const text = texts(report);
    expect(report.title).toBe(`评估报告：${icsDefinition().title.zh}`);
    // Chinese punctuation and dates in Chinese text.
    expect(text).toContain('2026年3月14日 17:30（UTC+8）');
    expect(text).toContain(`${icsDefinition().title.zh}（版本 1）`);
    expect(headings(report, 2)).toEqual(['1 得分与就绪度', '2 答卷', '3 差距', '4 建议', '5 风险登记册', '6 现场笔记', '7 签核']);
    expect(text).toContain('回答: 语音热线、微信公众号或小程序');
    expect(text).toContain('回答: 250,000 次/月');
    expect(text).toContain('回答: 是');
    expect(text).toContain('备注: 供应商需要变更开发，预计两周。');
    expect(text).toContain('语音机器人 POC');
    expect(text).toContain('合规 | 4 × 5 = 20');
    expect(text).not.toMatch(/Answer:|Voice hotline/);
  });

  it('is honest about what is missing: no risks, notes, sign-off or signature image', () => {
    const inProgress = buildAssessmentReport(input({ detail: detail({ status: 'in-progress', completedAt: null, signoff: null }), risks: [], notes: [], signature: null }));
    const text = texts(inProgress);
    expect(text).toContain('Status: In progress');
    expect(text).toContain('Completed: Not completed');
    expect(text).toContain('No risks are recorded for this engagement.');
    expect(text).toContain('No field notes were written for this assessment.');
    expect(text).toContain('This assessment has not been signed off yet.');
    const signedNoImage = texts(buildAssessmentReport(input({ signature: null })));
    expect(signedNoImage).toContain('The signature image is not on this device.');
  });

  it('puts every dimension on the radar, unscored ones as null', () => {
    const empty = detail({}, []);
    const report = buildAssessmentReport(input({ detail: empty }));
    const radar = report.blocks.find((b) => b.kind === 'radar');
    expect(radar?.kind === 'radar' && radar.axes.map((a) => a.value)).toEqual([null, null, null, null, null]);
    expect(texts(report)).toContain('Overall score: not scored');
  });

  it('formats answers in words for every question type', () => {
    const def = icsDefinition();
    const q = (id: string): Question => {
      const found = def.sections.flatMap((s) => s.questions).find((x) => x.id === id);
      if (!found) throw new Error(id);
      return found;
    };
    expect(answerText(q('top-intent-share'), 4, 'en')).toBe('4 / 5 (1 = Spread over hundreds of reasons; 5 = A few reasons dominate)');
    expect(answerText(q('has-ivr'), false, 'zh')).toBe('否');
    expect(answerText(q('ivr-contract-end'), '2026-09-30', 'en')).toBe('2026-09-30');
    expect(answerText(q('ivr-contract-end'), '2026-09-30', 'zh')).toBe('2026年9月30日');
    expect(answerText(q('primary-goal'), 'gone-option', 'en')).toBe('gone-option');
    expect(answerText(q('primary-goal'), null, 'en')).toBe('');
    expect(becauseText(def, [{ questionId: 'has-ivr', value: true }, { questionId: 'monthly-contacts', value: 250000 }], 'en')).toBe(
      'Do you have an IVR (voice menu) today? = Yes; How many customer contacts do you handle per month, across all channels? = 250,000 contacts / month',
    );
    expect(answerText(q('top-intent-share'), 4, 'zh')).toMatch(/^4 \/ 5（1 = .+；5 = .+）$/);
    expect(documentTime('not a date', 'en')).toBe('not a date');
    expect(documentTime('2026-03-14T09:30:00Z', 'en', 'UTC')).toBe('2026-03-14 09:30 (UTC)');
    expect(documentTime('2026-03-14T09:30:00Z', 'zh', 'America/New_York')).toBe('2026年3月14日 05:30（UTC-4）');
    expect(documentDay('2026-12-04', 'zh')).toBe('2026年12月4日');
    expect(documentDay('2026-12-04', 'en')).toBe('2026-12-04');
  });
});

describe('radar geometry and SVG', () => {
  const axes = [
    { id: 'a', label: 'A', value: 100 },
    { id: 'b', label: 'B', value: 50 },
    { id: 'c', label: 'C <&>', value: null },
    { id: 'd', label: 'D', value: 0 },
  ];

  it('puts the first axis straight up and the scores along the spokes, unscored at the centre', () => {
    const g = radarGeometry(axes, { width: 200, height: 200, labelMargin: 20 });
    expect(g.radius).toBe(80);
    expect(g.axes[0]?.end).toEqual({ x: 100, y: 20 });
    expect(g.polygon[0]).toEqual({ x: 100, y: 20 });
    expect(g.polygon[1]).toEqual({ x: 140, y: 100 });
    expect(g.polygon[2]).toEqual({ x: 100, y: 100 });
    expect(g.axes.map((a) => a.anchor)).toEqual(['middle', 'start', 'middle', 'end']);
    expect(g.rings.map((r) => r.level)).toEqual([20, 40, 60, 80, 100]);
    expect(g.rings[4]?.points).toEqual(g.axes.map((a) => a.end));
    expect(hasScores(axes)).toBe(true);
    expect(hasScores([{ id: 'x', label: 'X', value: null }])).toBe(false);
  });

  it('clamps scores outside 0–100', () => {
    const g = radarGeometry([{ id: 'a', label: 'A', value: 140 }, { id: 'b', label: 'B', value: -5 }, { id: 'c', label: 'C', value: 10 }], { width: 100, height: 100, labelMargin: 0 });
    expect(g.polygon[0]).toEqual(g.axes[0]?.end);
    expect(g.polygon[1]).toEqual(g.center);
  });

  it('draws the same polygon into the SVG and escapes labels', () => {
    const svg = radarSvg(axes, 'not scored');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('C &lt;&amp;&gt;');
    expect(svg).not.toContain('C <&>');
    expect(svg).toContain('>not scored<');
    // Three dots: one per scored axis.
    expect(svg.match(/<circle /g)).toHaveLength(3);
  });
});
