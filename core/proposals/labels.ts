import type { Lang } from '../i18n';
import type { ProposalSectionKind, ProposalStatus } from './types';

/**
 * The words a generated proposal and its exports use, per proposal language (not the UI language:
 * a proposal in Chinese is written in Chinese whoever opens it). Shared by generation, the editor's
 * structured tables and the DOCX/PDF/Markdown exporters.
 */
export type ProposalLabels = {
  sectionTitle: Record<Exclude<ProposalSectionKind, 'text'>, string>;
  risk: string;
  likelihoodImpact: string;
  owner: string;
  mitigation: string;
  status: string;
  noRisks: string;
  unassigned: string;
  metric: string;
  target: string;
  measurement: string;
  item: string;
  unit: string;
  quantity: string;
  unitPrice: string;
  lineDiscount: string;
  net: string;
  subtotal: string;
  discount: string;
  taxable: string;
  tax: string;
  total: string;
  phase: string;
  weeks: string;
  start: string;
  end: string;
  deliverables: string;
  milestone: string;
  statuses: Record<ProposalStatus, string>;
};

export const PROPOSAL_LABELS: Record<Lang, ProposalLabels> = {
  en: {
    sectionTitle: { risks: 'Risk register', 'success-criteria': 'Success criteria and targets', pricing: 'Price breakdown', timeline: 'Schedule and milestones' },
    risk: 'Risk',
    likelihoodImpact: 'Likelihood × impact',
    owner: 'Owner',
    mitigation: 'Mitigation',
    status: 'Status',
    noRisks: 'No risks are recorded for this engagement yet.',
    unassigned: 'Not assigned',
    metric: 'Metric',
    target: 'Target',
    measurement: 'How it is measured',
    item: 'Item',
    unit: 'Unit',
    quantity: 'Quantity',
    unitPrice: 'Unit price',
    lineDiscount: 'Discount %',
    net: 'Amount',
    subtotal: 'Subtotal',
    discount: 'Discount',
    taxable: 'Amount before tax',
    tax: 'Tax',
    total: 'Total',
    phase: 'Phase',
    weeks: 'Weeks',
    start: 'Start',
    end: 'End',
    deliverables: 'Deliverables',
    milestone: 'Milestone',
    statuses: { draft: 'Draft', 'internal-review': 'Internal review', sent: 'Sent', won: 'Won', lost: 'Lost' },
  },
  zh: {
    sectionTitle: { risks: '风险登记册', 'success-criteria': '成功标准与目标', pricing: '报价明细', timeline: '进度与里程碑' },
    risk: '风险',
    likelihoodImpact: '可能性 × 影响',
    owner: '负责人',
    mitigation: '应对措施',
    status: '状态',
    noRisks: '该项目尚未登记风险。',
    unassigned: '未指定',
    metric: '指标',
    target: '目标',
    measurement: '衡量方式',
    item: '项目',
    unit: '单位',
    quantity: '数量',
    unitPrice: '单价',
    lineDiscount: '折扣（%）',
    net: '金额',
    subtotal: '小计',
    discount: '折扣',
    taxable: '税前金额',
    tax: '税额',
    total: '合计',
    phase: '阶段',
    weeks: '周数',
    start: '开始',
    end: '结束',
    deliverables: '交付物',
    milestone: '里程碑',
    statuses: { draft: '草稿', 'internal-review': '内部评审', sent: '已发送', won: '已赢单', lost: '已丢单' },
  },
};
