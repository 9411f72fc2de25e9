import { headingBlock, paragraphBlock } from '../document/build';
import type { Block, TableBlock } from '../document/model';
import { organisationName, validUntil, type CurrencyDisplay, type OrganisationProfile } from '../organisation/profile';
import { pick, type Lang } from '../i18n';
import { PROPOSAL_LABELS } from './labels';
import { decimal, groupThousands, multiply, pricingTotals, toDecimalString } from './money';
import { documentDay, PUNCTUATION, withAside } from '../document/typography';
import { yuanInWords } from './amount-in-words';
import type { ExportCopy } from './export-checks';
import { timelineSchedule } from './timeline';
import type { Pricing, Proposal, SuccessCriterion, Timeline } from './types';
import { fileNamePart, withoutRepeat } from '../document/file-name';

/**
 * What a proposal shows beyond its section bodies: the cover fields and the structured tables
 * (success criteria, pricing with totals, timeline), built once here as document-model tables so
 * the exports (export-document.ts) can never disagree on a figure or a label.
 */

/** The proposal as it is exported, with the names the cover needs. */
export type ProposalExport = {
  proposal: Pick<Proposal, 'title' | 'lang' | 'status' | 'sections' | 'successCriteria' | 'pricing' | 'timeline'>;
  customerName: string;
  engagementTitle: string;
  /** The saved version exported, or null for the current state. */
  versionName: string | null;
  /** The export date, YYYY-MM-DD. */
  date: string;
  /** A customer copy leaves out internal matter; an internal copy keeps it. */
  copy: ExportCopy;
  /** Who sends it (settings), and the proposal's quote number (organisation/profile.ts quoteNumber). */
  organisation: OrganisationProfile;
  quoteNumber: string;
};

export type ExportLabels = {
  customer: string;
  engagement: string;
  date: string;
  status: string;
  version: string;
  currentVersion: string;
  contents: string;
  timelineChart: string;
  copy: string;
  internalCopy: string;
  preparedFor: string;
  preparedBy: string;
  quoteNumber: string;
  validUntil: string;
  acceptance: string;
  /** "By signing, {customer} accepts this proposal (quote {quote}) on the terms above." */
  acceptanceText: string;
  signatory: string;
  signName: string;
  signTitle: string;
  signature: string;
  signDate: string;
  /** After a knowledge-base reference in an internal copy: the article it points to. */
  knowledgeBase: string;
};

export const EXPORT_LABELS: Record<Lang, ExportLabels> = {
  en: {
    customer: 'Customer',
    engagement: 'Engagement',
    date: 'Date',
    status: 'Status',
    version: 'Version',
    currentVersion: 'Current draft',
    contents: 'Contents',
    timelineChart: 'Timeline chart',
    copy: 'Copy',
    internalCopy: 'Internal — not for the customer',
    preparedFor: 'Prepared for',
    preparedBy: 'Prepared by',
    quoteNumber: 'Quote no.',
    validUntil: 'Valid until',
    acceptance: 'Acceptance',
    acceptanceText: 'By signing below, {customer} accepts this proposal (quote {quote}) on the terms above.',
    signatory: 'For',
    signName: 'Name',
    signTitle: 'Title',
    signature: 'Signature',
    signDate: 'Date',
    knowledgeBase: 'knowledge base',
  },
  zh: {
    customer: '客户',
    engagement: '项目',
    date: '日期',
    status: '状态',
    version: '版本',
    currentVersion: '当前草稿',
    contents: '目录',
    timelineChart: '进度甘特图',
    copy: '副本',
    internalCopy: '内部副本，请勿发给客户',
    preparedFor: '致',
    preparedBy: '报价方',
    quoteNumber: '报价编号',
    validUntil: '有效期至',
    acceptance: '客户确认',
    acceptanceText: '{customer}签署下表，即表示按上述条款接受本建议书（报价编号 {quote}）。',
    signatory: '单位',
    signName: '姓名',
    signTitle: '职务',
    signature: '签字（盖章）',
    signDate: '日期',
    knowledgeBase: '知识库',
  },
};

/** A structured table: every cell plain text, with widths, figures marked, and totals where it has them. */
export type ExportTable = TableBlock & { columns: string[]; rows: string[][]; totals: [string, string][]; widths: number[]; numeric: boolean[] };

/** The sender's lines on a cover: the organisation, its contact and address; empty when no profile was filled in. */
function senderText(doc: ProposalExport): string {
  const lang = doc.proposal.lang;
  const o = doc.organisation;
  const contact = [o.contact.name, o.contact.email, o.contact.phone].filter((part) => part.trim() !== '').join(' · ');
  return [organisationName(o, lang), contact, pick(o.address, lang).trim()].filter((line) => line !== '').join('\n');
}

