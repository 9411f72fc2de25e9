import { isAllowedMailto } from '../../core/richtext/links';

/**
 * What a link in an article body may do. Article bodies are stored Lexical JSON that may come from
 * the content pack, from this device or from sync, so the renderer applies its own policy instead
 * of trusting what it is given:
 *   kb:<id>           opens that article inside the app
 *   http(s):, mailto: opens outside the app (new window; Electron routes it through its allowlist)
 *   anything else     is not a link at all: its words stay, the link goes
 */
export type LinkTarget = { kind: 'article'; id: string } | { kind: 'external'; href: string } | { kind: 'none' };

const ARTICLE_LINK = /^kb:([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

export function classifyLink(raw: string): LinkTarget {
  const url = raw.trim();
  const article = ARTICLE_LINK.exec(url);
  if (article?.[1]) return { kind: 'article', id: article[1] };
  // Only absolute URLs with an allowed scheme; URL parsing rejects "https:evil" look-alikes below.
  if (!/^(https?:\/\/|mailto:)/i.test(url)) return { kind: 'none' };
  try {
    const parsed = new URL(url);
    if (!EXTERNAL_PROTOCOLS.has(parsed.protocol)) return { kind: 'none' };
    if (parsed.protocol !== 'mailto:' && parsed.hostname === '') return { kind: 'none' };
    // The same rule as Electron main's: an address, subject, body and cc, nothing an email program would act on.
    if (parsed.protocol === 'mailto:' && !isAllowedMailto(url)) return { kind: 'none' };
    return { kind: 'external', href: parsed.href };
  } catch {
    return { kind: 'none' };
  }
}

/** The in-app address (hash route) of an article, as written into rendered links. */
export function articleHref(id: string): string {
  return `#/kb/${id}`;
}

/** Reads an article id back from an href written by `articleHref`. */
export function articleIdFromHref(href: string): string | null {
  const match = /^#\/kb\/([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(href);
  return match?.[1] ?? null;
}

export const EXTERNAL_REL = 'noopener noreferrer';
export const EXTERNAL_TARGET = '_blank';

type JsonObject = { [key: string]: unknown };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const LINK_TYPES = new Set(['link', 'autolink']);

/** Applies the link policy to a list of serialized Lexical nodes, recursively. */
function rewriteChildren(children: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const child of children) {
    if (!isObject(child)) continue;
    const node: JsonObject = { ...child };
    if (Array.isArray(node.children)) node.children = rewriteChildren(node.children);
    if (typeof node.type === 'string' && LINK_TYPES.has(node.type)) {
      const target = classifyLink(typeof node.url === 'string' ? node.url : '');
      if (target.kind === 'none') {
        // Unwrap: keep the text, drop the link.
        if (Array.isArray(node.children)) out.push(...node.children);
        continue;
      }
      if (target.kind === 'article') {
        node.url = articleHref(target.id);
        node.target = null;
        node.rel = null;
      } else {
        node.url = target.href;
        node.target = EXTERNAL_TARGET;
        node.rel = EXTERNAL_REL;
      }
    }
    out.push(node);
  }
  return out;
}

/**
 * Prepares stored Lexical JSON for read-only display: every link is rewritten by the policy above.
 * Throws an Error naming the problem when the text is not a Lexical editor state.
 */
export function prepareArticleState(json: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new Error(`the stored body is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isObject(parsed) || !isObject(parsed.root) || !Array.isArray(parsed.root.children)) {
    throw new Error('the stored body is not a Lexical editor state (no root.children)');
  }
  return JSON.stringify({ ...parsed, root: { ...parsed.root, children: rewriteChildren(parsed.root.children) } });
}
