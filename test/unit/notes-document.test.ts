import { describe, expect, it } from 'vitest';
import { formatApiMessage, type ApiMessage } from '../../core/api/message';

const en = (message: ApiMessage): string => formatApiMessage(message, 'en');
const firstProblem = (checked: { problems: { message: ApiMessage }[] }): string => {
  const [first] = checked.problems;
  return first ? en(first.message) : '';
};
import { checkLexicalDocument, detectLang, EMPTY_DOCUMENT_JSON, isAllowedNoteLink, MAX_NOTE_JSON_BYTES, noteSizeProblem } from '../../core/notes/lexical-document';
import { MAX_DOCUMENT_DEPTH, utf8Bytes } from '../../core/richtext/check';
import { sectionsOf } from '../../core/richtext/text';
import { draftLesson, fieldForHeading } from '../../core/notes/codify';
import { excerptOf, missingForReady, normalizeTags } from '../../core/notes/types';

type Node = Record<string, unknown>;

const text = (t: string, extra: Node = {}): Node => ({ type: 'text', text: t, format: 0, detail: 0, mode: 'normal', style: '', version: 1, ...extra });
const paragraph = (...children: Node[]): Node => ({ type: 'paragraph', children, direction: null, format: '', indent: 0, version: 1 });
const heading = (tag: string, t: string): Node => ({ type: 'heading', tag, children: [text(t)], direction: null, format: '', indent: 0, version: 1 });
const link = (url: string, t: string, type = 'link'): Node => ({ type, url, rel: null, target: null, title: null, children: [text(t)], version: 1 });
const doc = (...children: Node[]): string => JSON.stringify({ root: { type: 'root', children, direction: null, format: '', indent: 0, version: 1 } });

