import { msg, type ApiMessage } from '../api/message';
import { headingBlock, isReadableLink, mergeRuns } from '../document/build';
import { blocksMarkdown } from '../document/markdown';
import type { Block, Inline, ListBlock, ListItem, Mark, TableBlock, TableCell } from '../document/model';
import { suggestVariable } from '../proposals/generate';

/**
 * A Word document's HTML (as mammoth writes it, parsed into a tree by the backend's HTML parser)
 * → POC template sections with Markdown bodies. Sections start at Heading 1 and Heading 2; deeper
 * headings become ## / ### inside a body; paragraphs, bold/italic/strikethrough, lists, links and
 * tables (GFM) are kept; images are dropped and reported. `{{name}}` and Word merge-field text
 * such as «customer name» become variables when they name one a template may use; anything else
 * stays as plain text and is reported. The HTML becomes document blocks and the one Markdown
 * writer (core/document/markdown.ts) writes them — nothing of it is ever rendered as HTML.
 */

/** An element of parsed HTML: its tag (lower case), attributes, and children (text is a string). */
export type HtmlElement = { tag: string; attrs: Record<string, string>; children: HtmlNode[] };
export type HtmlNode = HtmlElement | string;

export type ImportedSection = { title: string; markdown: string };
export type ImportProblem = { where: string; message: ApiMessage };
export type ImportedDocument = {
  /** The text of a Title-styled paragraph, when the document has one. */
  title: string | null;
  sections: ImportedSection[];
  problems: ImportProblem[];
  /** Whether most of the letters are Chinese. */
  mostlyChinese: boolean;
};

export type ImportOptions = {
  /** Every variable name a template for the chosen scenarios may use. */
  variables: readonly string[];
  /** Used for the section of text that comes before the first heading. */
  introductionTitle: string;
};

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
};

const VARIABLE_TEXT = /\{\{([^{}]{0,200})\}\}|«([^«»]{1,200})»/g;
const MARK_TAGS: Readonly<Record<string, Mark>> = { strong: 'bold', b: 'bold', em: 'italic', i: 'italic', s: 'strikethrough', del: 'strikethrough' };

/** A stretch of text with the formatting it has in the document. */
type Segment = { text: string; marks: readonly Mark[] };

/**
 * Text → runs: the words as they are, variables recognised (unknown ones kept as «text» and
 * reported). The text may come in several differently formatted pieces: Word often leaves a
 * variable split across runs ("{{customer." then a bold "name" then "}}"), so variables are found
 * in the pieces joined, and take the formatting of the piece they start in.
 */
function segmentRuns(segments: readonly Segment[], ctx: Context): Inline[] {
  const whole = segments.map((s) => s.text).join('');
  const starts: number[] = [];
  let offset = 0;
  for (const segment of segments) {
    starts.push(offset);
    offset += segment.text.length;
  }
  const marksAt = (at: number): readonly Mark[] => {
    let index = 0;
    while (index + 1 < segments.length && (starts[index + 1] ?? Infinity) <= at) index++;
    return segments[index]?.marks ?? [];
  };
  const withMarks = (marks: readonly Mark[]) => (marks.length > 0 ? { marks: [...marks] } : {});
  const runs: Inline[] = [];
  const text = (from: number, to: number): void => {
    segments.forEach((segment, i) => {
      const start = starts[i] ?? 0;
      const slice = whole.slice(Math.max(from, start), Math.min(to, start + segment.text.length));
      if (slice !== '') runs.push({ kind: 'text', text: slice, ...withMarks(segment.marks) });
    });
  };
  let last = 0;
  for (const match of whole.matchAll(VARIABLE_TEXT)) {
    text(last, match.index);
    last = match.index + match[0].length;
    const marks = withMarks(marksAt(match.index));
    const braced = match[1];
    const raw = (braced ?? match[2] ?? '').trim();
    const name = braced !== undefined ? raw : (ctx.bySquashed.get(squash(raw)) ?? null);
    if (name !== null && ctx.known.has(name)) {
      runs.push({ kind: 'variable', name, ...marks });
      continue;
    }
    const guess = ctx.bySquashed.get(squash(raw)) ?? suggestVariable(raw, ctx.variables);
    const shown = { text: match[0].slice(0, 80), raw: raw.slice(0, 80) };
    ctx.problems.push({
      where: ctx.where,
      message: guess !== undefined && guess !== raw ? msg('import.notVariableSuggest', { ...shown, guess }) : msg('import.notVariable', shown),
    });
    runs.push({ kind: 'text', text: `«${raw}»`, ...marks });
  }
  text(last, whole.length);
  return runs;
}

