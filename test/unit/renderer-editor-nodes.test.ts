import { describe, expect, it } from 'vitest';
import { EDITOR_NODES, PROPOSAL_EDITOR_NODES } from '../../renderer/editor/nodes';
import { RICH_TEXT_NODE_TYPES } from '../../core/richtext/nodes';
import { PROPOSAL_DOCUMENT_RULES } from '../../core/proposals/document';

// Lexical's own nodes, always registered by every editor.
const BUILT_IN = ['root', 'paragraph', 'text', 'linebreak', 'tab'];

describe('editor nodes and the backend document check', () => {
  it('accept exactly the same node types', () => {
    const registered = [...BUILT_IN, ...EDITOR_NODES.map((node) => node.getType())].sort();
    expect(registered).toEqual([...RICH_TEXT_NODE_TYPES].sort());
  });

  it('accept exactly the same node types in proposals', () => {
    const registered = [...BUILT_IN, ...PROPOSAL_EDITOR_NODES.map((node) => node.getType())].sort();
    expect(registered).toEqual([...RICH_TEXT_NODE_TYPES, ...PROPOSAL_DOCUMENT_RULES.extraNodeTypes].sort());
  });
});
