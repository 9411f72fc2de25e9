import { suggestVariable } from '../proposals/generate';
import { escapeMarkdown } from '../document/markdown';

/**
 * A Word document's HTML (as mammoth writes it) → POC template sections with Markdown bodies.
 * Sections start at Heading 1 and Heading 2; deeper headings become ## / ### inside a body;
 * paragraphs, bold/italic/strikethrough, lists, links and tables (GFM) are kept; images are
 * dropped and reported. `{{name}}` and Word merge-field text such as «customer name» become
 * variables when they name one a template may use; anything else stays as plain text and is
 * reported. The HTML is only ever read as tokens here — nothing of it is rendered as HTML.
 */

export type ImportedSection = { title: string; markdown: string };
export type ImportProblem = { where: string; message: string };
export type ImportedDocument = {
  /** The text of a Title-styled paragraph, when the document has one. */
  title: string | null;
  sections: ImportedSection[];
  problems: ImportProblem[];
  /** Whether most of the letters are Chinese. */
  mostlyChinese: boolean;
};

type Element = { tag: string; attrs: Record<string, string>; children: HtmlNode[] };
type HtmlNode = Element | string;

const VOID_TAGS = new Set(['br', 'img', 'hr']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return safeCodePoint(parseInt(name.slice(2), 16), whole);
    if (name.startsWith('#')) return safeCodePoint(parseInt(name.slice(1), 10), whole);
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

/** A forgiving parser for mammoth's (well-formed, attribute-light) HTML into a small tree. */
export function parseHtml(html: string): Element {
  const root: Element = { tag: 'root', attrs: {}, children: [] };
  const stack: Element[] = [root];
  const token = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-:]+(?:="[^"]*")?)*)\s*(\/?)>|<!--[\s\S]*?-->|([^<]+)|</g;
  for (const match of html.matchAll(token)) {
    const [whole, closing, rawTag, rawAttrs = '', selfClosing, text] = match;
    const top = stack[stack.length - 1] as Element;
    if (text !== undefined) {
      top.children.push(decodeEntities(text));
      continue;
    }
    if (rawTag === undefined) {
      // A comment, or a stray "<" that starts no tag: text.
      if (whole === '<') top.children.push('<');
      continue;
    }
    const tag = rawTag.toLowerCase();
    if (closing) {
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of rawAttrs.matchAll(/([a-zA-Z-:]+)(?:="([^"]*)")?/g)) attrs[(a[1] ?? '').toLowerCase()] = decodeEntities(a[2] ?? '');
    const element: Element = { tag, attrs, children: [] };
    top.children.push(element);
    if (!selfClosing && !VOID_TAGS.has(tag)) stack.push(element);
  }
  return root;
}

function textOf(node: HtmlNode): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}

/** Letters and digits only, lower case: how a merge field's words are matched to a variable name. */
function squash(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

type Context = {
  variables: readonly string[];
  known: Set<string>;
  bySquashed: Map<string, string>;
  problems: ImportProblem[];
  where: string;
  images: number;
};

const VARIABLE_TEXT = /\{\{([^{}]{0,200})\}\}|«([^«»]{1,200})»/g;

/** Plain text → Markdown: escaped, with variables recognised. */
function textMarkdown(text: string, ctx: Context): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(VARIABLE_TEXT)) {
    const at = match.index;
    out += escapeMarkdown(text.slice(last, at));
    last = at + match[0].length;
    const braced = match[1];
    const raw = (braced ?? match[2] ?? '').trim();
    const name = braced !== undefined ? raw : (ctx.bySquashed.get(squash(raw)) ?? null);
    if (name !== null && ctx.known.has(name)) {
      out += `{{${name}}}`;
      continue;
    }
    const guess = ctx.bySquashed.get(squash(raw)) ?? suggestVariable(raw, ctx.variables);
    const hint = guess !== undefined && guess !== raw ? ` — did you mean {{${guess}}}?` : '';
    ctx.problems.push({
      where: ctx.where,
      message: `${match[0].slice(0, 80)} is not a variable templates may use; it was kept as the text «${raw.slice(0, 80)}»${hint}`,
    });
    out += escapeMarkdown(`«${raw}»`);
  }
  return out + escapeMarkdown(text.slice(last));
}

