import { DEFAULT_ORGANISATION } from '../../core/organisation/profile';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DocumentModel } from '../../core/document/model';
import { proposalDocument } from '../../core/proposals/export-document';
import { documentJson, heading, link, paragraph, textNode } from '../../core/richtext/build';
import { DocumentView } from '../../renderer/document/DocumentView';

/** The print pages' view of a document: the model as plain elements, in the document's language. */

const html = (doc: DocumentModel): string => renderToStaticMarkup(<DocumentView doc={doc} testId="sheet" />);

describe('DocumentView', () => {
  it('renders a proposal: cover, contents, section headings one level under the title, the Gantt and tables with totals', () => {
    const doc = proposalDocument({
      proposal: {
        title: '语音机器人 POC',
        lang: 'zh',
        status: 'draft',
        sections: [
          {
            id: 'a',
            title: '概述',
            kind: 'text',
            bodyJson: documentJson([heading('h2', '背景'), paragraph([textNode('见 '), link('https://example.com', [textNode('说明')]), textNode(' '), { type: 'variable', version: 1, name: 'customer.name', reason: 'unknown' }])]),
            source: [],
          },
          { id: 't', title: '进度', kind: 'timeline', bodyJson: documentJson([]), source: [] },
          { id: 'p', title: '报价', kind: 'pricing', bodyJson: documentJson([]), source: [] },
        ],
        successCriteria: [],
        pricing: { currency: 'CNY', taxRate: '0.06', discount: { kind: 'percent', value: '0' }, lines: [{ id: 'l', item: '开发', unit: '天', quantity: '2', unitPrice: '100' }] },
        timeline: { start: '2026-04-06', phases: [{ id: 'p1', name: '调研', weeks: 2, deliverables: '' }] },
      },
      customerName: '华东电信',
      engagementTitle: '试点',
      versionName: null,
      date: '2026-11-23',
      copy: 'internal',
      organisation: { ...DEFAULT_ORGANISATION, name: { en: 'Fieldbench Telecom AI', zh: '田野电信智能' }, contact: { name: 'Wang Fang', email: 'wang.fang@example.com', phone: '+86 21 5555 0100' } },
      quoteNumber: 'Q-202611-ABC123',
    });
    const markup = html(doc);
    expect(markup).toContain('<article class="print-sheet doc-sheet doc-pages-zh" lang="zh-CN" data-testid="sheet">');
    expect(markup).toContain('<section class="doc-cover"><h1>语音机器人 POC</h1><dl class="doc-fields"><div><dt>致：</dt><dd>华东电信</dd></div>');
    expect(markup).toContain('<nav class="doc-contents" aria-label="目录"><h2>目录</h2><ul><li>1 概述</li><li>2 进度</li><li>3 报价</li><li>4 客户确认</li></ul></nav>');
    expect(markup).toContain('<h2><span>1 概述</span></h2><h3><span>1.1 背景</span></h3>');
    expect(markup).toContain('<a href="https://example.com" target="_blank" rel="noreferrer noopener"><span>说明</span></a>');
    expect(markup).toContain('<mark class="doc-variable">{{customer.name}}</mark>');
    expect(markup).toContain('data-testid="gantt"');
    expect(markup).toContain('<tfoot><tr class="doc-total"><th scope="row" colSpan="4" class="num">小计</th><td class="num">¥200.00</td></tr>');
    expect(markup).toContain('<tr class="doc-total"><th scope="row" colSpan="4" class="num">合计</th><td class="num">¥212.00</td></tr></tfoot>');
    // No discount anywhere: no empty discount column, no discount row of ¥0.00.
    expect(markup).not.toContain('折扣');
    // A Chinese quotation in yuan also states the total in words.
    expect(markup).toContain('合计（大写）：人民币贰佰壹拾贰元整');
    // After the cover, after the contents, and before the acceptance page.
    expect((markup.match(/class="doc-page-break"/g) ?? []).length).toBe(3);
  });

  it('renders report blocks: lead and muted lines, text cells that keep their line breaks, photos and files by name', () => {
    const markup = html({
      lang: 'en',
      title: 'Report',
      blocks: [
        { kind: 'paragraph', tone: 'lead', content: [{ kind: 'text', text: '1.1 Question' }] },
        { kind: 'paragraph', tone: 'muted', content: [{ kind: 'text', text: 'Not answered' }] },
        { kind: 'table', columns: ['Question', 'Answer'], rows: [['Q', 'one\ntwo']], widths: [3, 1] },
        { kind: 'files', role: 'signature', otherFilesLabel: 'Attached files (not shown)', files: [{ sha256: 'a'.repeat(64), name: 'notes.pdf', caption: '', mime: 'application/pdf', isImage: false }] },
      ],
    });
    expect(markup).toContain('<p class="doc-lead"><span>1.1 Question</span></p><p class="doc-muted"><span>Not answered</span></p>');
    expect(markup).toContain('<col style="width:75%"/><col style="width:25%"/>');
    expect(markup).toContain('<td class="doc-text-cell">one\ntwo</td>');
    expect(markup).toContain('<div class="doc-files doc-signature"><p><strong>Attached files (not shown): </strong>notes.pdf</p></div>');
  });
});
