import { msg, type ApiMessage } from '../api/message';
import { RICH_TEXT_NODE_TYPES } from './nodes';
import { plainText, tidyText } from './text';
import { checkTextStyle } from './style';
import { childrenOf, isRichNode, type RichNode } from './walk';

/**
 * Checks a rich-text body (a serialized Lexical editor state) that arrives from an untrusted place
 * — the renderer, a restored version, later sync — before it is stored, and derives its plain text
 * for search. What each kind of document allows beyond the shared node list comes in its rules
 * (notes: core/notes/lexical-document.ts; proposal sections: core/proposals/document.ts). Anything
 * else is a problem naming where it is; the cleaned document leaves it out (a bad link keeps its
 * words, an unknown node goes entirely). Never throws.
 */

/** Deepest nesting accepted (root → list → item → list → … ); the editor's own documents stay far below. */
export const MAX_DOCUMENT_DEPTH = 40;
/** Most nodes a body may hold, so that a hostile body cannot make the check itself slow. */
const MAX_DOCUMENT_NODES = 100_000;
/** Most problems reported: a hostile body could carry thousands, and the first ones say enough. */
const MAX_PROBLEMS = 50;

export type DocumentProblem = {
  /** Where in the document, e.g. "root.children.2.children.0". */
  path: string;
  message: ApiMessage;
};

export type CheckedDocument = {
  /** The document without what the problems name, as JSON text; null when the body is not a Lexical document at all. */
  json: string | null;
  /** Plain text for search and excerpts: one line per block. */
  text: string;
  problems: DocumentProblem[];
};

/** Which link targets a kind of document keeps. */
export type LinkPolicy = { allows: (url: string) => boolean };

/** What a kind of document may hold. */
export type RichTextRules = {
  /** What the document is called in messages. */
  what: 'docKind.note' | 'docKind.proposalSection' | 'docKind.articleText';
  maxBytes: number;
  links: LinkPolicy;
  /** Node types allowed besides RICH_TEXT_NODE_TYPES. */
  extraNodeTypes: readonly string[];
  /** Most rows a table may have; undefined for no limit. */
  maxTableRows?: number;
  /**
   * Checks a node's NodeState (its `$` key) and returns what to keep (undefined: drop it) and the
   * problems found. Without it, `$` is kept as the editor wrote it.
   */
  checkState?: (state: unknown, node: { type: string }) => { state: RichNode | undefined; problems: ApiMessage[] };
  /** Checks a node type from extraNodeTypes; returns the cleaned node or null with a message. */
  checkExtraNode?: (node: RichNode) => { node: RichNode | null; problems: ApiMessage[] };
};

const SHA256 = /^[0-9a-f]{64}$/;
/**
 * The one place that decides what inline CSS a text node keeps (Lexical's `style` field): the
 * allowlist in style.ts. A refused style is left out with a problem naming the property.
 */
