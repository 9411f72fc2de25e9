import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { Snippet } from '../../renderer/kb/Snippet';
import { mergeSnippetParts, snippetText } from '../../renderer/kb/snippet-parts';

describe('search snippet parts', () => {
  it('joins neighbours of the same kind and drops empty parts', () => {
    expect(
      mergeSnippetParts([
        { text: '压缩', hit: false },
        { text: '告', hit: true },
        { text: '警', hit: true },
        { text: '', hit: false },
        { text: '风暴', hit: false },
      ]),
    ).toEqual([
      { text: '压缩', hit: false },
      { text: '告警', hit: true },
      { text: '风暴', hit: false },
    ]);
  });

  it('gives the plain text', () => {
    expect(snippetText([{ text: 'intent ', hit: true }, { text: 'taxonomy', hit: false }])).toBe('intent taxonomy');
  });
});

describe('<Snippet>', () => {
  it('renders hits as <mark> and the rest as text', () => {
    const html = renderToStaticMarkup(<Snippet parts={[{ text: 'Building an ', hit: false }, { text: 'intent', hit: true }, { text: ' taxonomy', hit: false }]} />);
    expect(html).toBe('<span>Building an </span><mark>intent</mark><span> taxonomy</span>');
  });

  it('never interprets text as HTML', () => {
    const html = renderToStaticMarkup(<Snippet parts={[{ text: '<img src=x onerror=alert(1)>', hit: true }, { text: '<b>bold</b> & more', hit: false }]} />);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toBe('<mark>&lt;img src=x onerror=alert(1)&gt;</mark><span>&lt;b&gt;bold&lt;/b&gt; &amp; more</span>');
  });
});