/** Inline content as runs; white space is folded as HTML shows it. */
function inline(nodes: readonly HtmlNode[], marks: readonly Mark[], ctx: Context): Inline[] {
  const out: Inline[] = [];
  let pending: Segment[] = [];
  const flush = (): void => {
    if (pending.length > 0) out.push(...segmentRuns(pending, ctx));
    pending = [];
  };
  const walk = (children: readonly HtmlNode[], current: readonly Mark[]): void => {
    for (const node of children) {
      if (typeof node === 'string') {
        pending.push({ text: node.replace(/\s+/g, ' '), marks: current });
        continue;
      }
      const mark = MARK_TAGS[node.tag];
      if (mark !== undefined) {
        walk(node.children, current.includes(mark) ? current : [...current, mark]);
        continue;
      }
      switch (node.tag) {
        case 'br':
          pending.push({ text: ' ', marks: [] });
          break;
        case 'img':
          ctx.problems.push({ where: ctx.where, message: node.attrs.alt ? msg('import.imageLeftOutNamed', { alt: node.attrs.alt.slice(0, 60) }) : msg('import.imageLeftOut') });
          break;
        case 'a': {
          flush();
          const href = (node.attrs.href ?? '').trim();
          const content = inline(node.children, current, ctx);
          if (href === '' || href.startsWith('#')) out.push(...content);
          else if (!isReadableLink(href)) {
            ctx.problems.push({ where: ctx.where, message: msg('import.linkRemoved', { url: href.slice(0, 80) }) });
            out.push(...content);
          } else out.push({ kind: 'link', url: href, content: mergeRuns(content) });
          break;
        }
        default:
          walk(node.children, current);
      }
    }
  };
  walk(nodes, marks);
  flush();
  return out;
}

/** Runs with their white space folded and trimmed at both ends, as a paragraph shows them. */
function tidy(runs: readonly Inline[]): Inline[] {
  const merged = mergeRuns(runs.map((run) => (run.kind === 'text' ? { ...run, text: run.text.replace(/\s+/g, ' ') } : run)));
  const first = merged[0];
  if (first?.kind === 'text') merged[0] = { ...first, text: first.text.trimStart() };
  const last = merged.at(-1);
  if (last?.kind === 'text') merged[merged.length - 1] = { ...last, text: last.text.trimEnd() };
  return mergeRuns(merged);
}

const listOf = (node: HtmlNode): HtmlElement | null => (typeof node !== 'string' && (node.tag === 'ul' || node.tag === 'ol') ? node : null);

function list(element: HtmlElement, ctx: Context): ListBlock {
  const items: ListItem[] = element.children
    .filter((item): item is HtmlElement => typeof item !== 'string' && item.tag === 'li')
    .map((item) => {
      const own = item.children.filter((c) => listOf(c) === null);
      // Paragraphs inside an item read as one line.
      const content = own.flatMap((c, i): Inline[] => [...(i > 0 ? [{ kind: 'text' as const, text: ' ' }] : []), ...inline(typeof c !== 'string' && c.tag === 'p' ? c.children : [c], [], ctx)]);
      const nested = item.children.flatMap((c) => listOf(c) ?? []);
      return { content: tidy(content), lists: nested.map((sub) => list(sub, ctx)) };
    });
  return { kind: 'list', style: element.tag === 'ol' ? 'number' : 'bullet', start: 1, items };
}

function cell(element: HtmlElement, ctx: Context): TableCell {
  const blocks = element.children.map((c): Block => {
    const nested = listOf(c);
    if (nested) return list(nested, ctx);
    return { kind: 'paragraph', content: tidy(inline(typeof c !== 'string' && c.tag === 'p' ? c.children : [c], [], ctx)) };
  });
  return { blocks };
}

/** A span attribute (colspan/rowspan) as a count from 1 to 64; anything else counts as 1. */
function span(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 64) : 1;
}

/**
 * A Word table's rows as a grid. Markdown tables have no merged cells, so a merged cell keeps its
 * text in its first column and row and leaves the other places it covered empty: every later cell
 * stays in its own column (a total under "Amount" stays under "Amount").
 */
