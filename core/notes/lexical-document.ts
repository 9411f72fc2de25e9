import type { Lang } from '../i18n';

/**
 * Checks a rich-text body (a serialized Lexical editor state) that arrives from an untrusted place
 * — the renderer, or later sync — before it is stored, and derives its plain text for search.
 *
 * What is allowed is exactly what the note editor registers (renderer/editor/nodes.ts). Links may
 * point only to https:, mailto: or a knowledge-base article (kb:<article-id>); images only name an
 * attachment by its sha256, never a URL. Anything else is a problem naming where it is; the
 * cleaned document leaves it out (a bad link keeps its words, an unknown node goes entirely).
 */

/** Largest serialized body a note may have; bigger content belongs in attachments. */
export const MAX_NOTE_JSON_BYTES = 2 * 1024 * 1024;
/** Deepest nesting accepted (root → list → item → list → … ); the editor's own documents stay far below. */
export const MAX_DOCUMENT_DEPTH = 40;
/** Most nodes a body may hold, so that a hostile body cannot make the check itself slow. */
export const MAX_DOCUMENT_NODES = 100_000;

/** Node types the note editor registers (Lexical's `type` field). */
export const NOTE_NODE_TYPES = [
  'root',
  'paragraph',
  'text',
  'linebreak',
  'tab',
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
  'image',
] as const;
export type NoteNodeType = (typeof NOTE_NODE_TYPES)[number];

export type DocumentProblem = {
  /** Where in the document, e.g. "root.children.2.children.0". */
  path: string;
  message: string;
};

export type CheckedDocument = {
  /** The document without what the problems name, as JSON text; null when the body is not a Lexical document at all. */
  json: string | null;
  /** Plain text for search and excerpts: one line per block. */
  text: string;
  problems: DocumentProblem[];
};

/** An empty note body: one empty paragraph, as Lexical writes it. */
export const EMPTY_DOCUMENT_JSON = JSON.stringify({
  root: {
    children: [{ children: [], direction: null, format: '', indent: 0, type: 'paragraph', version: 1, textFormat: 0, textStyle: '' }],
    direction: null,
    format: '',
    indent: 0,
    type: 'root',
    version: 1,
  },
});