/** The cover's fields: who it is for and from, the quote number and its validity; the status and version are for the house (an internal copy) only. */
export function coverFields(doc: ProposalExport): { label: string; value: string }[] {
  const lang = doc.proposal.lang;
  const labels = EXPORT_LABELS[lang];
  const sender = senderText(doc);
  const shared = [
    { label: labels.preparedFor, value: doc.customerName },
    ...(sender === '' ? [] : [{ label: labels.preparedBy, value: sender }]),
    { label: labels.engagement, value: doc.engagementTitle },
    { label: labels.quoteNumber, value: doc.quoteNumber },
    { label: labels.date, value: documentDay(doc.date, lang) },
    { label: labels.validUntil, value: documentDay(validUntil(doc.date, doc.organisation.validityDays), lang) },
  ];
  if (doc.copy === 'customer') return shared;
  return [
    ...shared,
    { label: labels.status, value: PROPOSAL_LABELS[lang].statuses[doc.proposal.status] },
    { label: labels.version, value: doc.versionName ?? labels.currentVersion },
    { label: labels.copy, value: labels.internalCopy },
  ];
}

/** The acceptance block at the end, on a page of its own: a sentence and a signature table for the customer and the sender. */
export function acceptanceBlocks(doc: ProposalExport): Block[] {
  const lang = doc.proposal.lang;
  const l = EXPORT_LABELS[lang];
  const sender = organisationName(doc.organisation, lang);
  return [
    // The signature page stands on its own, so it can be printed, signed and scanned alone.
    { kind: 'pageBreak' },
    headingBlock(2, l.acceptance),
    paragraphBlock(l.acceptanceText.replace('{customer}', doc.customerName).replace('{quote}', doc.quoteNumber)),
    {
      kind: 'table',
      columns: ['', doc.customerName, ...(sender === '' ? [] : [sender])].map((c, i) => (i === 0 ? l.signatory : c)),
      // Tall empty cells: room to sign by hand.
      rows: [l.signName, l.signTitle, l.signature, l.signDate].map((label) => [label, '\n\n', ...(sender === '' ? [] : ['\n\n'])]),
      widths: sender === '' ? [1, 3] : [1, 2.5, 2.5],
    },
  ];
}

export function criteriaTable(criteria: readonly SuccessCriterion[], lang: Lang): ExportTable {
  const l = PROPOSAL_LABELS[lang];
  return {
    kind: 'table',
    columns: [l.metric, l.target, l.measurement],
    rows: criteria.map((c) => [c.metric, c.target, c.measurement]),
    totals: [],
    widths: [3, 2, 4],
    numeric: [false, false, false],
  };
}

/** What a currency is called in a column heading: 元 for yuan in Chinese, else its ISO code. */
function currencyName(currency: string, lang: Lang): string {
  return lang === 'zh' && currency === 'CNY' ? '元' : currency;
}

/** The symbols a total may show instead of the code; a currency without one here always shows its code. */
const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', HKD: 'HK$', JPY: 'JP¥', SGD: 'S$' };

/**
 * An amount as a total shows it, as the organisation chose (profile.ts CurrencyDisplay): by
 * language "CNY 1,234.50" in English and "¥1,234.50" for yuan in Chinese; "¥1,234.50" or
 * "$1,234.50" with symbols; "CNY 1,234.50" with codes. `negative` puts a minus before the figure.
 */
export function moneyText(currency: string, lang: Lang, display: CurrencyDisplay = 'byLanguage'): (amount: string, negative?: boolean) => string {
  const symbol = display === 'code' ? undefined : display === 'symbol' || (lang === 'zh' && currency === 'CNY') ? CURRENCY_SYMBOLS[currency] : undefined;
  return (amount, negative = false) => {
    const sign = negative ? '-' : '';
    return symbol === undefined ? `${currency} ${sign}${groupThousands(amount)}` : `${sign}${symbol}${groupThousands(amount)}`;
  };
}

/** The total in words under a Chinese price table in yuan (大写金额); null elsewhere. */
export function totalInWords(pricing: Pricing, lang: Lang): string | null {
  if (lang !== 'zh' || pricing.currency !== 'CNY' || pricing.lines.length === 0) return null;
  const words = yuanInWords(pricingTotals(pricing).total);
  return words === null ? null : `${withAside(PROPOSAL_LABELS[lang].total, '大写', lang)}${PUNCTUATION[lang].colon}${words}`;
}

