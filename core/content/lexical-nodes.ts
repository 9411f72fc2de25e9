import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { CodeHighlightNode, CodeNode } from '@lexical/code';
import type { Klass, LexicalNode } from 'lexical';

/**
 * The Lexical node types knowledge-base content may contain. The backend converts Markdown with
 * them and the renderer registers the same list to display it; node classes are plain JS with no
 * DOM at import time, so this list can live in core.
 */
export const KB_NODES: readonly Klass<LexicalNode>[] = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, AutoLinkNode, CodeNode, CodeHighlightNode];
