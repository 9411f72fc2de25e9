import { DEFAULT_ORGANISATION } from '../../core/organisation/profile';
import { describe, expect, it } from 'vitest';
import { coverFields, moneyText, pricingTable, ratePercent, timelineTable, type ProposalExport } from '../../core/proposals/export-tables';
import { chapterTitles, headingBlock, numberHeadings, runsText } from '../../core/document/build';
import { escapeMarkdown } from '../../core/document/markdown';
import { proposalMarkdown } from '../../core/proposals/export-document';
import { documentJson, heading, link, list, paragraph, table, textNode } from '../../core/richtext/build';
import { convertMarkdown, richTextMarkdown } from '../../core/richtext/markdown';
import { withProvenance } from '../../core/proposals/provenance';
import type { Pricing, Proposal } from '../../core/proposals/types';
import { checkProposalDocument } from '../../core/proposals/document';

const PRICING: Pricing = {
  currency: 'CNY',
  taxRate: '0.06',
  discount: { kind: 'percent', value: '10' },
  lines: [
    { id: 'a', item: 'Intent model tuning', unit: 'person-day', quantity: '40', unitPrice: '2800.00' },
    { id: 'b', item: 'Voice gateway | licence', unit: 'month', quantity: '3', unitPrice: '12345.675', discountPercent: '5' },
  ],
};

function exportOf(overrides: Partial<Proposal> = {}): ProposalExport {
  return {
    proposal: {
      title: 'Voicebot POC *draft*',
      lang: 'en',
      status: 'internal-review',
      sections: [
        { id: 'intro', title: 'Executive summary', kind: 'text', bodyJson: documentJson([paragraph([textNode('Hello '), textNode('world', 1)])]), source: [] },
        { id: 'pricing', title: 'Price breakdown', kind: 'pricing', bodyJson: documentJson([]), source: [] },
        { id: 'timeline', title: 'Schedule', kind: 'timeline', bodyJson: documentJson([paragraph([textNode('Phases below.')])]), source: [] },
        { id: 'criteria', title: 'Success criteria', kind: 'success-criteria', bodyJson: documentJson([]), source: [] },
      ],
      successCriteria: [{ metric: 'Containment', target: '≥ 40%', measurement: 'Calls closed by the bot' }],
      pricing: PRICING,
      timeline: { start: '2026-04-06', phases: [{ id: 'p1', name: 'Discovery', weeks: 2, deliverables: 'Intent list', milestone: 'Scope signed' }, { id: 'p2', name: 'Build', weeks: 3, deliverables: 'Bot' }] },
      ...overrides,
    },
    customerName: 'Eastern Telecom',
    engagementTitle: 'Contact centre pilot',
    versionName: 'Sent to customer',
    date: '2026-11-23',
    copy: 'internal',
    organisation: { ...DEFAULT_ORGANISATION, name: { en: 'Fieldbench Telecom AI', zh: '田野电信智能' }, contact: { name: 'Wang Fang', email: 'wang.fang@example.com', phone: '+86 21 5555 0100' } },
    quoteNumber: 'Q-202611-ABC123',
  };
}

describe('rich text → Markdown', () => {
  it('writes headings under the section, inline formats, links, images and unfilled variables', () => {
    const json = documentJson([
      withProvenance(heading('h2', 'Scope'), [{ kind: 'template', ref: 't@1#scope' }]),
      paragraph([
        textNode('Bold', 1),
        textNode(' and '),
        textNode('italic', 2),
        textNode(' '),
        textNode('gone', 4),
        textNode(' '),
        textNode('a `tick`', 16),
        { type: 'linebreak', version: 1 },
        link('https://example.com/a(b)', [textNode('the site')]),
        textNode(' and '),
        link('kb:ics-poc-checklist', [textNode('the checklist')]),
        textNode(' for '),
        { type: 'variable', version: 1, name: 'customer.name', reason: 'no-value' },
        textNode(' '),
        { type: 'image', version: 1, sha256: 'ab'.repeat(32), altText: 'Site [photo]' },
      ]),
    ]);
    expect(richTextMarkdown(json, { headingLevel: 3 })).toBe(
      [
        '### Scope',
        '',
        `**Bold** and *italic* ~~gone~~ \`\` a \`tick\` \`\`\\\n[the site](<https://example.com/a(b)>) and the checklist for {{customer.name}} ![Site \\[photo\\]](attachment:${'ab'.repeat(32)})`,
      ].join('\n'),
    );
  });

  it('writes bullet, numbered and nested check lists, nesting by four spaces', () => {
    const json = documentJson([
      list('bullet', ['one', list('bullet', ['one.a', list('number', ['deep'])])]),
      list('number', ['first', 'second'], { start: 3 }),
      list('check', ['done', 'open'], { checked: [0] }),
    ]);
    expect(richTextMarkdown(json)).toBe(['- one', '    - one.a', '        1. deep', '', '3. first', '4. second', '', '- [x] done', '- [ ] open'].join('\n'));
  });

  it('reads its own lists back as the same nesting', () => {
    const markdown = richTextMarkdown(documentJson([list('bullet', ['one', list('bullet', ['one.a'])])]));
    const back = richTextMarkdown(convertMarkdown(markdown).json);
    expect(back).toBe(markdown);
  });

  it('writes a table as GFM with the first row as header and pipes escaped', () => {
    const json = documentJson([table(['Risk', 'Owner'], [['Data | access', 'Li Wei'], ['Latency', '']])]);
    expect(richTextMarkdown(json)).toBe(['| Risk | Owner |', '| --- | --- |', '| Data \\| access | Li Wei |', '| Latency |  |'].join('\n'));
  });

  it('escapes what would read as Markdown syntax', () => {
    expect(escapeMarkdown('# not a heading *or* _emphasis_ <b>')).toBe('\\# not a heading \\*or\\* \\_emphasis\\_ \\<b\\>');
    expect(escapeMarkdown('1. not a list')).toBe('\\1. not a list');
    expect(richTextMarkdown(documentJson([paragraph([textNode('- [x] literal')])]))).toBe('\\- \\[x\\] literal');
  });
});

