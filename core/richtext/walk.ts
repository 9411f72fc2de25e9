/**
 * Reading serialized Lexical JSON (an editor state as stored) without an editor: what a node is,
 * its children, its fields, and one generic visitor over a tree. Everything else in core that
 * looks inside a rich-text body builds on these, so untrusted shapes are handled in one way.
 */

/** A serialized Lexical node: an object with a `type` and whatever fields its class writes. */
export type RichNode = { [key: string]: unknown };

/** Lexical's text format bits (TextNode `format`). */
const TEXT_FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
  highlight: 128,
} as const;
export type TextFormatName = keyof typeof TEXT_FORMAT;

export function isRichNode(value: unknown): value is RichNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The node's children that are nodes ([] for a leaf or a malformed list). */
export function childrenOf(node: RichNode): RichNode[] {
  return Array.isArray(node.children) ? node.children.filter(isRichNode) : [];
}

/** A string field, or '' when it is missing or not a string. */
export function stringField(node: RichNode, key: string): string {
  const value = node[key];
  return typeof value === 'string' ? value : '';
}

/** The format names set on a text node, in TEXT_FORMAT order. */
export function formatsOf(node: RichNode): TextFormatName[] {
  const bits = typeof node.format === 'number' ? node.format : 0;
  return (Object.keys(TEXT_FORMAT) as TextFormatName[]).filter((name) => (bits & TEXT_FORMAT[name]) !== 0);
}

/** The root node of a serialized editor state, or null when the text is not one. */
export function rootOf(json: string): RichNode | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  const root = isRichNode(parsed) ? parsed.root : undefined;
  return isRichNode(root) && Array.isArray(root.children) ? root : null;
}

/** The top-level blocks of a serialized editor state ([] when it is not one). */
export function blocksOf(json: string): RichNode[] {
  const root = rootOf(json);
  return root ? childrenOf(root) : [];
}

/**
 * What a visitor is told about each node: where it is ("root.children.2.children.0", the path the
 * document check names in its problems) and how deep.
 */
export type VisitContext = { path: string; depth: number; parent: RichNode | null };

/**
 * Visits a node and everything inside it, depth first, parents before children. Returning `false`
 * from the visitor skips that node's children.
 */
export function walk(node: RichNode, visit: (node: RichNode, at: VisitContext) => boolean | void, path = 'root'): void {
  const step = (current: RichNode, at: VisitContext): void => {
    if (visit(current, at) === false) return;
    childrenOf(current).forEach((child, i) => step(child, { path: `${at.path}.children.${i}`, depth: at.depth + 1, parent: current }));
  };
  step(node, { path, depth: 0, parent: null });
}

/** Every node of a type in a serialized editor state, in document order. */
export function nodesOfType(json: string, type: string): RichNode[] {
  const root = rootOf(json);
  const found: RichNode[] = [];
  if (root) walk(root, (node) => void (node.type === type && found.push(node)));
  return found;
}
