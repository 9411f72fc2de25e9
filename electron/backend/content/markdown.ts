import { createHeadlessEditor } from '@lexical/headless';
import { $convertFromMarkdownString, TRANSFORMERS } from '@lexical/markdown';
import { $isLinkNode } from '@lexical/link';
import { $getRoot, $createTextNode, type LexicalNode, $isElementNode } from 'lexical';
import { KB_NODES } from '../../../core/content/lexical-nodes';

/** URL schemes a knowledge-base link may use; `kb:` links open another article in the app. */
const ALLOWED_LINK = /^(https?:|mailto:|kb:[a-z0-9-]+$)/i;

export type ConvertedText = { json: string; text: string };

function sanitizeLinks(node: LexicalNode): void {
  if ($isLinkNode(node) && !ALLOWED_LINK.test(node.getURL().trim())) {
    // Keep the words, drop the link: javascript:, data:, file: and friends never become clickable.
    const text = $createTextNode(node.getTextContent());
    node.replace(text);
    return;
  }
  if ($isElementNode(node)) for (const child of node.getChildren()) sanitizeLinks(child);
}

/**
 * Markdown → Lexical editor state (JSON) plus its plain text for search. Runs in plain Node with a
 * headless editor. Raw HTML is not interpreted by Lexical's Markdown import: it stays text.
 */
export function markdownToLexical(markdown: string): ConvertedText {
  const editor = createHeadlessEditor({
    namespace: 'fieldbench-kb',
    nodes: [...KB_NODES],
    onError: (error) => {
      throw error;
    },
  });
  let text = '';
  editor.update(
    () => {
      $convertFromMarkdownString(markdown, TRANSFORMERS);
      sanitizeLinks($getRoot());
    },
    { discrete: true },
  );
  editor.getEditorState().read(() => {
    text = $getRoot().getTextContent();
  });
  return { json: JSON.stringify(editor.getEditorState().toJSON()), text };
}