const KNOWN_TYPES = new Set<string>(NOTE_NODE_TYPES);
/** Nodes whose text starts on a line of its own. */
const BLOCK_TYPES = new Set<string>(['paragraph', 'heading', 'quote', 'list', 'listitem', 'table', 'tablerow', 'code']);
const SHA256 = /^[0-9a-f]{64}$/;
/** A knowledge-base article id as the content pack writes them (see renderer/kb/links.ts). */
const ARTICLE_LINK = /^kb:[a-z0-9]+(?:-[a-z0-9]+)*$/;
// CSS that can fetch or run something (Lexical copies a text node's `style` onto its element).
const UNSAFE_STYLE = /url\s*\(|expression\s*\(|@import|javascript:|behavior\s*:/i;
const MAX_STYLE_CHARS = 1000;

export type JsonObject = { [key: string]: unknown };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** UTF-8 size of a string, without TextEncoder (core has no DOM or Node types). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair is one code point of four bytes.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/** The message for a body over the limit, or null when it fits. */
export function noteSizeProblem(json: string): string | null {
  const bytes = utf8Bytes(json);
  if (bytes <= MAX_NOTE_JSON_BYTES) return null;
  return `This note is ${megabytes(bytes)} MB; a note can be at most ${MAX_NOTE_JSON_BYTES / 1024 / 1024} MB. Move large content into attachments.`;
}

/** Whether a link target is allowed in a note: https:, mailto: or kb:<article-id>. */
export function isAllowedNoteLink(raw: string): boolean {
  const url = raw.trim();
  if (ARTICLE_LINK.test(url)) return true;
  // Written out instead of URL parsing (core has no URL type): scheme, host, then no spaces or controls.
  if (/^https:\/\/[\p{L}\p{N}.-]+(?::\d{1,5})?(?:[/?#][^\s\p{Cc}]*)?$/iu.test(url)) return true;
  return /^mailto:[^\s\p{Cc}@]+@[^\s\p{Cc}@]+$/iu.test(url);
}

/** 'zh' when most of the letters are Han characters, else 'en'. */
export function detectLang(text: string): Lang {
  let han = 0;
  let other = 0;
  for (const ch of text) {
    if (/\p{Script=Han}/u.test(ch)) han++;
    else if (/\p{L}/u.test(ch)) other++;
  }
  // A Han character carries about as much as a short word: count it so, roughly 2 Latin letters.
  return han > 0 && han * 2 >= other ? 'zh' : 'en';
}

/**
 * What a kind of document may hold beyond a note. Proposal sections (core/proposals/document.ts)
 * add the VariableNode, a checked NodeState, a row limit for tables and their own size limit.
 */
export type DocumentRules = {
  /** What the document is called in messages ("note", "proposal section"). */
  what: string;
  maxBytes: number;
  /** Node types allowed besides NOTE_NODE_TYPES. */
  extraNodeTypes: readonly string[];
  /** Most rows a table may have; undefined for no limit. */
  maxTableRows?: number;
  /**
   * Checks a node's NodeState (its `$` key) and returns what to keep (undefined: drop it) and the
   * problems found. Without it, notes keep `$` as the editor wrote it.
   */
  checkState?: (state: unknown, node: { type: string }) => { state: JsonObject | undefined; problems: string[] };
  /** Checks a node type from extraNodeTypes; returns the cleaned node or null with a message. */
  checkExtraNode?: (node: JsonObject) => { node: JsonObject | null; problems: string[] };
};

export const NOTE_RULES: DocumentRules = { what: 'note', maxBytes: MAX_NOTE_JSON_BYTES, extraNodeTypes: [] };

type Walk = { problems: DocumentProblem[]; nodes: number; rules: DocumentRules; known: Set<string> };

function problem(walk: Walk, path: string, message: string): void {
  // A hostile body could carry thousands of problems; the first ones say enough.
  if (walk.problems.length < 50) walk.problems.push({ path, message });
}

/** The cleaned copy of one node, or null when it is left out. */
function cleanNode(node: unknown, path: string, depth: number, walk: Walk): JsonObject | null {
  walk.nodes++;
  if (walk.nodes > MAX_DOCUMENT_NODES) {
    if (walk.nodes === MAX_DOCUMENT_NODES + 1) problem(walk, path, `the document has more than ${MAX_DOCUMENT_NODES} nodes`);
    return null;
  }
  if (!isObject(node)) {
    problem(walk, path, 'is not a node (an object with a type)');
    return null;
  }
  const type = node.type;
  if (typeof type !== 'string' || !walk.known.has(type)) {
    problem(walk, path, `has the node type "${String(type).slice(0, 50)}", which ${walk.rules.what === 'note' ? 'notes do' : `a ${walk.rules.what} does`} not allow`);
    return null;
  }
  if (type === 'root' && depth > 0) {
    problem(walk, path, 'is a root node inside the document');
    return null;
  }
  if (depth > MAX_DOCUMENT_DEPTH) {
    problem(walk, path, `is nested deeper than ${MAX_DOCUMENT_DEPTH} levels`);
    return null;
  }
  const out: JsonObject = { ...node };
  if (walk.rules.checkState && '$' in node) {
    const checked = walk.rules.checkState(node.$, { type });
    for (const message of checked.problems) problem(walk, `${path}.$`, message);
    if (checked.state === undefined) delete out.$;
    else out.$ = checked.state;
  }
  if (walk.rules.checkExtraNode && walk.rules.extraNodeTypes.includes(type)) {
    const checked = walk.rules.checkExtraNode(out);
    for (const message of checked.problems) problem(walk, path, message);
    return checked.node;
  }
  if (type === 'table' && walk.rules.maxTableRows !== undefined && Array.isArray(node.children) && node.children.length > walk.rules.maxTableRows) {
    problem(walk, path, tableRowsProblem(node.children.length, walk.rules.maxTableRows));
    return null;
  }

  if (type === 'text' || type === 'code-highlight') {
    if (typeof node.text !== 'string') {
      problem(walk, path, 'is a text node without text');
      return null;
    }
    if (node.style !== undefined && (typeof node.style !== 'string' || node.style.length > MAX_STYLE_CHARS || UNSAFE_STYLE.test(node.style))) {
      problem(walk, `${path}.style`, 'has a style that can load or run something; the style was left out');
      out.style = '';
    }
  }

  if (type === 'image') {
    const sha256 = node.sha256;
    if (typeof sha256 !== 'string' || !SHA256.test(sha256)) {
      problem(walk, path, 'is an image that does not name an attachment by its sha256');
      return null;
    }
    for (const key of ['src', 'url', 'href']) {
      if (key in node) problem(walk, `${path}.${key}`, 'images in notes show attachments only, never a URL; the URL was left out');
    }
    const altText = typeof node.altText === 'string' ? node.altText.slice(0, 500) : '';
    return { type: 'image', version: 1, sha256, altText };
  }

  if (type === 'link' || type === 'autolink') {
    const url = typeof node.url === 'string' ? node.url : '';
    if (!isAllowedNoteLink(url)) {
      problem(walk, path, `links to "${url.slice(0, 80)}"; notes link only to https:, mailto: or kb:<article-id>, so the link was removed and its text kept`);
      // Unwrapped by the parent: its children take its place.
      return { type: '__unwrap__', children: cleanChildren(node.children, path, depth, walk) };
    }
    out.url = url.trim();
    // Only the editor's own choices: in-app links open in place, others in a new window.
    out.target = node.target === '_blank' ? '_blank' : null;
    out.rel = typeof node.rel === 'string' ? node.rel.slice(0, 100) : null;
    if (node.title !== undefined && node.title !== null && typeof node.title !== 'string') out.title = null;
  }

  if (Array.isArray(node.children)) {
    out.children = cleanChildren(node.children, path, depth, walk);
  } else if (node.children !== undefined) {
    problem(walk, `${path}.children`, 'is not a list of nodes');
    out.children = [];
  }
  return out;
}

function cleanChildren(children: unknown, path: string, depth: number, walk: Walk): JsonObject[] {
  if (!Array.isArray(children)) return [];
  const out: JsonObject[] = [];
  children.forEach((child: unknown, index: number) => {
    const cleaned = cleanNode(child, `${path}.children.${index}`, depth + 1, walk);
    if (!cleaned) return;
    if (cleaned.type === '__unwrap__') out.push(...(cleaned.children as JsonObject[]));
    else out.push(cleaned);
  });
  return out;
}

/** The plain text of one node: blocks on lines of their own, table cells separated by tabs. */
function textOf(node: JsonObject): string {
  switch (node.type) {
    case 'text':
    case 'code-highlight':
      return typeof node.text === 'string' ? node.text : '';
    case 'linebreak':
      return '\n';
    case 'tab':
      return '\t';
    case 'image':
      return typeof node.altText === 'string' ? node.altText : '';
    // A proposal's unfilled variable reads as it was written.
    case 'variable':
      return typeof node.name === 'string' ? `{{${node.name}}}` : '';
  }
  const children = Array.isArray(node.children) ? (node.children as JsonObject[]) : [];
  if (node.type === 'tablerow') return children.map((cell) => textOf(cell).replace(/\n+/g, ' ').trim()).join('\t');
  const lines: string[] = [];
  let inline = '';
  for (const child of children) {
    if (typeof child.type === 'string' && BLOCK_TYPES.has(child.type)) {
      if (inline !== '') lines.push(inline);
      inline = '';
      lines.push(textOf(child));
    } else {
      inline += textOf(child);
    }
  }
  if (inline !== '') lines.push(inline);
  return lines.join('\n');
}

function tidyText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+$/u, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The message for a table over the row limit, e.g. "Tables can have at most 500 rows; this one has 2,000". */
export function tableRowsProblem(rows: number, maxRows: number): string {
  return `Tables can have at most ${maxRows.toLocaleString('en')} rows; this one has ${rows.toLocaleString('en')}. Split it or attach the data as a file.`;
}

function sizeProblem(json: string, rules: DocumentRules): string | null {
  if (rules.what === 'note') return noteSizeProblem(json);
  const bytes = utf8Bytes(json);
  if (bytes <= rules.maxBytes) return null;
  return `This ${rules.what} is ${megabytes(bytes)} MB; it can be at most ${rules.maxBytes / 1024 / 1024} MB. Move large content into attachments.`;
}

/** Parses and checks a serialized body (a note unless other rules are given). Never throws: what is wrong comes back as problems. */
export function checkLexicalDocument(json: string, rules: DocumentRules = NOTE_RULES): CheckedDocument {
  const tooLarge = sizeProblem(json, rules);
  if (tooLarge !== null) return { json: null, text: '', problems: [{ path: 'root', message: tooLarge }] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    return { json: null, text: '', problems: [{ path: 'root', message: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` }] };
  }
  if (!isObject(parsed) || !isObject(parsed.root) || parsed.root.type !== 'root' || !Array.isArray(parsed.root.children)) {
    return { json: null, text: '', problems: [{ path: 'root', message: 'is not a Lexical editor state (a root node with children)' }] };
  }
  const walk: Walk = { problems: [], nodes: 0, rules, known: new Set([...KNOWN_TYPES, ...rules.extraNodeTypes]) };
  const root = cleanNode(parsed.root, 'root', 0, walk);
  if (!root) return { json: null, text: '', problems: walk.problems };
  return { json: JSON.stringify({ root }), text: tidyText(textOf(root)), problems: walk.problems };
}

/** A part of a document under one heading (the part before the first heading has heading null). */
export type DocumentSection = { heading: string | null; text: string };

/**
 * Splits a checked document at its headings, for turning notes into lesson fields. Only top-level
 * headings split; text inside lists and tables stays with the section it is in.
 */
export function sectionsOf(json: string): DocumentSection[] {
  const parsed: unknown = JSON.parse(json);
  if (!isObject(parsed) || !isObject(parsed.root) || !Array.isArray(parsed.root.children)) return [];
  const sections: DocumentSection[] = [];
  let current: { heading: string | null; blocks: string[] } = { heading: null, blocks: [] };
  const flush = (): void => {
    const text = tidyText(current.blocks.join('\n'));
    if (current.heading !== null || text !== '') sections.push({ heading: current.heading, text });
  };
  for (const child of parsed.root.children) {
    if (!isObject(child)) continue;
    if (child.type === 'heading') {
      flush();
      current = { heading: tidyText(textOf(child)), blocks: [] };
    } else {
      current.blocks.push(textOf(child));
    }
  }
  flush();
  return sections;
}