/** A unit price as every price in the table reads: grouped, with at least two decimals ("3,200.00", "12,345.675"). */
export function priceFigure(text: string): string {
  const [whole = '', fraction = ''] = text.split('.');
  return groupThousands(`${whole}.${fraction.padEnd(2, '0')}`);
}

/** "6" for "0.06": a tax rate (a fraction) as the percent people read. */
export function ratePercent(rate: string): string {
  const percent = toDecimalString(multiply(decimal(rate), decimal('100')));
  return percent.includes('.') ? percent.replace(/\.?0+$/, '') : percent;
}

/**
 * The pricing lines with their amounts, then subtotal, discount, amount before tax, tax and total.
 * A quote without discounts leaves out what would only say so: the line-discount column when no
 * line has one, and the discount and before-tax rows when there is no overall discount. Throws on a
 * figure checkPricing refuses.
 */
export function pricingTable(pricing: Pricing, lang: Lang, display: CurrencyDisplay = 'byLanguage'): ExportTable {
  const l = PROPOSAL_LABELS[lang];
  const totals = pricingTotals(pricing);
  const net = new Map(totals.lines.map((line) => [line.id, line.net]));
  const c = pricing.currency;
  const money = moneyText(c, lang, display);
  const discountLabel = pricing.discount.kind === 'percent' ? withAside(l.discount, `${groupThousands(pricing.discount.value.trim())}%`, lang) : l.discount;
  const lineDiscount = (line: Pricing['lines'][number]): string => (line.discountPercent !== undefined && line.discountPercent.trim() !== '' ? line.discountPercent.trim() : '');
  const showLineDiscounts = pricing.lines.some((line) => lineDiscount(line) !== '' && Number(lineDiscount(line)) !== 0);
  const keep = <T>(cells: T[]): T[] => (showLineDiscounts ? cells : cells.filter((_, i) => i !== 4));
  const discountRows: [string, string][] = totals.discount === '0.00' ? [] : [[discountLabel, money(totals.discount, true)], [l.taxable, money(totals.taxable)]];
  return {
    kind: 'table',
    columns: keep([l.item, l.unit, l.quantity, withAside(l.unitPrice, currencyName(c, lang), lang), l.lineDiscount, withAside(l.net, currencyName(c, lang), lang)]),
    rows: pricing.lines.map((line) =>
      keep([line.item, line.unit, groupThousands(line.quantity.trim()), priceFigure(line.unitPrice.trim()), lineDiscount(line), groupThousands(net.get(line.id) ?? '')]),
    ),
    totals: [
      [l.subtotal, money(totals.subtotal)],
      ...discountRows,
      [withAside(l.tax, `${ratePercent(pricing.taxRate)}%`, lang), money(totals.tax)],
      [l.total, money(totals.total)],
    ],
    widths: keep([5, 2, 2, 3, 2, 3]),
    numeric: keep([false, false, true, true, true, true]),
  };
}

export function timelineTable(timeline: Timeline, lang: Lang): ExportTable {
  const l = PROPOSAL_LABELS[lang];
  return {
    kind: 'table',
    columns: [l.phase, l.start, l.end, l.weeks, l.deliverables, l.milestone],
    rows: timelineSchedule(timeline).map((p) => [p.name, documentDay(p.start, lang), documentDay(p.end, lang), String(p.weeks), p.deliverables, p.milestone ?? '']),
    totals: [],
    widths: [3, 2, 2, 1, 5, 3],
    numeric: [false, false, false, true, false, false],
  };
}

/** The table a structured section shows under its introduction; null for text and risk sections (their table is in the body). Throws on pricing checkPricing refuses. */
export function sectionTable(kind: Proposal['sections'][number]['kind'], doc: ProposalExport['proposal'], display: CurrencyDisplay = 'byLanguage'): ExportTable | null {
  switch (kind) {
    case 'success-criteria':
      return criteriaTable(doc.successCriteria, doc.lang);
    case 'pricing':
      return pricingTable(doc.pricing, doc.lang, display);
    case 'timeline':
      return timelineTable(doc.timeline, doc.lang);
    default:
      return null;
  }
}

/** A short name safe on every file system (core/document/file-name.ts): "proposal-Eastern-Telecom-Voicebot-POC-2026-11-23.docx". */
export function exportFileName(doc: ProposalExport, extension: 'docx' | 'pdf' | 'md'): string {
  // The customer once (titles often name them too), cut between words.
  const base = fileNamePart(withoutRepeat(doc.customerName, doc.proposal.title), 'proposal', 60);
  return `proposal-${base}${doc.copy === 'internal' ? '-internal' : ''}-${doc.date}.${extension}`;
}
