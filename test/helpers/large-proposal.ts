import type { Backend } from '../../electron/backend/backend';
import type { Lang } from '../../core/i18n';
import { documentJson, heading, paragraph, table, textNode } from '../../core/richtext/build';
import type { RichNode } from '../../core/richtext/walk';
import { withProvenance } from '../../core/proposals/provenance';
import type { Pricing, Proposal, ProposalDetail, ProposalSection, SuccessCriterion, Timeline } from '../../core/proposals/types';
import type { CallArgs, CallName, CallResult } from '../../core/api/contract';

/**
 * A proposal of about 40 printed pages (A4, 11 pt): 12 text sections of headings, paragraphs,
 * lists and a table each, a 30-row risk register, 12 success criteria, 40 pricing lines and 12
 * phases. Deterministic, so benchmark figures compare across runs. Used by `npm run bench:proposal`
 * (DOCX/PDF export and opening in the editor) and by tests that need a big proposal.
 */

const WORDS_EN =
  'the pilot measures containment handle time and satisfaction on live traffic while agents keep full control of every answer and the team reviews each change with the customer before it reaches callers'.split(
    ' ',
  );
const WORDS_ZH = '试点在真实话务上衡量自助解决率处理时长和满意度坐席始终掌控每一条答复团队与客户逐项评审每一次变更'.split('');

/** A sentence-like text of `count` words, varied by `seed`. */
function prose(lang: Lang, seed: number, count: number): string {
  const words = lang === 'en' ? WORDS_EN : WORDS_ZH;
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(words[(seed * 7 + i * 3) % words.length] ?? '');
  const text = out.join(lang === 'en' ? ' ' : '');
  return lang === 'en' ? `${text.charAt(0).toUpperCase()}${text.slice(1)}.` : `${text}。`;
}

function list(items: string[]): RichNode {
  return {
    type: 'list',
    version: 1,
    listType: 'bullet',
    start: 1,
    tag: 'ul',
    direction: null,
    format: '',
    indent: 0,
    children: items.map((text, i) => ({ type: 'listitem', version: 1, value: i + 1, children: [textNode(text)], direction: null, format: '', indent: 0 })),
  };
}

function textSection(lang: Lang, index: number): ProposalSection {
  const source = [{ kind: 'template' as const, ref: `bench-template@1#section-${index}`, label: `Section ${index}` }];
  const blocks: RichNode[] = [];
  for (let part = 0; part < 3; part++) {
    blocks.push(withProvenance(heading('h3', lang === 'en' ? `Part ${index}.${part + 1}` : `第 ${index}.${part + 1} 部分`), source));
    for (let p = 0; p < 5; p++) blocks.push(withProvenance(paragraph([textNode(prose(lang, index * 100 + part * 10 + p, 80))]), source));
    blocks.push(withProvenance(list(Array.from({ length: 4 }, (_, i) => prose(lang, index + part + i, 12))), source));
  }
  blocks.push(
    withProvenance(
      table(
        lang === 'en' ? ['Site', 'Calls per month', 'Agents', 'Note'] : ['站点', '月呼入量', '坐席数', '备注'],
        Array.from({ length: 12 }, (_, r) => [`${lang === 'en' ? 'Site' : '站点'} ${r + 1}`, String(10000 + r * 1375), String(20 + r), prose(lang, r, 6)]),
      ),
      source,
    ),
  );
  return { id: `section-${index}`, title: lang === 'en' ? `Section ${index}: delivery detail` : `第 ${index} 章：交付细节`, kind: 'text', bodyJson: documentJson(blocks), source };
}

function riskSection(lang: Lang): ProposalSection {
  const rows = Array.from({ length: 30 }, (_, i) => [prose(lang, i, 6), `${(i % 5) + 1} × ${((i * 3) % 5) + 1} = ${((i % 5) + 1) * (((i * 3) % 5) + 1)}`, `Owner ${i + 1}`, prose(lang, i + 50, 18)]);
  const header = lang === 'en' ? ['Risk', 'Likelihood × impact', 'Owner', 'Mitigation'] : ['风险', '可能性 × 影响', '负责人', '应对措施'];
  const source = [{ kind: 'engagement' as const, ref: 'risks', label: 'risk register' }];
  return { id: 'risk-register', title: lang === 'en' ? 'Risk register' : '风险登记册', kind: 'risks', bodyJson: documentJson([withProvenance(table(header, rows), source)]), source };
}

