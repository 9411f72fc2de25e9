import { blocksOf, childrenOf, formatsOf, stringField, type RichNode } from '../richtext/walk';
import { isReadableLink, mergeRuns } from './build';
import type { Block, HeadingLevel, Inline, ListBlock, ListItem, TableBlock, TableCell } from './model';

/**
 * Rich text (serialized Lexical JSON, already checked when it was stored) → document blocks. The
 * one reader of Lexical JSON for every export: the DOCX writer, the print page and the Markdown
 * writer get these blocks, never the editor's JSON.
 */

export type RichTextOptions = {
  /**
   * The level the body's top headings (the editor's h1 and h2) take; h3 goes one below, h4 and
   * deeper two below (never past 5). 2 by default; a proposal section puts its body under its
   * own title with 3.
   */
  headingLevel?: HeadingLevel;
  /**
   * The words for "knowledge base" in an internal copy, which names the article each kb: link
   * points to after its text; left out (a customer copy), such a link is just its text.
   */
  knowledgeBase?: string;
};

/** The options with their defaults in place. */
type Options = RichTextOptions & { headingLevel: HeadingLevel };

function inline(nodes: readonly RichNode[], options: Options): Inline[] {
  const runs: Inline[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'code-highlight': {
        const marks = formatsOf(node);
        runs.push(marks.length > 0 ? { kind: 'text', text: stringField(node, 'text'), marks } : { kind: 'text', text: stringField(node, 'text') });
        break;
      }
      case 'linebreak':
        runs.push({ kind: 'break' });
        break;
      case 'tab':
        runs.push({ kind: 'text', text: '\t' });
        break;
      case 'variable':
        runs.push({ kind: 'variable', name: stringField(node, 'name') });
        break;
      case 'image':
        runs.push({ kind: 'image', sha256: stringField(node, 'sha256'), alt: stringField(node, 'altText') });
        break;
      case 'link':
      case 'autolink': {
        const url = stringField(node, 'url').trim();
        const content = inline(childrenOf(node), options);
        if (isReadableLink(url)) runs.push({ kind: 'link', url, content });
        else if (options.knowledgeBase !== undefined && url.startsWith('kb:')) runs.push(...content, { kind: 'text', text: ` (${options.knowledgeBase}: ${url.slice(3)})` });
        else runs.push(...content);
        break;
      }
      default:
        runs.push(...inline(childrenOf(node), options));
    }
  }
  return mergeRuns(runs);
}

function headingLevel(tag: string, top: HeadingLevel): HeadingLevel {
  const level = Number(/^h([1-6])$/.exec(tag)?.[1] ?? 2);
  return Math.min(5, top + Math.max(0, level - 2)) as HeadingLevel;
}

function list(node: RichNode, options: Options): ListBlock {
  const style = node.listType === 'number' ? 'number' : node.listType === 'check' ? 'check' : 'bullet';
  const items: ListItem[] = [];
  for (const item of childrenOf(node)) {
    const kids = childrenOf(item);
    const nested = kids.filter((k) => k.type === 'list').map((k) => list(k, options));
    const content = inline(kids.filter((k) => k.type !== 'list'), options);
    const previous = items.at(-1);
    // Lexical nests a list in an item of its own (one holding only the list): it belongs to the item before.
    if (content.length === 0 && nested.length > 0 && previous) {
      previous.lists.push(...nested);
      continue;
    }
    items.push({ content, lists: nested, ...(style === 'check' ? { checked: item.checked === true } : {}) });
  }
  const start = typeof node.start === 'number' && Number.isInteger(node.start) ? node.start : 1;
  return { kind: 'list', style, start, items };
}

function table(node: RichNode, options: Options): TableBlock {
  const rows = childrenOf(node)
    .filter((row) => row.type === 'tablerow')
    .map((row) => childrenOf(row).map((cell) => ({ blocks: blocks(childrenOf(cell), options), header: typeof cell.headerState === 'number' && cell.headerState !== 0 })));
  const [first, ...rest] = rows;
  // A first row of header cells is the header row (repeated on each page); other header cells are row headings.
  const headerRow = first !== undefined && first.length > 0 && first.every((cell) => cell.header);
  const plain = (cell: { blocks: Block[]; header: boolean }): TableCell => (cell.header ? cell : { blocks: cell.blocks });
  return headerRow ? { kind: 'table', columns: first.map((cell) => ({ blocks: cell.blocks })), rows: rest.map((r) => r.map(plain)) } : { kind: 'table', columns: [], rows: rows.map((r) => r.map(plain)) };
}

function codeText(node: RichNode): string {
  return childrenOf(node)
    .map((c) => (c.type === 'linebreak' ? '\n' : c.type === 'tab' ? '\t' : stringField(c, 'text')))
    .join('');
}

function blocks(nodes: readonly RichNode[], options: Options): Block[] {
  return nodes.map((node): Block => {
    switch (node.type) {
      case 'heading':
        return { kind: 'heading', level: headingLevel(stringField(node, 'tag'), options.headingLevel), content: inline(childrenOf(node), options) };
      case 'quote':
        return { kind: 'quote', content: inline(childrenOf(node), options) };
      case 'list':
        return list(node, options);
      case 'table':
        return table(node, options);
      case 'code':
        return { kind: 'code', language: stringField(node, 'language').replace(/[^\w+-]/g, ''), text: codeText(node) };
      case 'paragraph':
        return { kind: 'paragraph', content: inline(childrenOf(node), options) };
      default:
        // An inline node at the top (a stray image or text): a paragraph of its own.
        return { kind: 'paragraph', content: inline([node], options) };
    }
  });
}

/** The blocks of a serialized editor state ([] when it is not one). */
export function richTextBlocks(json: string, options: RichTextOptions = {}): Block[] {
  return blocks(blocksOf(json), { ...options, headingLevel: options.headingLevel ?? 2 });
}
