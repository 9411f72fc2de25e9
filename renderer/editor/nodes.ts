import type { Klass, LexicalNode } from 'lexical';
import { RICH_TEXT_NODES } from '../../core/richtext/nodes';
import { ImageNode } from './ImageNode';
import { VariableNode } from './VariableNode';

/**
 * The node types the rich-text editor registers: core's rich-text node list (core/richtext/nodes.ts)
 * plus the ImageNode, whose view lives here. The backend's document check accepts exactly these
 * types (RICH_TEXT_NODE_TYPES); test/unit/renderer-editor-nodes.test.ts checks that they agree.
 */
export const EDITOR_NODES: readonly Klass<LexicalNode>[] = [...RICH_TEXT_NODES, ImageNode];

/**
 * The proposal editor adds the VariableNode (an unfilled `{{variable}}`); core/proposals/document.ts
 * accepts exactly the rich-text types plus its extraNodeTypes (the same unit test checks it).
 */
export const PROPOSAL_EDITOR_NODES: readonly Klass<LexicalNode>[] = [...EDITOR_NODES, VariableNode];
