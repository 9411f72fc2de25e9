import type { RichNode } from './walk';

/**
 * Builders for serialized Lexical nodes, so generation, tests and benchmarks write rich text as
 * plain JSON without an editor. The shapes are what Lexical 0.52 exports.
 */

export function textNode(text: string, format = 0): RichNode {
  return { type: 'text', version: 1, text, format, style: '', mode: 'normal', detail: 0 };
}

export function paragraph(children: RichNode[]): RichNode {
  return { type: 'paragraph', version: 1, children, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '' };
}

export function heading(tag: 'h1' | 'h2' | 'h3' | 'h4', text: string): RichNode {
  return { type: 'heading', version: 1, tag, children: [textNode(text)], direction: null, format: '', indent: 0 };
}

export function link(url: string, children: RichNode[]): RichNode {
  return { type: 'link', version: 1, url, rel: null, target: null, title: null, children, direction: null, format: '', indent: 0 };
}

/** A picture: a stored file named by its sha256 (the editor's ImageNode). */
export function image(sha256: string, altText: string): RichNode {
  return { type: 'image', version: 1, sha256, altText };
}

/** A list item holds inline nodes, or a nested list (Lexical nests a list in an item of its own). */
export type ListItemContent = string | RichNode;

/** A list; check lists take `checked` per item (true for the items listed in `checked`). */
export function list(listType: 'bullet' | 'number' | 'check', items: readonly ListItemContent[], options: { start?: number; checked?: readonly number[] } = {}): RichNode {
  const start = options.start ?? 1;
  return {
    type: 'list',
    version: 1,
    listType,
    start,
    tag: listType === 'number' ? 'ol' : 'ul',
    children: items.map((item, i) => ({
      type: 'listitem',
      version: 1,
      value: start + i,
      ...(listType === 'check' ? { checked: options.checked?.includes(i) === true } : {}),
      children: [typeof item === 'string' ? textNode(item) : item],
      direction: null,
      format: '',
      indent: 0,
    })),
    direction: null,
    format: '',
    indent: 0,
  };
}

/** A table with a header row; each cell holds one paragraph of text. */
export function table(header: string[], rows: string[][]): RichNode {
  const cell = (text: string, isHeader: boolean): RichNode => ({
    type: 'tablecell',
    version: 1,
    headerState: isHeader ? 1 : 0,
    colSpan: 1,
    rowSpan: 1,
    backgroundColor: null,
    children: [paragraph(text === '' ? [] : [textNode(text)])],
    direction: null,
    format: '',
    indent: 0,
  });
  const row = (cells: string[], isHeader: boolean): RichNode => ({
    type: 'tablerow',
    version: 1,
    children: cells.map((c) => cell(c, isHeader)),
    direction: null,
    format: '',
    indent: 0,
  });
  return { type: 'table', version: 1, children: [row(header, true), ...rows.map((r) => row(r, false))], direction: null, format: '', indent: 0 };
}

/** A serialized editor state around top-level blocks (one empty paragraph when there are none, as Lexical writes it). */
export function documentJson(blocks: RichNode[]): string {
  const children = blocks.length > 0 ? blocks : [paragraph([])];
  return JSON.stringify({ root: { type: 'root', version: 1, children, direction: null, format: '', indent: 0 } });
}
