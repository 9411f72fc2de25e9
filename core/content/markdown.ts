import { createHeadlessEditor } from '@lexical/headless';
import { $convertFromMarkdownString, TRANSFORMERS } from '@lexical/markdown';
import { $isLinkNode } from '@lexical/link';
import { $getRoot, $isElementNode, type LexicalNode } from 'lexical';
import { KB_NODES, TEMPLATE_NODES } from './lexical-nodes';
import { TABLE } from './markdown-table';

export type ConvertedText = { json: string; text: string };
/** A conversion plus the link targets that were turned back into plain text. */
export type Conversion = ConvertedText & { droppedLinks: string[] };
/** Something in a Markdown body outside the subset FORMAT.md allows; line counts from 1. */
export type MarkdownIssue = { line: number; message: string };

/** `tables`: GFM tables become Lexical tables (proposal templates); off for KB articles, which have none. */
export type ConvertOptions = { tables?: boolean };

/** `kb:<article-id>`: the renderer turns these into in-app links. */
const KB_LINK = /^kb:[a-z0-9]+(-[a-z0-9]+)*$/;
const WEB_SCHEMES = new Set(['http', 'https', 'mailto']);

/** True for the links an article may keep: http(s), mailto and kb:<id>. Anything else (javascript:, data:, file:, relative paths) is not a link in the app. */
export function isAllowedLink(url: string): boolean {
  if (KB_LINK.test(url)) return true;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
  return scheme !== undefined && WEB_SCHEMES.has(scheme);
}

function unwrapUnsafeLinks(node: LexicalNode, dropped: string[]): void {
  if ($isLinkNode(node) && !isAllowedLink(node.getURL())) {
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
 * dropped. Runs in plain Node with a headless editor (no DOM). Lexical's Markdown import does not
 * interpret HTML, so raw HTML stays inert text.
 */
export function convertMarkdown(markdown: string, options: ConvertOptions = {}): Conversion {
  const tables = options.tables === true;
  const editor = createHeadlessEditor({
    namespace: 'fieldbench-kb',
    nodes: [...(tables ? TEMPLATE_NODES : KB_NODES)],
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

export function markdownToLexical(markdown: string): ConvertedText {
  const { json, text } = convertMarkdown(markdown);
  return { json, text };
}

const HTML_TAG = /<\/?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?\/?>|<!--/;

/**
 * Finds what FORMAT.md rules out of knowledge-base Markdown: tables, images, raw HTML, and
 * headings other than ## and ###. Such text would render as literal characters, so the author
 * should hear about it; fenced code and inline code are exempt.
 */
export function lintKbMarkdown(markdown: string): MarkdownIssue[] {
  const issues: MarkdownIssue[] = [];
  let inFence = false;
  markdown.split(/\r\n?|\n/).forEach((raw, i) => {
    const line = i + 1;
    if (/^\s*(```|~~~)/.test(raw)) {
      inFence = !inFence;
      return;
    }
    if (inFence) return;
    const prose = raw.replace(/`[^`]*`/g, '');
    if (/^\s*\|.*\|\s*$/.test(prose)) issues.push({ line, message: 'tables are not supported; write the rows as a list' });
    if (/!\[[^\]]*\]\(/.test(prose)) issues.push({ line, message: 'images are not supported in articles' });
    if (HTML_TAG.test(prose)) issues.push({ line, message: 'raw HTML is not supported; it is shown as plain text' });
    const heading = /^(#{1,6})\s/.exec(prose);
    if (heading && heading[1] !== '##' && heading[1] !== '###') issues.push({ line, message: `use ## or ### headings, not ${heading[1]}` });
  });
  return issues;
}
