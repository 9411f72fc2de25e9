import type { JsonObject } from '../notes/lexical-document';

/**
 * Builders for serialized Lexical nodes, so generation (and tests, and the large-proposal generator)
 * write proposal bodies as plain JSON without an editor. The shapes are what Lexical 0.52 exports.
 */

export type Node = JsonObject;

export function textNode(text: string, format = 0): Node {
  return { type: 'text', version: 1, text, format, style: '', mode: 'normal', detail: 0 };
}

export function paragraph(children: Node[]): Node {
  return { type: 'paragraph', version: 1, children, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '' };
}

export function heading(tag: 'h2' | 'h3', text: string): Node {
  return { type: 'heading', version: 1, tag, children: [textNode(text)], direction: null, format: '', indent: 0 };
}

/** A table with a header row; each cell holds one paragraph of text. */
export function table(header: string[], rows: string[][]): Node {
  const cell = (text: string, isHeader: boolean): Node => ({
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
  const row = (cells: string[], isHeader: boolean): Node => ({
    type: 'tablerow',
    version: 1,
    children: cells.map((c) => cell(c, isHeader)),
    direction: null,
    format: '',
    indent: 0,
  });
  return { type: 'table', version: 1, children: [row(header, true), ...rows.map((r) => row(r, false))], direction: null, format: '', indent: 0 };
}

/** A serialized editor state around top-level blocks. */
export function documentJson(blocks: Node[]): string {
  const children = blocks.length > 0 ? blocks : [paragraph([])];
  return JSON.stringify({ root: { type: 'root', version: 1, children, direction: null, format: '', indent: 0 } });
}

/** The top-level blocks of a serialized editor state ([] when it is not one). */
export function blocksOf(json: string): Node[] {
  try {
    const parsed: unknown = JSON.parse(json);
    const root = (parsed as { root?: { children?: unknown } } | null)?.root;
    return Array.isArray(root?.children) ? (root.children as Node[]).filter((c) => typeof c === 'object' && c !== null) : [];
  } catch {
    return [];
  }
}

/** The plain text of a node and everything in it (variables as `{{name}}`). */
export function plainText(node: Node): string {
  if (node.type === 'text') return typeof node.text === 'string' ? node.text : '';
  if (node.type === 'variable') return typeof node.name === 'string' ? `{{${node.name}}}` : '';
  if (node.type === 'linebreak') return '\n';
  if (node.type === 'tab') return '\t';
  const children = Array.isArray(node.children) ? (node.children as Node[]) : [];
  const separator = node.type === 'tablerow' ? '\t' : node.type === 'table' || node.type === 'list' ? '\n' : '';
  return children.map(plainText).join(separator);
}