function isAllowedHref(href: string): boolean {
  return /^(https?:|mailto:)/i.test(href.trim());
}

/** Inline content as one line of Markdown. */
function inline(nodes: readonly HtmlNode[], ctx: Context): string {
  return nodes
    .map((node) => {
      if (typeof node === 'string') return textMarkdown(node.replace(/\s+/g, ' '), ctx);
      const inner = () => inline(node.children, ctx);
      const wrap = (mark: string) => {
        const text = inner();
        const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? [];
        return core === '' ? text : `${lead}${mark}${core}${mark}${trail}`;
      };
      switch (node.tag) {
        case 'strong':
        case 'b':
          return wrap('**');
        case 'em':
        case 'i':
          return wrap('*');
        case 's':
        case 'del':
          return wrap('~~');
        case 'br':
          return ' ';
        case 'img':
          ctx.images++;
          ctx.problems.push({ where: ctx.where, message: `an image${node.attrs.alt ? ` (“${node.attrs.alt.slice(0, 60)}”)` : ''} was left out; templates hold text only — add pictures to the proposal after generating it` });
          return '';
        case 'a': {
          const href = node.attrs.href ?? '';
          const text = inner();
          if (href === '' || href.startsWith('#')) return text;
          if (!isAllowedHref(href)) {
            ctx.problems.push({ where: ctx.where, message: `the link to “${href.slice(0, 80)}” was removed (only http(s) and mailto links are kept); its text stays` });
            return text;
          }
          return `[${text}](${/[\s()<>]/.test(href) ? `<${href.replace(/[<>]/g, encodeURIComponent)}>` : href})`;
        }
        default:
          return inner();
      }
    })
    .join('');
}

function list(element: Element, indent: string, ctx: Context): string[] {
  const lines: string[] = [];
  let number = 1;
  for (const item of element.children) {
    if (typeof item === 'string' || item.tag !== 'li') continue;
    const nested = item.children.filter((c): c is Element => typeof c !== 'string' && (c.tag === 'ul' || c.tag === 'ol'));
    const own = item.children.filter((c) => typeof c === 'string' || (c.tag !== 'ul' && c.tag !== 'ol'));
    const text = own
      .map((c) => (typeof c !== 'string' && c.tag === 'p' ? inline(c.children, ctx) : inline([c], ctx)))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    lines.push(`${indent}${element.tag === 'ol' ? `${number++}.` : '-'} ${text}`);
    for (const sub of nested) lines.push(...list(sub, `${indent}    `, ctx));
  }
  return lines;
}

