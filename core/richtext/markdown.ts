import { createHeadlessEditor } from '@lexical/headless';
import { isMailLink, isWebLink } from './links';
import { $convertFromMarkdownString, TRANSFORMERS } from '@lexical/markdown';
import { $isLinkNode } from '@lexical/link';
import { $getRoot, $isElementNode, type LexicalNode } from 'lexical';
import { blocksMarkdown } from '../document/markdown';
import { richTextBlocks, type RichTextOptions } from '../document/from-richtext';
import { KB_NODES, RICH_TEXT_NODES } from './nodes';
import { TABLE } from './markdown-table';

/**
 * Markdown in and out of rich text. In: Markdown → Lexical editor state with a headless editor (no
 * DOM), for content-pack articles and template bodies. Out: rich text → Markdown through the
 * neutral document model (core/document), the same path every export takes.
 */

export type ConvertedText = { json: string; text: string };
/** A conversion plus the link targets that were turned back into plain text. */
export type Conversion = ConvertedText & { droppedLinks: string[] };

/** `tables`: GFM tables become Lexical tables (proposal templates); off for KB articles, which have none. */
export type ConvertOptions = { tables?: boolean };

/** `kb:<article-id>`: the renderer turns these into in-app links. */
const KB_LINK = /^kb:[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The links content-pack Markdown may keep: http(s), mailto and kb:<id>, each checked whole
 * (links.ts), since packs arrive from the central repository and are not trusted. Anything else
 * (javascript:, data:, file:, relative paths, `http:javascript:…`) is not a link in the app.
 */
export function isAllowedArticleLink(url: string): boolean {
  return KB_LINK.test(url) || isWebLink(url) || isMailLink(url);
}

function unwrapUnsafeLinks(node: LexicalNode, dropped: string[]): void {
  if ($isLinkNode(node) && !isAllowedArticleLink(node.getURL())) {
    dropped.push(node.getURL());
    // Keep the words (with their bold/italic), drop the link around them.
    for (const child of node.getChildren()) node.insertBefore(child);
    node.remove();
    return;
  }
  if ($isElementNode(node)) for (const child of node.getChildren()) unwrapUnsafeLinks(child, dropped);
}

/**
 * Markdown → Lexical editor state (JSON) plus its plain text for search, reporting the links it
 * dropped. Lexical's Markdown import does not interpret HTML, so raw HTML stays inert text.
 */
export function convertMarkdown(markdown: string, options: ConvertOptions = {}): Conversion {
  const tables = options.tables === true;
  const editor = createHeadlessEditor({
    namespace: 'fieldbench-markdown',
    nodes: [...(tables ? RICH_TEXT_NODES : KB_NODES)],
    onError: (error) => {
      throw error;
    },
  });
  const droppedLinks: string[] = [];
  editor.update(
    () => {
      $convertFromMarkdownString(markdown.replace(/\r\n?/g, '\n'), tables ? [TABLE, ...TRANSFORMERS] : TRANSFORMERS);
      unwrapUnsafeLinks($getRoot(), droppedLinks);
    },
    { discrete: true },
  );
  const text = editor.getEditorState().read(() => $getRoot().getTextContent());
  return { json: JSON.stringify(editor.getEditorState().toJSON()), text, droppedLinks };
}

/**
 * A serialized editor state as Markdown; `headingLevel` places its headings (see RichTextOptions).
 */
export function richTextMarkdown(json: string, options: RichTextOptions = {}): string {
  return blocksMarkdown(richTextBlocks(json, options));
}