describe('proposal → Markdown', () => {
  it('has the cover, the contents and every section with its table; pricing totals are exact', () => {
    const markdown = proposalMarkdown(exportOf());
    expect(markdown.startsWith('# Voicebot POC \\*draft\\*\n\n- **Prepared for:** Eastern Telecom\n- **Prepared by:** Fieldbench Telecom AI')).toBe(true);
    expect(markdown).toContain('- **Quote no.:** Q-202611-ABC123\n- **Date:** 2026-11-23\n- **Valid until:** 2027-01-22\n- **Status:** Internal review\n- **Version:** Sent to customer');
    expect(markdown).toContain('## Contents\n\n- 1 Executive summary\n- 2 Price breakdown\n- 3 Schedule\n- 4 Success criteria');
    expect(markdown).toContain('## 1 Executive summary\n\nHello **world**');
    // 40 × 2800 = 112000.00; 3 × 12345.675 = 37037.025 less 5 % = 35185.17375 → 35185.17;
    // subtotal 147185.17, discount 10 % = 14718.52 (14718.517), taxable 132466.65, tax 6 % = 7948.00 (7947.999), total 140414.65.
    expect(markdown).toContain('| Item | Unit | Quantity | Unit price (CNY) | Discount % | Amount (CNY) |\n| --- | --- | ---: | ---: | ---: | ---: |');
    expect(markdown).toContain('| Voice gateway \\| licence | month | 3 | 12,345.675 | 5 | 35,185.17 |');
    expect(markdown).toContain('| **Subtotal** |  |  |  |  | **CNY 147,185.17** |');
    expect(markdown).toContain('| **Discount (10%)** |  |  |  |  | **CNY -14,718.52** |');
    expect(markdown).toContain('| **Tax (6%)** |  |  |  |  | **CNY 7,948.00** |');
    expect(markdown).toContain('| **Total** |  |  |  |  | **CNY 140,414.65** |');
    expect(markdown).toContain('| Discovery | 2026-04-06 | 2026-04-19 | 2 | Intent list | Scope signed |\n| Build | 2026-04-20 | 2026-05-10 | 3 | Bot |  |');
    expect(markdown).toContain('| Containment | ≥ 40% | Calls closed by the bot |');
  });

  it('speaks the proposal language on the cover and in the tables', () => {
    const doc = exportOf({ lang: 'zh' });
    expect(coverFields({ ...doc, versionName: null }).map((f) => `${f.label}=${f.value}`)).toEqual([
      '致=Eastern Telecom',
      '报价方=田野电信智能\nWang Fang · wang.fang@example.com · +86 21 5555 0100',
      '项目=Contact centre pilot',
      '报价编号=Q-202611-ABC123',
      '日期=2026年11月23日',
      '有效期至=2027年1月22日',
      '状态=内部评审',
      '版本=当前草稿',
      '副本=内部副本，请勿发给客户',
    ]);
    // The customer's copy says nothing of the house's status or versions.
    expect(coverFields({ ...doc, versionName: null, copy: 'customer' }).map((f) => f.label)).toEqual(['致', '报价方', '项目', '报价编号', '日期', '有效期至']);
    expect(pricingTable(PRICING, 'zh').totals.at(-1)).toEqual(['合计', '¥140,414.65']);
    expect(timelineTable(doc.proposal.timeline, 'zh').columns[0]).toBe('阶段');
  });

  it('states a tax rate as a percent, and leaves out discounts a quote does not have', () => {
    expect(ratePercent('0.06')).toBe('6');
    expect(ratePercent('0.135')).toBe('13.5');
    expect(ratePercent('0')).toBe('0');
    expect(pricingTable(PRICING, 'en').totals.map(([label]) => label)).toEqual(['Subtotal', 'Discount (10%)', 'Amount before tax', 'Tax (6%)', 'Total']);
    // No overall discount: no discount row of 0.00, and no amount before tax that repeats the subtotal.
    const noDiscount = pricingTable({ ...PRICING, discount: { kind: 'amount', value: '0' } }, 'en');
    expect(noDiscount.totals.map(([label]) => label)).toEqual(['Subtotal', 'Tax (6%)', 'Total']);
    // No line discounted: no column of empty cells; the widths and alignments follow the columns.
    const plain = pricingTable({ ...PRICING, lines: PRICING.lines.map((line) => ({ ...line, discountPercent: clearedDiscount(line.discountPercent) })) }, 'en');
    expect(plain.columns).toEqual(['Item', 'Unit', 'Quantity', 'Unit price (CNY)', 'Amount (CNY)']);
    expect(plain.rows.every((row) => row.length === 5)).toBe(true);
    expect([plain.widths.length, plain.numeric.length]).toEqual([5, 5]);
  });
});

