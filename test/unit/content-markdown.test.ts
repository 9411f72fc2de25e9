import { describe, expect, it } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import { $getRoot } from 'lexical';
import { lintKbMarkdown } from '../../core/content/markdown-lint';
import { KB_NODES } from '../../core/richtext/nodes';
import { convertMarkdown, isAllowedArticleLink } from '../../core/richtext/markdown';
import { nodesOfType, rootOf, walk, type RichNode } from '../../core/richtext/walk';

/** Every node of a converted document, root first (through the rich-text module's one visitor). */
function nodes(json: string): RichNode[] {
  const found: RichNode[] = [];
  const root = rootOf(json);
  if (root) walk(root, (node) => void found.push(node));
  return found;
}

const ofType = nodesOfType;

describe('convertMarkdown (Markdown in)', () => {
  it('runs under plain Node: there is no DOM here', () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    expect(convertMarkdown('hello').text).toBe('hello');
  });

  it('converts ## and ### headings, paragraphs and inline formats', () => {
    const { json, text } = convertMarkdown('## Why it matters\n\nSome **bold**, *italic* and `code`.\n\n### Details\n\nMore.');
    expect(ofType(json, 'heading').map((h) => h.tag)).toEqual(['h2', 'h3']);
    const bold = nodes(json).find((n) => n.text === 'bold');
    expect(bold?.format).toBe(1); // Lexical's IS_BOLD
    expect(nodes(json).find((n) => n.text === 'code')?.format).toBe(16); // IS_CODE
    expect(text).toBe('Why it matters\n\nSome bold, italic and code.\n\nDetails\n\nMore.');
  });

  it('converts bullet and numbered lists and block quotes', () => {
    const { json, text } = convertMarkdown('- one\n- two\n\n1. first\n2. second\n\n> quoted');
    expect(ofType(json, 'list').map((l) => l.listType)).toEqual(['bullet', 'number']);
    expect(ofType(json, 'listitem')).toHaveLength(4);
    expect(ofType(json, 'quote')).toHaveLength(1);
    expect(text).toContain('second');
  });

  it('keeps http, https, mailto and kb: links', () => {
    const { json } = convertMarkdown(
      'See [a](https://example.org/x?y=1), [b](http://example.org), [c](mailto:dpo@example.com) and [d](kb:ics-intent-taxonomy-method).',
    );
    expect(ofType(json, 'link').map((l) => l.url)).toEqual([
      'https://example.org/x?y=1',
      'http://example.org',
      'mailto:dpo@example.com',
      'kb:ics-intent-taxonomy-method',
    ]);
  });

  it('drops links with other schemes but keeps their words and formatting', () => {
    const md = '[one](javascript:alert(1)) [**two**](JavaScript:alert(2)) [three](data:text/html,x) [four](vbscript:x) [five](/relative) [six](KB:Upper)';
    const { json, text, droppedLinks } = convertMarkdown(md);
    expect(ofType(json, 'link')).toEqual([]);
    expect(json.toLowerCase()).not.toContain('javascript:');
    expect(json).not.toContain('data:text');
    expect(text).toBe('one two three four five six');
    expect(nodes(json).find((n) => n.text === 'two')?.format).toBe(1);
    expect(droppedLinks).toEqual(['javascript:alert(1)', 'JavaScript:alert(2)', 'data:text/html,x', 'vbscript:x', '/relative', 'KB:Upper']);
  });

  it('leaves raw HTML as inert text', () => {
    const { json, text } = convertMarkdown('Before <script>alert(1)</script> and <img src=x onerror=alert(2)>\n\n<div>block</div>');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('<img src=x onerror=alert(2)>');
    expect(text).toContain('<div>block</div>');
    // Only plain structure nodes: nothing that could carry markup.
    const types = new Set(nodes(json).map((n) => n.type));
    expect([...types].sort()).toEqual(['paragraph', 'root', 'text']);
  });

  it('keeps Chinese text and mixed en/zh as they are', () => {
    const { json, text } = convertMarkdown('## 为什么重要\n\n先对**通话转写**进行聚类，再抽样标注 (NLU)。\n\n- 第一步\n- 第二步');
    expect(ofType(json, 'heading')[0]?.tag).toBe('h2');
    expect(text).toBe('为什么重要\n\n先对通话转写进行聚类，再抽样标注 (NLU)。\n\n第一步\n\n第二步');
  });

  it('treats Windows line endings like Unix ones', () => {
    expect(convertMarkdown('## A\r\n\r\n- b\r\n- c').json).toBe(convertMarkdown('## A\n\n- b\n- c').json);
  });

  it('produces JSON that an editor with the shared KB_NODES can load (what the renderer does)', () => {
    const { json, text } = convertMarkdown('## T\n\n- [x](kb:a-b)\n\n```\nconst a = 1;\n```\n\n> q');
    const editor = createHeadlessEditor({ nodes: [...KB_NODES], onError: (e) => { throw e; } });
    const state = editor.parseEditorState(json);
    expect(state.read(() => $getRoot().getTextContent())).toBe(text);
  });
});

describe('isAllowedArticleLink', () => {
  it.each([
    ['https://a.example', true],
    ['HTTP://a.example', true],
    ['mailto:x@y.z', true],
    ['kb:some-article', true],
    ['kb:Some-Article', false],
    ['kb:', false],
    ['kb:a--b', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['#anchor', false],
    ['', false],
    // Packs come from the central repository: the whole link is checked, not its first word.
    ['http:javascript:alert(1)', false],
    ['https:evil.example', false],
    ['https:/evil.example', false],
    ['https://user:pw@evil.example', false],
    [' javascript:alert(1)', false],
    ['java\tscript:alert(1)', false],
    ['https://a.example/\u0000x', false],
    ['https://a.example/p?q=1#f', true],
    ['https://例子.测试/路径', true],
    ['mailto:x@y.z?attach=/etc/passwd', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedArticleLink(url)).toBe(allowed);
  });
});

describe('lintKbMarkdown', () => {
  it('reports tables, images, raw HTML and unsupported heading levels with their lines', () => {
    const md = ['# Title', '', '| a | b |', '|---|---|', '', '![pic](https://x/y.png)', '', 'Text <b>bold</b>', '', '#### Deep', '## Fine', '### Fine too'].join('\n');
    expect(lintKbMarkdown(md)).toEqual([
      { line: 1, message: 'use ## or ### headings, not #' },
      { line: 3, message: 'tables are not supported; write the rows as a list' },
      { line: 4, message: 'tables are not supported; write the rows as a list' },
      { line: 6, message: 'images are not supported in articles' },
      { line: 8, message: 'raw HTML is not supported; it is shown as plain text' },
      { line: 10, message: 'use ## or ### headings, not ####' },
    ]);
  });

  it('does not report code: fenced blocks and inline code may show anything', () => {
    const md = ['Use `<div>` and `| a |` freely.', '```', '<script>x</script>', '| a | b |', '# comment', '```', 'a < b and c > d'].join('\n');
    expect(lintKbMarkdown(md)).toEqual([]);
  });
});
