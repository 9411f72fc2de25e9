import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { CodeHighlightNode, CodeNode } from '@lexical/code';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { Klass, LexicalNode } from 'lexical';

/**
 * The Lexical node types knowledge-base content may contain. The backend converts Markdown with
 * them and the renderer registers the same list to display it; node classes are plain JS with no
 * DOM at import time, so this list can live in core.
 */
export const KB_NODES: readonly Klass<LexicalNode>[] = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, AutoLinkNode, CodeNode, CodeHighlightNode];

/**
 * KB_NODES plus tables: what proposal template bodies convert to (Word imports bring GFM tables).
 * Articles stay without tables (FORMAT.md rules them out and the article view registers KB_NODES).
 */
export const TEMPLATE_NODES: readonly Klass<LexicalNode>[] = [...KB_NODES, TableNode, TableRowNode, TableCellNode];