describe('checkLexicalDocument', () => {
  it('accepts the editor’s own nodes and derives one line per block', () => {
    const checked = checkLexicalDocument(
      doc(
        heading('h1', 'Site visit'),
        paragraph(text('The NOC team '), text('agreed', { format: 1 }), { type: 'linebreak', version: 1 }, text('to a pilot.')),
        {
          type: 'list',
          listType: 'check',
          start: 1,
          tag: 'ul',
          version: 1,
          children: [
            { type: 'listitem', checked: true, value: 1, version: 1, children: [text('Collect alarms')] },
            { type: 'listitem', checked: false, value: 2, version: 1, children: [link('kb:ics-poc-checklist', 'POC checklist')] },
          ],
        },
        {
          type: 'table',
          version: 1,
          children: [
            { type: 'tablerow', version: 1, children: [{ type: 'tablecell', headerState: 1, version: 1, children: [paragraph(text('Site'))] }, { type: 'tablecell', headerState: 1, version: 1, children: [paragraph(text('KPI'))] }] },
            { type: 'tablerow', version: 1, children: [{ type: 'tablecell', headerState: 0, version: 1, children: [paragraph(text('A12'))] }, { type: 'tablecell', headerState: 0, version: 1, children: [paragraph(text('98%'))] }] },
          ],
        },
        paragraph({ type: 'image', sha256: 'a'.repeat(64), altText: 'rack photo', version: 1 }),
      ),
    );
    expect(checked.problems).toEqual([]);
    expect(checked.text).toBe('Site visit\nThe NOC team agreed\nto a pilot.\nCollect alarms\nPOC checklist\nSite\tKPI\nA12\t98%\nrack photo');
    expect(checked.json).not.toBeNull();
  });

  it('drops hostile links but keeps their words, naming the path', () => {
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'http://plain.example.com', 'vbscript:x', 'https:evil', 'kb:../x']) {
      const checked = checkLexicalDocument(doc(paragraph(text('see '), link(url, 'here'))));
      expect(checked.problems, url).toHaveLength(1);
      expect(checked.problems[0]?.path).toBe('root.children.0.children.1');
      expect(checked.text).toBe('see here');
      expect(checked.json).not.toContain(url.trim());
      expect(JSON.parse(checked.json ?? '')).toMatchObject({ root: { children: [{ type: 'paragraph', children: [{ text: 'see ' }, { text: 'here' }] }] } });
    }
    for (const url of ['https://example.com/a?b=c#d', 'mailto:li.wei@example.com', 'kb:ics-poc-checklist']) {
      expect(checkLexicalDocument(doc(paragraph(link(url, 'x', 'autolink')))).problems, url).toEqual([]);
    }
  });

  it('knows which link targets are allowed', () => {
    expect(isAllowedNoteLink('https://例子.测试/路径')).toBe(true);
    expect(isAllowedNoteLink('https://exa mple.com')).toBe(false);
    expect(isAllowedNoteLink('https://example.com/\u0000')).toBe(false);
    expect(isAllowedNoteLink('mailto:')).toBe(false);
  });

  it('refuses unknown node types, html and scripts', () => {
    const checked = checkLexicalDocument(doc(paragraph(text('ok')), { type: 'html', html: '<script>alert(1)</script>', version: 1 }, paragraph({ type: 'youtube', videoID: 'x', version: 1 })));
    expect(checked.problems.map((p) => p.path)).toEqual(['root.children.1', 'root.children.2.children.0']);
    expect(firstProblem(checked)).toContain('"html"');
    expect(checked.json).not.toContain('script');
  });

  it('lets images name attachments only, never URLs', () => {
    const byUrl = checkLexicalDocument(doc(paragraph({ type: 'image', src: 'https://tracker.example.com/p.png', altText: 'x', version: 1 })));
    expect(byUrl.problems).toHaveLength(1);
    expect(firstProblem(byUrl)).toContain('sha256');
    const both = checkLexicalDocument(doc(paragraph({ type: 'image', sha256: 'b'.repeat(64), src: 'https://tracker.example.com/p.png', version: 1 })));
    expect(both.problems.map((p) => p.path)).toEqual(['root.children.0.children.0.src']);
    expect(both.json).not.toContain('tracker');
  });

  it('removes text styles that can load something', () => {
    const checked = checkLexicalDocument(doc(paragraph(text('x', { style: 'background-image: url(https://t.example.com/p)' }), text('y', { style: 'color: red' }))));
    expect(checked.problems.map((p) => p.path)).toEqual(['root.children.0.children.0.style']);
    expect(checked.json).toContain('color: red');
    expect(checked.json).not.toContain('url(');
  });

  it('bounds the depth', () => {
    let deep: Node = text('bottom');
    for (let i = 0; i < MAX_DOCUMENT_DEPTH + 5; i++) deep = { type: 'quote', children: [deep], version: 1 };
    const checked = checkLexicalDocument(doc(deep));
    expect(checked.problems).toHaveLength(1);
    expect(firstProblem(checked)).toContain(`deeper than ${MAX_DOCUMENT_DEPTH}`);
    expect(checked.text).not.toContain('bottom');
  });

  it('refuses what is not a Lexical state', () => {
    expect(firstProblem(checkLexicalDocument('{'))).toContain('not valid JSON');
    expect(firstProblem(checkLexicalDocument('{"root":{"type":"paragraph","children":[]}}'))).toContain('not a Lexical editor state');
    expect(checkLexicalDocument('[]').json).toBeNull();
    expect(checkLexicalDocument(EMPTY_DOCUMENT_JSON)).toEqual({ json: EMPTY_DOCUMENT_JSON, text: '', problems: [] });
  });

  it('refuses a body over 2 MB with a message that says how large it is', () => {
    const big = doc(paragraph(text('x'.repeat(Math.round(5.1 * 1024 * 1024)))));
    const tooLarge = noteSizeProblem(big);
    expect(tooLarge && en(tooLarge)).toBe('This note is 5.1 MB; it can be at most 2 MB. Move large content into attachments.');
    expect(tooLarge && formatApiMessage(tooLarge, 'zh')).toBe('这份笔记有 5.1 MB，最多 2 MB。请把大的内容放到附件中。');
    expect(firstProblem(checkLexicalDocument(big))).toContain('5.1 MB');
    expect(noteSizeProblem(doc(paragraph(text('x'.repeat(MAX_NOTE_JSON_BYTES - 500)))))).toBeNull();
  });

  it('counts UTF-8 bytes', () => {
    expect(utf8Bytes('aé中😀')).toBe(1 + 2 + 3 + 4);
  });
});