function cleanTextStyle(style: unknown): { style: string; problem: ApiMessage | null } {
  if (style === undefined || style === '') return { style: '', problem: null };
  if (typeof style !== 'string') return { style: '', problem: msg('rich.styleRefused', { property: 'style' }) };
  const checked = checkTextStyle(style);
  return checked.refused === null ? { style: checked.style, problem: null } : { style: '', problem: msg('rich.styleRefused', { property: checked.refused }) };
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

/** "This note is 5.1 MB; it can be at most 2 MB. …", or null when the body fits. */
export function sizeProblem(json: string, rules: Pick<RichTextRules, 'what' | 'maxBytes'>): ApiMessage | null {
  const bytes = utf8Bytes(json);
  if (bytes <= rules.maxBytes) return null;
  const mb = (n: number): string => (n / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
  return msg('rich.tooLarge', { what: msg(rules.what), size: (bytes / 1024 / 1024).toFixed(1), max: mb(rules.maxBytes) });
}

/** The message for a table over the row limit, e.g. "Tables can have at most 500 rows; this one has 2,000". */
function tableRowsProblem(rows: number, maxRows: number): ApiMessage {
  return msg('rich.tableTooLong', { max: maxRows.toLocaleString('en'), rows: rows.toLocaleString('en') });
}

type Check = { problems: DocumentProblem[]; nodes: number; rules: RichTextRules; known: Set<string> };

function problem(check: Check, path: string, message: ApiMessage): void {
  if (check.problems.length < MAX_PROBLEMS) check.problems.push({ path, message });
}

/** Marks a link the policy refuses: its parent puts the link's children in its place. */
const UNWRAP = '__unwrap__';

/** The cleaned copy of one node, or null when it is left out. */
function cleanNode(node: unknown, path: string, depth: number, check: Check): RichNode | null {
  check.nodes++;
  if (check.nodes > MAX_DOCUMENT_NODES) {
    if (check.nodes === MAX_DOCUMENT_NODES + 1) problem(check, path, msg('rich.tooManyNodes', { max: MAX_DOCUMENT_NODES }));
    return null;
  }
  if (!isRichNode(node)) {
    problem(check, path, msg('rich.notANode'));
    return null;
  }
  const { rules } = check;
  const type = node.type;
  if (typeof type !== 'string' || !check.known.has(type)) {
    problem(check, path, msg('rich.typeNotAllowed', { type: String(type).slice(0, 50), what: msg(rules.what) }));
    return null;
  }
  if (type === 'root' && depth > 0) {
    problem(check, path, msg('rich.nestedRoot'));
    return null;
  }
  if (depth > MAX_DOCUMENT_DEPTH) {
    problem(check, path, msg('rich.tooDeep', { max: MAX_DOCUMENT_DEPTH }));
    return null;
  }
  const out: RichNode = { ...node };
  if (rules.checkState && '$' in node) {
    const checked = rules.checkState(node.$, { type });
    for (const message of checked.problems) problem(check, `${path}.$`, message);
    if (checked.state === undefined) delete out.$;
    else out.$ = checked.state;
  }
  if (rules.checkExtraNode && rules.extraNodeTypes.includes(type)) {
    const checked = rules.checkExtraNode(out);
    for (const message of checked.problems) problem(check, path, message);
    return checked.node;
  }
  if (type === 'table' && rules.maxTableRows !== undefined && Array.isArray(node.children) && node.children.length > rules.maxTableRows) {
    problem(check, path, tableRowsProblem(node.children.length, rules.maxTableRows));
    return null;
  }

  if (type === 'text' || type === 'code-highlight') {
    if (typeof node.text !== 'string') {
      problem(check, path, msg('rich.textWithoutText'));
      return null;
    }
    if (node.style !== undefined) {
      const style = cleanTextStyle(node.style);
      if (style.problem !== null) problem(check, `${path}.style`, style.problem);
      out.style = style.style;
    }
  }

  if (type === 'image') {
    const sha256 = node.sha256;
    if (typeof sha256 !== 'string' || !SHA256.test(sha256)) {
      problem(check, path, msg('rich.imageWithoutSha'));
      return null;
    }
    for (const key of ['src', 'url', 'href']) {
      if (key in node) problem(check, `${path}.${key}`, msg('rich.imageUrl'));
    }
    const altText = typeof node.altText === 'string' ? node.altText.slice(0, 500) : '';
    return { type: 'image', version: 1, sha256, altText };
  }

  if (type === 'link' || type === 'autolink') {
    const url = typeof node.url === 'string' ? node.url : '';
    if (!rules.links.allows(url)) {
      problem(check, path, msg('rich.linkRemoved', { url: url.slice(0, 80) }));
      return { type: UNWRAP, children: cleanChildren(node.children, path, depth, check) };
    }
    out.url = url.trim();
    // Only the editor's own choices: in-app links open in place, others in a new window.
    out.target = node.target === '_blank' ? '_blank' : null;
    out.rel = typeof node.rel === 'string' ? node.rel.slice(0, 100) : null;
    if (node.title !== undefined && node.title !== null && typeof node.title !== 'string') out.title = null;
  }

  if (Array.isArray(node.children)) {
    out.children = cleanChildren(node.children, path, depth, check);
  } else if (node.children !== undefined) {
    problem(check, `${path}.children`, msg('rich.childrenNotList'));
    out.children = [];
  }
  return out;
}

function cleanChildren(children: unknown, path: string, depth: number, check: Check): RichNode[] {
  if (!Array.isArray(children)) return [];
  const out: RichNode[] = [];
  children.forEach((child: unknown, index: number) => {
    const cleaned = cleanNode(child, `${path}.children.${index}`, depth + 1, check);
    if (!cleaned) return;
    if (cleaned.type === UNWRAP) out.push(...childrenOf(cleaned));
    else out.push(cleaned);
  });
  return out;
}

/** Parses and checks a serialized body against a kind's rules. Never throws: what is wrong comes back as problems. */
export function checkRichText(json: string, rules: RichTextRules): CheckedDocument {
  const tooLarge = sizeProblem(json, rules);
  if (tooLarge !== null) return { json: null, text: '', problems: [{ path: 'root', message: tooLarge }] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    return { json: null, text: '', problems: [{ path: 'root', message: msg('rich.notJson', { detail: error instanceof Error ? error.message : String(error) }) }] };
  }
  if (!isRichNode(parsed) || !isRichNode(parsed.root) || parsed.root.type !== 'root' || !Array.isArray(parsed.root.children)) {
    return { json: null, text: '', problems: [{ path: 'root', message: msg('rich.notEditorState') }] };
  }
  const check: Check = { problems: [], nodes: 0, rules, known: new Set([...RICH_TEXT_NODE_TYPES, ...rules.extraNodeTypes]) };
  const root = cleanNode(parsed.root, 'root', 0, check);
  if (!root) return { json: null, text: '', problems: check.problems };
  return { json: JSON.stringify({ root }), text: tidyText(plainText(root)), problems: check.problems };
}
