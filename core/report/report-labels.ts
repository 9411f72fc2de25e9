import type { Lang } from '../i18n';
import type { RiskCategory, RiskStatus } from '../risks/types';

/**
 * The words of the exported assessment report in each language. They live in core because the
 * DOCX is written by the backend and the print page by the renderer, from the same model.
 */

export type ReportLabels = {
  title: string;
  customer: string;
  engagement: string;
  assessment: string;
  definitionVersion: string;
  status: string;
  statusInProgress: string;
  statusCompleted: string;
  started: string;
  completed: string;
  generated: string;
  notCompleted: string;
  scores: string;
  overall: string;
  outOf100: string;
  readiness: string;
  notScored: string;
  dimension: string;
  weight: string;
  score: string;
  points: string;
  questionsCounted: string;
  radarCaption: string;
  answers: string;
  answeredCount: string;
  answer: string;
  note: string;
  notAnswered: string;
  photos: string;
  otherFiles: string;
  yes: string;
  no: string;
  listSeparator: string;
  setAside: string;
  setAsideIntro: string;
  reason: string;
  gaps: string;
  noGaps: string;
  question: string;
  pointsLost: string;
  recommendations: string;
  noRecommendations: string;
  kindTemplate: string;
  kindRisk: string;
  kindArticle: string;
  recommendation: string;
  because: string;
  risks: string;
  noRisks: string;
  riskTitle: string;
  category: string;
  likelihood: string;
  impact: string;
  owner: string;
  due: string;
  mitigation: string;
  notes: string;
  noNotes: string;
  signoff: string;
  notSignedOff: string;
  name: string;
  role: string;
  signedAt: string;
  signature: string;
  noSignatureImage: string;
  riskCategory: Record<RiskCategory, string>;
  riskStatus: Record<RiskStatus, string>;
};

const en: ReportLabels = {
  title: 'Assessment report',
  customer: 'Customer',
  engagement: 'Engagement',
  assessment: 'Assessment',
  definitionVersion: 'version {version}',
  status: 'Status',
  statusInProgress: 'In progress',
  statusCompleted: 'Completed',
  started: 'Started',
  completed: 'Completed',
  generated: 'Report generated',
  notCompleted: 'Not completed',
  scores: 'Scores and readiness',
  overall: 'Overall score',
  outOf100: '{score} / 100',
  readiness: 'Readiness',
  notScored: 'not scored',
  dimension: 'Dimension',
  weight: 'Weight',
  score: 'Score',
  points: 'Points',
  questionsCounted: 'Questions',
  radarCaption: 'Scores by dimension (0–100)',
  answers: 'Answers',
  answeredCount: '{answered} of {visible} questions answered',
  answer: 'Answer',
  note: 'Note',
  notAnswered: 'Not answered',
  photos: 'Photos',
  otherFiles: 'Attached files (not shown)',
  yes: 'Yes',
  no: 'No',
  listSeparator: ', ',
  setAside: 'Answers set aside',
  setAsideIntro: 'These answers no longer fit the assessment version the session moved to; they are kept for reference.',
  reason: 'Reason',
  gaps: 'Gaps',
  noGaps: 'No question scored below half of its points.',
  question: 'Question',
  pointsLost: 'Points lost',
  recommendations: 'Recommendations',
  noRecommendations: 'No recommendation applies to these answers.',
  kindTemplate: 'POC templates',
  kindRisk: 'Risks to track',
  kindArticle: 'Knowledge-base articles',
  recommendation: 'Recommendation',
  because: 'Because',
  risks: 'Risk register',
  noRisks: 'No risks are recorded for this engagement.',
  riskTitle: 'Risk',
  category: 'Category',
  likelihood: 'Likelihood',
  impact: 'Impact',
  owner: 'Owner',
  due: 'Due',
  mitigation: 'Mitigation',
  notes: 'Field notes',
  noNotes: 'No field notes were written for this assessment.',
  signoff: 'Sign-off',
  notSignedOff: 'This assessment has not been signed off yet.',
  name: 'Name',
  role: 'Role',
  signedAt: 'Signed',
  signature: 'Signature',
  noSignatureImage: 'The signature image is not on this device.',
  riskCategory: {
    data: 'Data',
    compliance: 'Compliance',
    integration: 'Integration',
    technical: 'Technical',
    organisation: 'Organisation',
    commercial: 'Commercial',
    operations: 'Operations',
    security: 'Security',
  },
  riskStatus: { open: 'Open', mitigating: 'Mitigating', mitigated: 'Mitigated', accepted: 'Accepted' },
};

const zh: ReportLabels = {
  title: '评估报告',
  customer: '客户',
  engagement: '项目',
  assessment: '评估',
  definitionVersion: '版本 {version}',
  status: '状态',
  statusInProgress: '进行中',
  statusCompleted: '已完成',
  started: '开始时间',
  completed: '完成时间',
  generated: '报告生成时间',
  notCompleted: '未完成',
  scores: '得分与就绪度',
  overall: '总分',
  outOf100: '{score} / 100',
  readiness: '就绪度',
  notScored: '未评分',
  dimension: '维度',
  weight: '权重',
  score: '得分',
  points: '分值',
  questionsCounted: '题数',
  radarCaption: '各维度得分（0–100）',
  answers: '答卷',
  answeredCount: '已回答 {answered} / {visible} 题',
  answer: '回答',
  note: '备注',
  notAnswered: '未回答',
  photos: '照片',
  otherFiles: '附件（未显示）',
  yes: '是',
  no: '否',
  listSeparator: '、',
  setAside: '已搁置的回答',
  setAsideIntro: '评估升级到新版本后，这些回答已不再适用，保留以供参考。',
  reason: '原因',
  gaps: '差距',
  noGaps: '没有题目得分低于其分值的一半。',
  question: '题目',
  pointsLost: '失分',
  recommendations: '建议',
  noRecommendations: '这些回答没有触发任何建议。',
  kindTemplate: 'POC 模板',
  kindRisk: '需跟踪的风险',
  kindArticle: '知识库文章',
  recommendation: '建议',
  because: '依据',
  risks: '风险登记册',
  noRisks: '该项目尚未记录风险。',
  riskTitle: '风险',
  category: '类别',
  likelihood: '可能性',
  impact: '影响',
  owner: '负责人',
  due: '截止日期',
  mitigation: '缓解措施',
  notes: '现场笔记',
  noNotes: '本次评估没有现场笔记。',
  signoff: '签核',
  notSignedOff: '本次评估尚未签核。',
  name: '姓名',
  role: '职务',
  signedAt: '签核时间',
  signature: '签名',
  noSignatureImage: '此设备上没有签名图片。',
  riskCategory: {
    data: '数据',
    compliance: '合规',
    integration: '集成',
    technical: '技术',
    organisation: '组织',
    commercial: '商务',
    operations: '运营',
    security: '安全',
  },
  riskStatus: { open: '待处理', mitigating: '缓解中', mitigated: '已缓解', accepted: '已接受' },
};

export const REPORT_LABELS: { readonly [L in Lang]: ReportLabels } = { en, zh };

/** Fills `{name}` placeholders in a report label. */
export function fill(label: string, params: Readonly<Record<string, string | number>>): string {
  return label.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}
