import { describe, expect, it } from 'vitest';
import { formatApiMessage, type ApiMessage } from '../../core/api/message';

/** Problems with their messages in English, as the tests read them. */
const english = (problems: { where: string; message: ApiMessage }[]) => problems.map((p) => ({ where: p.where, message: formatApiMessage(p.message, 'en') }));
import { FIXED_TEMPLATE_VARIABLES } from '../../core/content/template-vars';
import { htmlToTemplateSections as fromTree, type ImportOptions } from '../../core/templates/docx-import';
import { parseHtml } from '../../electron/backend/import/html-tree';

const OPTIONS = { variables: [...FIXED_TEMPLATE_VARIABLES, 'answer.monthly-contacts'], introductionTitle: 'Introduction' };

/** Mammoth's HTML as the backend reads it: parsed by htmlparser2, then converted by core. */
const htmlToTemplateSections = (html: string, options: ImportOptions) => fromTree(parseHtml(html), options);

describe('Word HTML → template sections', () => {
  it('splits at Heading 1 and 2, takes the Title, and converts paragraphs, formats, lists, links and tables', () => {
    const html = [
      '<h1 class="doc-title">Voicebot POC</h1>',
      '<p>Prepared for <strong>{{customer.name}}</strong>.</p>',
      '<h1>Overview</h1>',
      '<p><em>Scope</em> &amp; aims, see <a href="https://example.com/x">the brief</a> and <a href="file:///etc/passwd">this</a>.</p>',
      '<ul><li>Intents<ul><li>Billing</li></ul></li><li><p>Handover</p></li></ul>',
      '<ol><li>Discovery</li><li>Build</li></ol>',
      '<h3>Detail</h3>',
      '<table><tr><td><p>Site</p></td><td><p>Calls | month</p></td></tr><tr><td><p>Shanghai</p></td><td><p>250,000</p></td></tr></table>',
      '<h2>Team</h2>',
      '<p>Lead: «team lead»</p>',
    ].join('');
    const result = htmlToTemplateSections(html, OPTIONS);
    expect(result.title).toBe('Voicebot POC');
    expect(result.sections.map((s) => s.title)).toEqual(['Introduction', 'Overview', 'Team']);
    expect(result.sections[0]?.markdown).toBe('Prepared for **{{customer.name}}**.');
    expect(result.sections[1]?.markdown).toBe(
      [
        '*Scope* & aims, see [the brief](https://example.com/x) and this.',
        '',
        '- Intents\n    - Billing\n- Handover',
        '',
        '1. Discovery\n2. Build',
        '',
        '## Detail',
        '',
        '| Site | Calls \\| month |\n| --- | --- |\n| Shanghai | 250,000 |',
      ].join('\n'),
    );
    expect(result.sections[2]?.markdown).toBe('Lead: {{team.lead}}');
    expect(english(result.problems)).toEqual([{ where: 'Overview', message: expect.stringContaining('the link to “file:///etc/passwd” was removed') }]);
    expect(result.mostlyChinese).toBe(false);
  });

  it('keeps unknown variables as text and reports them with a suggestion', () => {
    const result = htmlToTemplateSections('<h1>Intro</h1><p>Dear {{custmer.name}}, «favourite colour» {{answer.monthly-contacts}}</p>', OPTIONS);
    expect(result.sections[0]?.markdown).toBe('Dear «custmer.name», «favourite colour» {{answer.monthly-contacts}}');
    expect(english(result.problems).map((p) => p.message)).toEqual([
      '{{custmer.name}} is not a variable templates may use; it was kept as the text «custmer.name» — did you mean {{customer.name}}?',
      '«favourite colour» is not a variable templates may use; it was kept as the text «favourite colour»',
    ]);
  });

  it('recognises a variable Word split across formatting runs, with the formatting of its first piece', () => {
    const result = htmlToTemplateSections(
      '<h1>Intro</h1><p>Dear {{customer.<strong>name</strong>}}, for <em>«team</em> lead» and {{<strong>answer.monthly</strong>-contacts}} calls.</p>',
      OPTIONS,
    );
    expect(result.sections[0]?.markdown).toBe('Dear {{customer.name}}, for *{{team.lead}}* and {{answer.monthly-contacts}} calls.');
    expect(result.problems).toEqual([]);
  });

  it('keeps every cell in its column when Word merged cells across or down, and says so', () => {
    const html = [
      '<h1>Price</h1>',
      '<table>',
      '<tr><td><p>Item</p></td><td><p>Qty</p></td><td><p>Amount</p></td></tr>',
      '<tr><td rowspan="2"><p>Platform</p></td><td><p>1</p></td><td><p>100</p></td></tr>',
      '<tr><td><p>2</p></td><td><p>200</p></td></tr>',
      '<tr><td colspan="2"><p>Total</p></td><td><p>300</p></td></tr>',
      '</table>',
    ].join('');
    const result = htmlToTemplateSections(html, OPTIONS);
    expect(result.sections[0]?.markdown).toBe(
      ['| Item | Qty | Amount |', '| --- | --- | --- |', '| Platform | 1 | 100 |', '|  | 2 | 200 |', '| Total |  | 300 |'].join('\n'),
    );
    expect(english(result.problems)).toEqual([{ where: 'Price', message: expect.stringContaining('merged cells') }]);
  });

  it('fills a short row and ignores spans that are not small whole numbers', () => {
    const html = '<h1>T</h1><table><tr><td>A</td><td>B</td><td>C</td></tr><tr><td colspan="x">1</td><td rowspan="-3">2</td></tr></table>';
    const result = htmlToTemplateSections(html, OPTIONS);
    expect(result.sections[0]?.markdown).toBe(['| A | B | C |', '| --- | --- | --- |', '| 1 | 2 |  |'].join('\n'));
    expect(result.problems).toEqual([]);
  });

  it('drops images with a problem, carries an empty chapter heading into the next section, and never keeps HTML', () => {
    const html = '<h1>方案</h1><h2>背景</h2><p>客户 <img src="" alt="机房照片" /> 现状<script>alert(1)</script> &lt;b&gt;</p>';
    const result = htmlToTemplateSections(html, OPTIONS);
    expect(result.sections).toEqual([{ title: '背景', markdown: '## 方案\n\n客户  现状alert(1) \\<b\\>' }]);
    expect(english(result.problems)).toEqual([{ where: '背景', message: expect.stringContaining('an image (“机房照片”) was left out') }]);
    expect(result.mostlyChinese).toBe(true);
  });

  it('reads entities and stray angle brackets without losing text', () => {
    const root = parseHtml('<p>a &lt; b &#x4e2d;&#25991; &bogus; 3 < 4</p>');
    expect(root.children).toEqual([{ tag: 'p', attrs: {}, children: ['a < b 中文 &bogus; 3 < 4'] }]);
  });

  it('parses HTML as browsers do: unclosed paragraphs, attributes in any quotes, comments dropped', () => {
    const root = parseHtml("<P CLASS='doc-title'>One<p>Two <!-- note --><b>bold</p><ul><li>a<li>b</ul>");
    expect(root.children).toEqual([
      { tag: 'p', attrs: { class: 'doc-title' }, children: ['One'] },
      { tag: 'p', attrs: {}, children: ['Two ', { tag: 'b', attrs: {}, children: ['bold'] }] },
      { tag: 'ul', attrs: {}, children: [{ tag: 'li', attrs: {}, children: ['a'] }, { tag: 'li', attrs: {}, children: ['b'] }] },
    ]);
    const sections = htmlToTemplateSections('<h2>Scope</h2><p>Calls &gt; 10k<br/>a &amp; b</p><blockquote><p>Quoted</p></blockquote>', OPTIONS);
    expect(sections.sections).toEqual([{ title: 'Scope', markdown: 'Calls \\> 10k a & b\n\n> Quoted' }]);
  });
});