function structured(id: string, kind: 'success-criteria' | 'pricing' | 'timeline', title: string): ProposalSection {
  return { id, title, kind, bodyJson: documentJson([paragraph([textNode(title)])]), source: [{ kind: 'default', ref: `bench-template@1#${kind}` }] };
}

export function largePricing(): Pricing {
  return {
    currency: 'CNY',
    taxRate: '0.06',
    discount: { kind: 'percent', value: '7.5' },
    lines: Array.from({ length: 40 }, (_, i) => ({
      id: `line-${i + 1}`,
      item: `Work package ${i + 1}`,
      unit: i % 3 === 0 ? 'month' : 'person-day',
      quantity: String(1 + (i % 17)),
      unitPrice: `${1800 + i * 37}.${String((i * 13) % 100).padStart(2, '0')}`,
      ...(i % 5 === 0 ? { discountPercent: '5' } : {}),
    })),
  };
}

function largeTimeline(): Timeline {
  return {
    start: '2026-04-06',
    phases: Array.from({ length: 12 }, (_, i) => ({
      id: `phase-${i + 1}`,
      name: `Phase ${i + 1}`,
      weeks: 1 + (i % 4),
      deliverables: `Deliverables of phase ${i + 1}`,
      ...(i % 3 === 2 ? { milestone: `Milestone ${(i + 1) / 3}` } : {}),
    })),
  };
}

function largeCriteria(lang: Lang): SuccessCriterion[] {
  return Array.from({ length: 12 }, (_, i) => ({ metric: prose(lang, i, 4), target: `≥ ${40 + i}%`, measurement: prose(lang, i + 9, 8) }));
}

/** The sections, criteria, pricing and timeline of the large proposal (what proposals.save takes). */
export function largeProposalContent(lang: Lang = 'en'): Pick<Proposal, 'sections' | 'successCriteria' | 'pricing' | 'timeline'> {
  const sections = Array.from({ length: 12 }, (_, i) => textSection(lang, i + 1));
  return {
    sections: [
      ...sections.slice(0, 8),
      structured('success-criteria-table', 'success-criteria', lang === 'en' ? 'Success criteria and targets' : '成功标准与目标'),
      riskSection(lang),
      ...sections.slice(8),
      structured('timeline-chart', 'timeline', lang === 'en' ? 'Schedule and milestones' : '进度与里程碑'),
      structured('pricing-table', 'pricing', lang === 'en' ? 'Price breakdown' : '报价明细'),
    ],
    successCriteria: largeCriteria(lang),
    pricing: largePricing(),
    timeline: largeTimeline(),
  };
}

/** The large proposal as a whole, in memory (for exporters benchmarked without a backend). */
export function largeProposal(lang: Lang = 'en'): Proposal {
  return {
    id: 'bench-proposal',
    engagementId: 'bench-engagement',
    sessionId: null,
    templateId: 'bench-template',
    templateVersion: 1,
    title: lang === 'en' ? 'Voice virtual agent POC — Eastern Telecom' : '语音虚拟坐席 POC — 华东电信',
    lang,
    status: 'draft',
    statusReason: '',
    ...largeProposalContent(lang),
    createdAt: '2026-03-20T08:00:00.000Z',
    updatedAt: '2026-03-20T08:00:00.000Z',
  };
}

/** Like callOk in ./backend.ts, which imports vitest: this helper also runs in the benchmarks under plain RichNode. */
async function call<N extends CallName>(backend: Backend, method: N, args: CallArgs<N>): Promise<CallResult<N>> {
  const result = await backend.call(method, args);
  if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
  return result.value as CallResult<N>;
}

/**
 * Stores the large proposal through the backend: an engagement, a proposal generated from the
 * bundled voicebot template (the backend must run on the bundled pack), then saved with the large content.
 */
export async function storeLargeProposal(backend: Backend, lang: Lang = 'en'): Promise<ProposalDetail> {
  const customer = await call(backend, 'customers.create', { name: 'Eastern Telecom', kind: 'enterprise' });
  const engagement = await call(backend, 'engagements.create', {
    customerId: customer.id,
    title: 'Contact centre pilot',
    scenarios: ['intelligent-customer-service'],
    startDate: '2026-04-06',
  });
  const { proposal } = await call(backend, 'proposals.generate', { engagementId: engagement.id, templateId: 'poc-ics-voicebot', lang });
  return call(backend, 'proposals.save', { id: proposal.id, ...largeProposalContent(lang) });
}