function table(element: Element, ctx: Context): string {
  const rows: string[][] = [];
  const collect = (node: Element) => {
    for (const child of node.children) {
      if (typeof child === 'string') continue;
      if (child.tag === 'tr') {
        rows.push(
          child.children
            .filter((c): c is Element => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th'))
            .map((cell) =>
              cell.children
                .map((c) => (typeof c === 'string' ? inline([c], ctx) : c.tag === 'ul' || c.tag === 'ol' ? list(c, '', ctx).map((l) => l.trim()).join('; ') : inline(c.tag === 'p' ? c.children : [c], ctx)))
                .filter((t) => t.trim() !== '')
                .join(' ')
                .replace(/\s+/g, ' ')
                // Pipes in the text were escaped with the rest of the Markdown syntax (escapeMarkdown).
                .trim(),
            ),
        );
      } else if (child.tag === 'thead' || child.tag === 'tbody' || child.tag === 'tfoot') {
        collect(child);
      }
    }
  };
  collect(element);
  if (rows.length === 0) return '';
  const width = Math.max(...rows.map((r) => r.length), 1);
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  const [header = [], ...body] = rows;
  return [line(header), `| ${Array.from({ length: width }, () => '---').join(' | ')} |`, ...body.map(line)].join('\n');
}

/** One block element as Markdown ('' when it holds nothing). */
function block(element: Element, ctx: Context): string {
  switch (element.tag) {
    case 'h3':
      return `## ${inline(element.children, ctx).trim()}`;
    case 'h4':
    case 'h5':
    case 'h6':
      return `### ${inline(element.children, ctx).trim()}`;
    case 'ul':
    case 'ol':
      return list(element, '', ctx).join('\n');
    case 'table':
      return table(element, ctx);
    case 'blockquote':
      return element.children
        .map((c) => (typeof c === 'string' ? inline([c], ctx) : block(c, ctx)))
        .filter((t) => t.trim() !== '')
        .map((t) => `> ${t}`)
        .join('\n>\n');
    default:
      return inline(element.children, ctx).trim();
  }
}

export type ImportOptions = {
  /** Every variable name a template for the chosen scenarios may use. */
  variables: readonly string[];
  /** Used for the section of text that comes before the first heading. */
  introductionTitle: string;
};

/** Splits the document at Heading 1/2 and converts each part to template Markdown. */
export function htmlToTemplateSections(html: string, options: ImportOptions): ImportedDocument {
  const root = parseHtml(html);
  const known = new Set(options.variables);
  const bySquashed = new Map<string, string>();
  for (const name of options.variables) if (!bySquashed.has(squash(name))) bySquashed.set(squash(name), name);
  const ctx: Context = { variables: options.variables, known, bySquashed, problems: [], where: options.introductionTitle, images: 0 };
  let title: string | null = null;
  const parts: { title: string; blocks: string[] }[] = [];
  let current: { title: string; blocks: string[] } = { title: options.introductionTitle, blocks: [] };

  for (const node of root.children) {
    if (typeof node === 'string') {
      if (node.trim() !== '') current.blocks.push(textMarkdown(node.trim(), ctx));
      continue;
    }
    const isDocTitle = node.tag === 'h1' && /\bdoc-title\b/.test(node.attrs.class ?? '');
    if (isDocTitle && title === null) {
      title = textOf(node).replace(/\s+/g, ' ').trim() || null;
      continue;
    }
    if (node.tag === 'h1' || node.tag === 'h2') {
      const heading = textOf(node).replace(/\s+/g, ' ').trim();
      if (heading === '') continue;
      parts.push(current);
      current = { title: heading, blocks: [] };
      ctx.where = heading;
      continue;
    }
    const markdown = block(node, ctx);
    if (markdown.trim() !== '') current.blocks.push(markdown);
  }
  parts.push(current);

  // A heading directly followed by another (a chapter and its first subsection) has no body of its
  // own: its title goes into the next section's body as a heading, so no words are lost.
  const sections: ImportedSection[] = [];
  let carried: string[] = [];
  parts.forEach((part, index) => {
    const isIntroduction = index === 0;
    if (part.blocks.length === 0) {
      if (!isIntroduction) carried.push(`## ${escapeMarkdown(part.title)}`);
      return;
    }
    sections.push({ title: part.title, markdown: [...carried, ...part.blocks].join('\n\n') });
    carried = [];
  });
  if (carried.length > 0) {
    const last = sections.at(-1);
    if (last) last.markdown = `${last.markdown}\n\n${carried.join('\n\n')}`;
    else sections.push({ title: parts.at(-1)?.title ?? options.introductionTitle, markdown: carried.join('\n\n') });
  }

  const letters = textOf(root).replace(/[^\p{L}]/gu, '');
  const chinese = letters.replace(/[^\p{Script=Han}]/gu, '').length;
  return { title, sections, problems: ctx.problems, mostlyChinese: letters.length > 0 && chinese * 2 >= letters.length };
}
