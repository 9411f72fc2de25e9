import { createHeadlessEditor } from '@lexical/headless';
import { $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import { RICH_TEXT_NODES } from '../../core/richtext/nodes';
import { convertMarkdown } from '../../core/richtext/markdown';
import { parseDelimiterRow, splitTableRow } from '../../core/richtext/markdown-table';
import { checkProposalDocument } from '../../core/proposals/document';
import { plainText } from '../../core/richtext/text';
import { blocksOf, childrenOf, walk, type RichNode } from '../../core/richtext/walk';

const children = (node: RichNode | undefined): RichNode[] => (node ? childrenOf(node) : []);

function typesIn(node: RichNode): string[] {
  const types: string[] = [];
  walk(node, (n) => void types.push(String(n.type)));
  return types;
}

const SITES = [
  'Before the table.',
  '',
  '| Site | Agents | Notes |',
  '| :--- | ---: | :-: |',
  '| **Shanghai** | 120 | see [runbook](https://example.com/run) |',
  '| *Beijing* | 80 | `a\\|b` and x \\| y |',
  '| Xi’an | 3 |',
  '',
  'After the table.',
].join('\n');

describe('GFM tables in template Markdown', () => {
  it('becomes a Lexical table: a header row, one cell per column, inline Markdown and escaped pipes in the cells', () => {
    const blocks = blocksOf(convertMarkdown(SITES, { tables: true }).json);
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'table', 'paragraph']);
    const rows = children(blocks[1]);
    expect(rows.map((r) => r.type)).toEqual(['tablerow', 'tablerow', 'tablerow', 'tablerow']);
    expect(rows.map((r) => children(r).map((c) => c.headerState))).toEqual([
      [1, 1, 1],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(rows.map((r) => children(r).map(plainText))).toEqual([
      ['Site', 'Agents', 'Notes'],
      ['Shanghai', '120', 'see runbook'],
      ['Beijing', '80', 'a|b and x | y'],
      // A short row is filled up to the header's width.
      ['Xi’an', '3', ''],
    ]);

    const [shanghai, agents, notes] = children(rows[1]);
    const firstText = (cell: RichNode | undefined) => children(children(cell)[0])[0];
    expect(firstText(shanghai)).toMatchObject({ type: 'text', text: 'Shanghai', format: 1 });
    expect(children(children(rows[2])[0])[0]?.children).toEqual([expect.objectContaining({ text: 'Beijing', format: 2 })]);
    expect(children(children(children(rows[2])[2])[0])[0]).toMatchObject({ type: 'text', text: 'a|b', format: 16 });
    expect(children(children(notes)[0])[1]).toMatchObject({ type: 'link', url: 'https://example.com/run' });
    // Alignment colons in the delimiter row align the column's paragraphs.
    expect(children(agents)[0]?.format).toBe('right');
    expect(children(notes)[0]?.format).toBe('center');
    expect(children(shanghai)[0]?.format).toBe('left');
  });

  it('produces JSON the proposal check accepts unchanged and an editor with RICH_TEXT_NODES loads', () => {
    const { json, text } = convertMarkdown(SITES, { tables: true });
    const checked = checkProposalDocument(json);
    expect(checked.problems).toEqual([]);
    expect(JSON.parse(checked.json ?? '')).toEqual(JSON.parse(json));
    const editor = createHeadlessEditor({ nodes: [...RICH_TEXT_NODES], onError: (e) => { throw e; } });
    editor.setEditorState(editor.parseEditorState(json));
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toBe(text);
    expect(text).toContain('Shanghai');
  });

  it('applies the same link rules in cells: unsafe links become plain text and are reported', () => {
    const { json, droppedLinks } = convertMarkdown('| a |\n|---|\n| [x](javascript:alert(1)) |', { tables: true });
    expect(droppedLinks).toEqual(['javascript:alert(1)']);
    expect(typesIn(blocksOf(json)[0] ?? {})).not.toContain('link');
    expect(plainText(blocksOf(json)[0] ?? {})).toBe('a\nx');
  });

  it('keeps pipe lines without a delimiter row (or with the wrong width) as paragraphs', () => {
    for (const md of ['| a | b |\n| 1 | 2 |', '| a | b |\n|---|\n| 1 | 2 |', 'cost | value\n\nmore text']) {
      const { json } = convertMarkdown(md, { tables: true });
      expect(blocksOf(json).flatMap(typesIn)).not.toContain('table');
      expect(convertMarkdown(md, { tables: true }).json).toBe(convertMarkdown(md).json);
    }
  });

  it('leaves tables inside fenced code as code, and stops a table at a blank line', () => {
    const fenced = convertMarkdown('```\n| a | b |\n|---|---|\n```', { tables: true });
    expect(blocksOf(fenced.json).map((b) => b.type)).toEqual(['code']);
    const { json } = convertMarkdown('a | b\n--|--\n1 | 2\n\n3 | 4', { tables: true });
    const blocks = blocksOf(json);
    expect(blocks.map((b) => b.type)).toEqual(['table', 'paragraph']);
    expect(children(blocks[0]).length).toBe(2);
  });

  it('leaves knowledge-base conversion as it was: no option, no table nodes, the rows stay text', () => {
    const { json, text } = convertMarkdown(SITES);
    expect(blocksOf(json).flatMap(typesIn)).not.toContain('table');
    expect(text).toContain('| Site | Agents | Notes |');
  });

  it('splits rows on unescaped pipes with or without the outer pipes', () => {
    expect(splitTableRow('| a | b \\| c |')).toEqual(['a', 'b | c']);
    expect(splitTableRow('a | b')).toEqual(['a', 'b']);
    expect(splitTableRow('| a | |')).toEqual(['a', '']);
    expect(splitTableRow('| \\*x\\* | y \\|')).toEqual(['\\*x\\*', 'y |']);
    expect(parseDelimiterRow('|:-|-:|:--:|---|')).toEqual(['left', 'right', 'center', '']);
    expect(parseDelimiterRow('| --- | x |')).toBeNull();
    expect(parseDelimiterRow('---')).toBeNull();
  });
});
