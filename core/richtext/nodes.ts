import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { CodeHighlightNode, CodeNode } from '@lexical/code';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { Klass, LexicalNode } from 'lexical';

/**
 * The node list of rich text. Node classes are plain JS with no DOM at import time, so the lists
 * live here and every side uses the same ones: the backend converts Markdown with them, the
 * renderer registers them (renderer/editor/nodes.ts adds its two decorator nodes, the image and
 * the variable), and the document check accepts exactly their types
 * (test/unit/renderer-editor-nodes.test.ts compares the two).
 */

/** What knowledge-base articles may contain (FORMAT.md rules out tables; the article view registers these). */
export const KB_NODES: readonly Klass<LexicalNode>[] = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, AutoLinkNode, CodeNode, CodeHighlightNode];

/**
 * KB_NODES plus tables: what template bodies convert to (Word imports bring GFM tables) and what
 * the rich-text editor registers besides its own image and variable nodes.
 */
export const RICH_TEXT_NODES: readonly Klass<LexicalNode>[] = [...KB_NODES, TableNode, TableRowNode, TableCellNode];

/** The `type` of every node an editor document (note, lesson, proposal section) may hold. */
export const RICH_TEXT_NODE_TYPES = [
  // Lexical's own, registered by every editor.
  'root',
  'paragraph',
  'text',
  'linebreak',
  'tab',
  // RICH_TEXT_NODES.
  'heading',
  'quote',
  'list',
  'listitem',
  'link',
  'autolink',
  'table',
  'tablerow',
  'tablecell',
  'code',
  'code-highlight',
  // The editor's ImageNode: an attachment by sha256.
  'image',
] as const;
export type RichTextNodeType = (typeof RICH_TEXT_NODE_TYPES)[number];

/** Nodes whose content starts on a line of its own. */
export const BLOCK_NODE_TYPES: ReadonlySet<string> = new Set(['paragraph', 'heading', 'quote', 'list', 'listitem', 'table', 'tablerow', 'code']);