/** A line's discount cleared, as the editor leaves it: empty, or 0. */
function clearedDiscount(discount: string | undefined): string {
  return discount === undefined || discount === '' ? '' : '0';
}

describe('Markdown export of hostile content', () => {
  type N = Record<string, unknown>;
  const t = (text: string): N => ({ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 });
  const a = (url: string, children: N[]): N => ({ type: 'link', url, rel: null, target: null, title: null, children, direction: null, format: '', indent: 0, version: 1 });
  const v = (name: string): N => ({ type: 'variable', name, reason: 'unknown', version: 1 });
  const body = (...children: N[]): string =>
    JSON.stringify({ root: { type: 'root', children: [{ type: 'paragraph', children, direction: null, format: '', indent: 0, version: 1 }], direction: null, format: '', indent: 0, version: 1 } });

  it.each(['javascript:alert(1)', 'http:javascript:alert(1)', 'https:evil.example', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>x</script>', 'vbscript:msgbox(1)', 'https://user@evil.example', 'java\tscript:alert(1)'])(
    'writes only the words of a link to %j',
    (url) => {
      const md = richTextMarkdown(body(a(url, [t('click')])));
      expect(md).toBe('click');
    },
  );

  it('escapes what text and variable names could turn into links, images or HTML', () => {
    const md = richTextMarkdown(body(t('[click](javascript:alert(1)) <img src=x onerror=alert(1)> ![x](https://t.example/p.png)'), v('<img src=x onerror=alert(1)>')));
    expect(md).not.toMatch(/(?<!\\)\[click(?<!\\)\]/);
    expect(md).not.toMatch(/(?<!\\)<img/);
    expect(md).toContain('{{\\<img src=x onerror=alert(1)\\>}}');
  });

  it('refuses variable names outside the safe set at the contract (the document check)', () => {
    const checked = checkProposalDocument(body(v('<img src=x onerror=alert(1)>'), v('customer.name'), v('客户.名称'), v('a b'), v('x'.repeat(101))));
    expect(checked.problems.map((p) => p.path)).toEqual(['root.children.0.children.0', 'root.children.0.children.3', 'root.children.0.children.4']);
  });

  it('shows amounts with the currency as the organisation chose: by language, symbol or code', () => {
    expect(moneyText('CNY', 'en')('1234.5')).toBe('CNY 1,234.5');
    expect(moneyText('CNY', 'zh')('1234.50', true)).toBe('-¥1,234.50');
    expect(moneyText('USD', 'zh')('10.00')).toBe('USD 10.00');
    expect(moneyText('CNY', 'en', 'symbol')('1234.50', true)).toBe('-¥1,234.50');
    expect(moneyText('USD', 'en', 'symbol')('10.00')).toBe('$10.00');
    // A currency without a symbol here keeps its code.
    expect(moneyText('CHF', 'en', 'symbol')('10.00')).toBe('CHF 10.00');
    expect(moneyText('CNY', 'zh', 'code')('10.00')).toBe('CNY 10.00');
    expect(pricingTable(PRICING, 'en', 'symbol').totals.at(-1)).toEqual(['Total', '¥140,414.65']);
  });
});

describe('numbered headings', () => {
  it('numbers chapters and their subheadings, restarts under each chapter, and leaves other levels alone', () => {
    const blocks = numberHeadings([headingBlock(1, 'Title'), headingBlock(3, 'Before'), headingBlock(2, 'A'), headingBlock(3, 'A.a'), headingBlock(4, 'deep'), headingBlock(3, 'A.b'), headingBlock(2, 'B'), headingBlock(3, 'B.a')]);
    expect(blocks.map((b) => (b.kind === 'heading' ? runsText(b.content) : ''))).toEqual(['Title', '0.1 Before', '1 A', '1.1 A.a', 'deep', '1.2 A.b', '2 B', '2.1 B.a']);
    expect(chapterTitles(blocks)).toEqual(['1 A', '2 B']);
    expect(numberHeadings([headingBlock(2, 'A'), headingBlock(3, 'sub')], 2).map((b) => (b.kind === 'heading' ? runsText(b.content) : ''))).toEqual(['1 A', 'sub']);
  });
});
