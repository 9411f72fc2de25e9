import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { CodeHighlightNode, CodeNode } from '@lexical/code';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { Klass, LexicalNode } from 'lexical';
import { ImageNode } from './ImageNode';
import { VariableNode } from './VariableNode';

/**
 * The node types the rich-text editor registers. core/notes/lexical-document.ts (NOTE_NODE_TYPES)
 * accepts exactly these types on the backend: change both together (test/unit/renderer-editor-nodes.test.ts checks it).
 */
export const EDITOR_NODES: readonly Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  CodeNode,
  CodeHighlightNode,
  ImageNode,
];

/**
 * The proposal editor adds the VariableNode (an unfilled `{{variable}}`); core/proposals/document.ts
 * accepts exactly NOTE_NODE_TYPES plus its extraNodeTypes (the same unit test checks it).
 */
export const PROPOSAL_EDITOR_NODES: readonly Klass<LexicalNode>[] = [...EDITOR_NODES, VariableNode];