function grid(rows: HtmlElement[][], ctx: Context): { cells: TableCell[][]; merged: boolean } {
  const cells: TableCell[][] = [];
  /** Columns still covered by a cell from a row above: column → rows left. */
  const coveredBelow = new Map<number, number>();
  let merged = false;
  const empty = (): TableCell => ({ blocks: [] });
  for (const row of rows) {
    const out: TableCell[] = [];
    const takeCovered = (): void => {
      for (let left = coveredBelow.get(out.length); left !== undefined; left = coveredBelow.get(out.length)) {
        if (left <= 1) coveredBelow.delete(out.length);
        else coveredBelow.set(out.length, left - 1);
        out.push(empty());
      }
    };
    for (const element of row) {
      takeCovered();
      const columns = span(element.attrs.colspan);
      const down = span(element.attrs.rowspan);
      if (columns > 1 || down > 1) merged = true;
      const at = out.length;
      out.push(cell(element, ctx));
      for (let i = 1; i < columns; i++) out.push(empty());
      if (down > 1) for (let i = 0; i < columns; i++) coveredBelow.set(at + i, down - 1);
    }
    takeCovered();
    cells.push(out);
  }
  // Rows end at the widest row: a short row gets empty cells at its end.
  const width = Math.max(0, ...cells.map((r) => r.length));
  for (const r of cells) while (r.length < width) r.push(empty());
  return { cells, merged };
}

function table(element: HtmlElement, ctx: Context): TableBlock | null {
  const rows: HtmlElement[][] = [];
  const collect = (node: HtmlElement): void => {
    for (const child of node.children) {
      if (typeof child === 'string') continue;
      if (child.tag === 'tr') rows.push(child.children.filter((c): c is HtmlElement => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th')));
      else if (child.tag === 'thead' || child.tag === 'tbody' || child.tag === 'tfoot') collect(child);
    }
  };
  collect(element);
  const { cells, merged } = grid(rows, ctx);
  if (merged) ctx.problems.push({ where: ctx.where, message: msg('import.mergedCellsSplit') });
  const [header, ...body] = cells;
  // Markdown tables need a header: the first row is it.
  return header ? { kind: 'table', columns: header, rows: body } : null;
}

/** One top-level element as blocks ([] when it holds nothing). */
function blocks(element: HtmlElement, ctx: Context): Block[] {
  switch (element.tag) {
    case 'h3':
      return [{ kind: 'heading', level: 2, content: tidy(inline(element.children, [], ctx)) }];
    case 'h4':
    case 'h5':
    case 'h6':
      return [{ kind: 'heading', level: 3, content: tidy(inline(element.children, [], ctx)) }];
    case 'ul':
    case 'ol':
      return [list(element, ctx)];
    case 'table': {
      const built = table(element, ctx);
      return built ? [built] : [];
    }
    case 'blockquote':
      return element.children.flatMap((c): Block[] =>
        typeof c === 'string' || c.tag === 'p' ? [{ kind: 'quote', content: tidy(inline(typeof c === 'string' ? [c] : c.children, [], ctx)) }] : blocks(c, ctx),
      );
    default:
      return [{ kind: 'paragraph', content: tidy(inline(element.children, [], ctx)) }];
  }
}

/** Splits the document at Heading 1/2 and converts each part to template Markdown. */
export function htmlToTemplateSections(root: HtmlElement, options: ImportOptions): ImportedDocument {
  const known = new Set(options.variables);
  const bySquashed = new Map<string, string>();
  for (const name of options.variables) if (!bySquashed.has(squash(name))) bySquashed.set(squash(name), name);
  const ctx: Context = { variables: options.variables, known, bySquashed, problems: [], where: options.introductionTitle };
  let title: string | null = null;
  const parts: { title: string; markdown: string[] }[] = [];
  let current: { title: string; markdown: string[] } = { title: options.introductionTitle, markdown: [] };
  const add = (converted: Block[]): void => {
    const markdown = blocksMarkdown(converted);
    if (markdown.trim() !== '') current.markdown.push(markdown);
  };

  for (const node of root.children) {
    if (typeof node === 'string') {
      if (node.trim() !== '') add([{ kind: 'paragraph', content: tidy(segmentRuns([{ text: node.trim(), marks: [] }], ctx)) }]);
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
      current = { title: heading, markdown: [] };
      ctx.where = heading;
      continue;
    }
    add(blocks(node, ctx));
  }
  parts.push(current);

  // A heading directly followed by another (a chapter and its first subsection) has no body of its
  // own: its title goes into the next section's body as a heading, so no words are lost.
  const sections: ImportedSection[] = [];
  let carried: string[] = [];
  parts.forEach((part, index) => {
    const isIntroduction = index === 0;
    if (part.markdown.length === 0) {
      if (!isIntroduction) carried.push(blocksMarkdown([headingBlock(2, part.title)]));
      return;
    }
    sections.push({ title: part.title, markdown: [...carried, ...part.markdown].join('\n\n') });
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
