import { BLOCK_NODE_TYPES } from './nodes';
import { childrenOf, rootOf, stringField, type RichNode } from './walk';

/**
 * The plain text of rich text, for search, excerpts, version comparison and lesson drafts: blocks
 * on lines of their own, table cells separated by tabs, an unfilled variable as `{{name}}`, an
 * image as its alternative text.
 */

/** The plain text of one node and everything in it. */
export function plainText(node: RichNode): string {
  switch (node.type) {
    case 'text':
    case 'code-highlight':
      return stringField(node, 'text');
    case 'linebreak':
      return '\n';
    case 'tab':
      return '\t';
    case 'image':
      return stringField(node, 'altText');
    case 'variable':
      return typeof node.name === 'string' ? `{{${node.name}}}` : '';
  }
  const children = childrenOf(node);
  if (node.type === 'tablerow') return children.map((cell) => plainText(cell).replace(/\n+/g, ' ').trim()).join('\t');
  const lines: string[] = [];
  let inline = '';
  for (const child of children) {
    if (typeof child.type === 'string' && BLOCK_NODE_TYPES.has(child.type)) {
      if (inline !== '') lines.push(inline);
      inline = '';
      lines.push(plainText(child));
    } else {
      inline += plainText(child);
    }
  }
  if (inline !== '') lines.push(inline);
  return lines.join('\n');
}

/** Trailing spaces off every line, at most one empty line in a row, no blank start or end. */
export function tidyText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+$/u, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A part of a document under one heading (the part before the first heading has heading null). */
export type DocumentSection = { heading: string | null; text: string };

/**
 * Splits a document at its headings, for turning notes into lesson fields. Only top-level
 * headings split; text inside lists and tables stays with the section it is in.
 */
export function sectionsOf(json: string): DocumentSection[] {
  const root = rootOf(json);
  if (!root) return [];
  const sections: DocumentSection[] = [];
  let current: { heading: string | null; blocks: string[] } = { heading: null, blocks: [] };
  const flush = (): void => {
    const text = tidyText(current.blocks.join('\n'));
    if (current.heading !== null || text !== '') sections.push({ heading: current.heading, text });
  };
  for (const child of childrenOf(root)) {
    if (child.type === 'heading') {
      flush();
      current = { heading: tidyText(plainText(child)), blocks: [] };
    } else {
      current.blocks.push(plainText(child));
    }
  }
  flush();
  return sections;
}