describe('detectLang', () => {
  it('says zh when the text is mostly Han', () => {
    expect(detectLang('基站节能试点：告警数据需要先清洗。')).toBe('zh');
    expect(detectLang('基站节能 POC 需要 NOC 配合')).toBe('zh');
    expect(detectLang('The pilot needs alarm data from the NOC (基站).')).toBe('en');
    expect(detectLang('')).toBe('en');
  });
});

describe('codify', () => {
  it('reads headings in English and Chinese', () => {
    expect(fieldForHeading('Problem')).toBe('problem');
    expect(fieldForHeading('2. Actions taken:')).toBe('action');
    expect(fieldForHeading('结果：')).toBe('result');
    expect(fieldForHeading('问题')).toBe('problem');
    expect(fieldForHeading('措施')).toBe('action');
    expect(fieldForHeading('Recommendations')).toBe('recommendation');
    expect(fieldForHeading('Attendees')).toBeNull();
  });

  it('splits a document at its headings', () => {
    const json = doc(paragraph(text('Intro')), heading('h2', 'Problem'), paragraph(text('Alarms are noisy.')), heading('h2', 'Attendees'));
    expect(sectionsOf(json)).toEqual([
      { heading: null, text: 'Intro' },
      { heading: 'Problem', text: 'Alarms are noisy.' },
      { heading: 'Attendees', text: '' },
    ]);
  });

  it('places sections in fields and the rest in the context', () => {
    const structured = doc(heading('h2', 'Problem'), paragraph(text('Alarm storms hide real faults.')), heading('h2', 'Action'), paragraph(text('Grouped alarms by site.')), heading('h2', 'Result'), paragraph(text('Tickets down 40%.')));
    const loose = doc(paragraph(text('Customer wants a demo in May.')));
    const draft = draftLesson(
      [
        { title: 'Alarm storms', bodyJson: structured },
        { title: 'Follow-up', bodyJson: loose },
      ],
      { title: 'NOC pilot', customerName: 'Northern Grid', customerKind: 'operator-branch', scenarioNames: ['Network fault prediction'] },
      'en',
    );
    expect(draft).toEqual({
      title: 'Alarm storms',
      context: 'Engagement "NOC pilot" for Northern Grid (operator branch). Scenarios: Network fault prediction.\n\nFollow-up\nCustomer wants a demo in May.',
      problem: 'Alarm storms hide real faults.',
      action: 'Grouped alarms by site.',
      result: 'Tickets down 40%.',
      recommendation: '',
    });
    const zh = draftLesson([{ title: '', bodyJson: doc(heading('h2', '问题'), paragraph(text('数据缺失'))) }], { title: '节能试点', customerName: '华东分公司', customerKind: 'operator-branch', scenarioNames: ['基站节能'] }, 'zh');
    expect(zh).toMatchObject({ title: '经验：节能试点', context: '项目“节能试点”，客户：华东分公司（运营商分公司）。场景：基站节能。', problem: '数据缺失' });
  });
});

describe('note helpers', () => {
  it('normalizes tags, finds missing lesson fields and cuts excerpts', () => {
    expect(normalizeTags([' POC ', 'poc', 'alarm  data', '', '基站'])).toEqual(['POC', 'alarm data', '基站']);
    expect(missingForReady({ title: 'x', problem: ' ', action: 'y', recommendation: '' })).toEqual(['problem', 'recommendation']);
    expect(excerptOf('a\nb', 10)).toBe('a b');
    // Chinese sentences and words join without a space; next to Latin text the break stays a space.
    expect(excerptOf('夜间来电等待过长。\n夜班增加两名坐席。\n\nPOC 结束', 40)).toBe('夜间来电等待过长。夜班增加两名坐席。POC 结束');
    expect(excerptOf('等待过长\nAgents were short.', 40)).toBe('等待过长 Agents were short.');
    expect(excerptOf('abcdefghijkl', 5)).toBe('abcd…');
  });
});
