import type { JsonObject } from '../notes/lexical-document';
import { coverFields, EXPORT_LABELS, sectionTable, type ExportTable, type ProposalExport } from './export-tables';
import { blocksOf } from './lexical-json';

/**
 * A proposal as GitHub-flavoured Markdown: the cover as a field list, each section as a level-2
 * heading with its body, the structured tables (success criteria, pricing with totals, timeline)
 * as GFM tables. Pure: the text of the document is escaped so that nothing a user wrote turns into
 * Markdown syntax, and images are references to attachments (`attachment:<sha256>`), never URLs.
 */

type Node = JsonObject;

// Lexical's text format bits.
const BOLD = 1;
const ITALIC = 2;
const STRIKETHROUGH = 4;
const CODE = 16;

function childrenOf(node: Node): Node[] {
  return Array.isArray(node.children) ? (node.children as unknown[]).filter((c): c is Node => typeof c === 'object' && c !== null) : [];
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Escapes characters Markdown would read as syntax inside a line of text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`).replace(/^(\s*)([#+-]|\d+[.)])(?=\s)/, (_m, space: string, mark: string) => `${space}\\${mark}`);
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return text.startsWith('`') || text.endsWith('`') ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

function formatted(text: string, format: number): string {
  if (text === '') return '';
  if (format & CODE) return codeSpan(text);
  // Emphasis markers must hug the words: keep surrounding spaces outside them.
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? [];
  if (core === '') return text;
  let out = escapeMarkdown(core);
  if (format & STRIKETHROUGH) out = `~~${out}~~`;
  if (format & ITALIC) out = `*${out}*`;
  if (format & BOLD) out = `**${out}**`;
  return `${lead}${out}${trail}`;
}

function linkTarget(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}

/** The inline content of a block; `inTable` writes line breaks as spaces (a GFM cell is one line). */
function inline(nodes: readonly Node[], inTable: boolean): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
        case 'code-highlight':
          return formatted(str(node.text), typeof node.format === 'number' ? node.format : 0);
        case 'linebreak':
          return inTable ? ' ' : '\\\n';
        case 'tab':
          return ' ';
        case 'variable':
          return `{{${str(node.name)}}}`;
        case 'image':
          return `![${escapeMarkdown(str(node.altText))}](attachment:${str(node.sha256)})`;
        case 'link':
        case 'autolink':
          return `[${inline(childrenOf(node), inTable)}](${linkTarget(str(node.url))})`;
        default:
          return inline(childrenOf(node), inTable);
      }
    })
    .join('');
}

function cellText(cell: Node): string {
  return childrenOf(cell)
    .map((block) => (block.type === 'list' ? childrenOf(block).map((item) => inline(childrenOf(item), true)).join('; ') : inline(childrenOf(block), true)))
    .filter((text) => text.trim() !== '')
    .join(' ')
    // Text pipes were escaped with the rest (escapeMarkdown); a pipe in a code span still ends a cell.
    .replace(/(?<!\\)\|/g, '\\|');
}

function gfmTable(header: string[], rows: string[][], numeric: readonly boolean[] = []): string {
  const width = Math.max(header.length, ...rows.map((r) => r.length), 1);
  const pad = (cells: string[]) => Array.from({ length: width }, (_, i) => (cells[i] ?? '').trim());
  const line = (cells: string[]) => `| ${pad(cells).join(' | ')} |`;
  const rule = `| ${Array.from({ length: width }, (_, i) => (numeric[i] ? '---:' : '---')).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

function lexicalTable(node: Node): string {
  const rows = childrenOf(node).map((row) => childrenOf(row).map(cellText));
  const [header = [], ...body] = rows;
  return gfmTable(header, body);
}

function list(node: Node, indent: string): string {
  const type = str(node.listType);
  let number = typeof node.start === 'number' ? node.start : 1;
  const lines: string[] = [];
  for (const item of childrenOf(node)) {
    const kids = childrenOf(item);
    const nested = kids.filter((k) => k.type === 'list');
    const text = inline(
      kids.filter((k) => k.type !== 'list'),
      false,
    );
    // Lexical nests a list inside an item of its own (an item holding only the list): no marker for it.
    if (nested.length > 0 && text.trim() === '') {
      for (const sub of nested) lines.push(list(sub, `${indent}   `));
      continue;
    }
    const marker = type === 'number' ? `${number++}.` : type === 'check' ? `- [${item.checked === true ? 'x' : ' '}]` : '-';
    lines.push(`${indent}${marker} ${text.replace(/\\\n/g, `\\\n${indent}   `)}`);
    for (const sub of nested) lines.push(list(sub, `${indent}   `));
  }
  return lines.join('\n');
}

function headingLevel(tag: unknown, shift: number): number {
  const level = Number(/^h([1-6])$/.exec(str(tag))?.[1] ?? 2);
  return Math.min(6, Math.max(1, level + shift));
}

/** One top-level block as Markdown ('' for an empty paragraph). `headingShift` moves body headings under the section's. */
function block(node: Node, headingShift: number): string {
  switch (node.type) {
    case 'heading':
      return `${'#'.repeat(headingLevel(node.tag, headingShift))} ${inline(childrenOf(node), false)}`;
    case 'paragraph':
      return inline(childrenOf(node), false);
    case 'quote':
      return inline(childrenOf(node), false)
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
    case 'list':
      return list(node, '');
    case 'table':
      return lexicalTable(node);
    case 'code': {
      const text = childrenOf(node)
        .map((c) => (c.type === 'linebreak' ? '\n' : c.type === 'tab' ? '\t' : str(c.text)))
        .join('');
      const fence = '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
      return `${fence}${str(node.language).replace(/[^\w+-]/g, '')}\n${text}\n${fence}`;
    }
    default:
      return inline(childrenOf(node), false);
  }
}

/**
 * A serialized Lexical editor state as Markdown. Body headings (h1–h6) move `headingShift` levels
 * down, so that in a proposal a section's own headings sit under its title.
 */
export function lexicalToMarkdown(json: string, headingShift = 0): string {
  return blocksOf(json)
    .map((node) => block(node, headingShift))
    .filter((text) => text.trim() !== '')
    .join('\n\n');
}

function exportTable(table: ExportTable): string {
  const esc = (cells: string[]) => cells.map((c) => escapeMarkdown(c.replace(/\s*\n\s*/g, ' ')));
  const totals = table.totals.map(([label = '', figure = '']) => {
    const row = Array.from({ length: table.columns.length }, () => '');
    row[0] = `**${escapeMarkdown(label)}**`;
    row[row.length - 1] = `**${escapeMarkdown(figure)}**`;
    return row;
  });
  return gfmTable(esc(table.columns), [...table.rows.map(esc), ...totals], table.numeric);
}

/** The whole proposal as one Markdown document. */
export function proposalMarkdown(doc: ProposalExport): string {
  const p = doc.proposal;
  const parts: string[] = [`# ${escapeMarkdown(p.title)}`, coverFields(doc).map((f) => `- **${escapeMarkdown(f.label)}:** ${escapeMarkdown(f.value)}`).join('\n')];
  const labels = EXPORT_LABELS[p.lang];
  parts.push(`## ${escapeMarkdown(labels.contents)}`, p.sections.map((s, i) => `${i + 1}. ${escapeMarkdown(s.title)}`).join('\n'));
  for (const section of p.sections) {
    parts.push(`## ${escapeMarkdown(section.title)}`);
    const body = lexicalToMarkdown(section.bodyJson, 1);
    if (body !== '') parts.push(body);
    const table = sectionTable(section.kind, p);
    if (table && table.rows.length > 0) parts.push(exportTable(table));
  }
  return `${parts.join('\n\n')}\n`;
}
