import { describe, expect, it } from 'vitest';
import { articleHref, articleIdFromHref, classifyLink, EXTERNAL_REL, prepareArticleState } from '../../renderer/kb/links';

describe('article link policy', () => {
  it('opens kb:<id> inside the app', () => {
    expect(classifyLink('kb:ics-kpi-glossary')).toEqual({ kind: 'article', id: 'ics-kpi-glossary' });
    expect(articleIdFromHref(articleHref('ics-kpi-glossary'))).toBe('ics-kpi-glossary');
  });

  it('opens http(s) and mailto outside', () => {
    expect(classifyLink('https://www.example.org/a?b=1')).toEqual({ kind: 'external', href: 'https://www.example.org/a?b=1' });
    expect(classifyLink(' http://example.org ')).toEqual({ kind: 'external', href: 'http://example.org/' });
    expect(classifyLink('mailto:kb@example.org')).toEqual({ kind: 'external', href: 'mailto:kb@example.org' });
    expect(classifyLink('mailto:kb@example.org?subject=Hi&body=Text')).toEqual({ kind: 'external', href: 'mailto:kb@example.org?subject=Hi&body=Text' });
  });

  it('makes no mailto: link that carries other parameters', () => {
    for (const url of ['mailto:kb@example.org?attach=/home/user/.ssh/id_rsa', 'mailto:kb@example.org?Attach=C:%5Cx', 'mailto:kb@example.org?subject=x&%61ttach=y', 'mailto:kb@example.org?bcc=x@y.z']) {
      expect(classifyLink(url), url).toEqual({ kind: 'none' });
    }
  });

  it('makes nothing else clickable', () => {
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'vbscript:x',
      '//evil.example/x',
      '/relative',
      '#/kb/x',
      'kb:Bad_Id',
      'kb:../x',
      'https:evil',
      'http://',
      '',
    ]) {
      expect(classifyLink(url), url).toEqual({ kind: 'none' });
    }
    expect(articleIdFromHref('#/kb/x/../../y')).toBeNull();
  });
});

const text = (t: string) => ({ type: 'text', text: t, format: 0, detail: 0, mode: 'normal', style: '', version: 1 });
const link = (url: string, t: string, type = 'link') => ({ type, url, rel: null, target: null, title: null, children: [text(t)], direction: 'ltr', format: '', indent: 0, version: 1 });
const state = (...children: unknown[]) =>
  JSON.stringify({
    root: {
      type: 'root',
      children: [{ type: 'paragraph', children, direction: 'ltr', format: '', indent: 0, version: 1, textFormat: 0, textStyle: '' }],
      direction: 'ltr',
      format: '',
      indent: 0,
      version: 1,
    },
  });

type Node = { type: string; url?: string; target?: string | null; rel?: string | null; text?: string; children?: Node[] };
const paragraph = (json: string): Node[] => (JSON.parse(json) as { root: { children: Node[] } }).root.children[0]?.children ?? [];

describe('prepareArticleState', () => {
  it('rewrites kb: links to in-app routes and external links to new windows without opener', () => {
    const out = paragraph(prepareArticleState(state(link('kb:ics-kpi-glossary', 'glossary'), link('https://example.org', 'site', 'autolink'))));
    expect(out[0]).toMatchObject({ type: 'link', url: '#/kb/ics-kpi-glossary', target: null, rel: null });
    expect(out[1]).toMatchObject({ type: 'autolink', url: 'https://example.org/', target: '_blank', rel: EXTERNAL_REL });
  });

  it('unwraps other links, keeping their words', () => {
    const out = paragraph(prepareArticleState(state(text('see '), link('javascript:alert(1)', 'this'), text('.'))));
    expect(out.map((n) => n.type)).toEqual(['text', 'text', 'text']);
    expect(out.map((n) => n.text).join('')).toBe('see this.');
    expect(JSON.stringify(out)).not.toContain('javascript');
  });

  it('applies the policy inside nested nodes', () => {
    const nested = JSON.stringify({
      root: {
        type: 'root',
        children: [{ type: 'list', children: [{ type: 'listitem', children: [link('file:///x', 'local'), link('kb:a-b', 'ab')] }] }],
      },
    });
    const out = JSON.parse(prepareArticleState(nested)) as { root: { children: Node[] } };
    const item = out.root.children[0]?.children?.[0]?.children ?? [];
    expect(item.map((n) => n.type)).toEqual(['text', 'link']);
    expect(item[1]?.url).toBe('#/kb/a-b');
  });

  it('names the problem when the body is not a Lexical state', () => {
    expect(() => prepareArticleState('{not json')).toThrow(/not valid JSON/);
    expect(() => prepareArticleState('{"root":{}}')).toThrow(/no root\.children/);
    expect(() => prepareArticleState('[]')).toThrow(/not a Lexical editor state/);
  });
});
