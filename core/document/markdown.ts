import type { Block, DocumentModel, Inline, ListBlock, Mark, TableBlock, TableCell } from './model';
import { DOCUMENT_WORDS, type DocumentWords } from './words';
import { isMailLink, isWebLink } from '../richtext/links';

/**
 * The document model as GitHub-flavoured Markdown. Text is escaped so that nothing a user wrote
 * turns into Markdown syntax; images are references to attachments (`attachment:<sha256>`), never
 * URLs; charts are left out (their figures are in the tables beside them); page breaks have no
 * Markdown and are left out too.
 */

/** Nested list items are indented by four spaces: CommonMark nests them, and so does Lexical's Markdown import. */
const LIST_INDENT = '    ';

/** Escapes characters Markdown would read as syntax inside a line of text. */
export function escapeMarkdown(text: string): string {
  // With `[`, `]` and `<` escaped no link, image, autolink or HTML can be assembled from text.
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`).replace(/^(\s*)([#+-]|\d+[.)])(?=\s)/, (_m, space: string, mark: string) => `${space}\\${mark}`);
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return text.startsWith('`') || text.endsWith('`') ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

/** Emphasis around Markdown that is already escaped; the markers hug the words, spaces stay outside. */
function emphasis(markdown: string, marks: readonly Mark[]): string {
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(markdown) ?? [];
  if (core === '') return markdown;
  let out = core;
  if (marks.includes('strikethrough')) out = `~~${out}~~`;
  if (marks.includes('italic')) out = `*${out}*`;
  if (marks.includes('bold')) out = `**${out}**`;
  return `${lead}${out}${trail}`;
}

/** The link's target as Markdown writes it, or null when it is not a web or mail link (then only its words are written). */
function linkTarget(url: string): string | null {
  if (!isWebLink(url) && !isMailLink(url)) return null;
  // The grammar allows no space or control character; brackets and parentheses could still end the target early.
  return /[()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}

/** Inline content; `inTable` writes line breaks as spaces (a GFM cell is one line). */
function inline(runs: readonly Inline[], inTable: boolean): string {
  return runs
    .map((run) => {
      switch (run.kind) {
        case 'text':
          if (run.text === '') return '';
          return run.marks?.includes('code') ? codeSpan(run.text) : emphasis(escapeMarkdown(run.text), run.marks ?? []);
        case 'break':
          return inTable ? ' ' : '\\\n';
        case 'variable':
          // Names are restricted at the contract (VARIABLE_NAME); escaped anyway, as all text is.
          return emphasis(`{{${escapeMarkdown(run.name)}}}`, run.marks ?? []);
        case 'image':
          return `![${escapeMarkdown(run.alt)}](attachment:${run.sha256})`;
        case 'link': {
          const target = linkTarget(run.url);
          return target === null ? inline(run.content, inTable) : `[${inline(run.content, inTable)}](${target})`;
        }
      }
    })
    .join('');
}

function cellText(cell: TableCell): string {
  const text =
    typeof cell === 'string'
      ? escapeMarkdown(cell)
      : cell.blocks
          .map((block) =>
            block.kind === 'list'
              ? block.items.map((item) => inline(item.content, true)).join('; ')
              : block.kind === 'paragraph' || block.kind === 'heading' || block.kind === 'quote'
                ? inline(block.content, true)
                : block.kind === 'code'
                  ? codeSpan(block.text.replace(/\n/g, ' '))
                  : '',
          )
          .filter((t) => t.trim() !== '')
          .join(' ');
  // Text pipes were escaped with the rest (escapeMarkdown); a pipe in a code span still ends a cell.
  return text.replace(/\s*\n\s*/g, ' ').replace(/(?<!\\)\|/g, '\\|').trim();
}

function table(block: TableBlock): string {
  const [header = [], ...body] = block.columns.length > 0 ? [block.columns, ...block.rows] : block.rows;
  const totals = (block.totals ?? []).map(([label, figure]) => {
    const row = Array.from({ length: header.length }, () => '');
    row[0] = `**${escapeMarkdown(label)}**`;
    row[row.length - 1] = `**${escapeMarkdown(figure)}**`;
    return row;
  });
  const rows = [...body.map((r) => r.map(cellText)), ...totals];
  const width = Math.max(header.length, ...rows.map((r) => r.length), 1);
  const line = (cells: readonly string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  const rule = `| ${Array.from({ length: width }, (_, i) => (block.numeric?.[i] ? '---:' : '---')).join(' | ')} |`;
  return [line(header.map(cellText)), rule, ...rows.map(line)].join('\n');
}

function list(block: ListBlock, indent: string): string {
  const lines: string[] = [];
  block.items.forEach((item, i) => {
    const marker = block.style === 'number' ? `${block.start + i}.` : block.style === 'check' ? `- [${item.checked === true ? 'x' : ' '}]` : '-';
    lines.push(`${indent}${marker} ${inline(item.content, false).replace(/\\\n/g, `\\\n${indent}${LIST_INDENT}`)}`);
    for (const sub of item.lists) lines.push(list(sub, `${indent}${LIST_INDENT}`));
  });
  return lines.join('\n');
}

function fields(rows: readonly { label: string; value: string }[], words: DocumentWords): string {
  return rows.map((f) => `- **${escapeMarkdown(f.label)}${words.colon.trim()}** ${f.value.split('\n').map(escapeMarkdown).join(`\\\n${LIST_INDENT}`)}`).join('\n');
}

function block(node: Block, words: DocumentWords): string {
  switch (node.kind) {
    case 'heading':
      return `${'#'.repeat(node.level)} ${inline(node.content, false)}`;
    case 'paragraph':
      return inline(node.content, false);
    case 'quote':
      return inline(node.content, false)
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
    case 'code': {
      const fence = '`'.repeat(Math.max(3, ...[...node.text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
      return `${fence}${node.language}\n${node.text}\n${fence}`;
    }
    case 'list':
      return list(node, '');
    case 'table':
      return table(node);
    case 'fields':
      return fields(node.rows, words);
    case 'files': {
      const images = node.files.filter((f) => f.isImage).map((f) => `![${escapeMarkdown(f.caption || f.name)}](attachment:${f.sha256})`);
      const other = node.files.filter((f) => !f.isImage).map((f) => f.name);
      return [...images, ...(other.length > 0 ? [`**${escapeMarkdown(node.otherFilesLabel)}${words.colon.trim()}** ${escapeMarkdown(other.join(', '))}`] : [])].join('\n\n');
    }
    case 'cover':
      return [`# ${escapeMarkdown(node.title)}`, fields(node.fields, words)].join('\n\n');
    case 'contents':
      return [`## ${escapeMarkdown(node.title)}`, node.entries.map((entry) => `- ${escapeMarkdown(entry)}`).join('\n')].join('\n\n');
    case 'radar':
    case 'gantt':
    case 'pageBreak':
      return '';
  }
}

/** Blocks as Markdown, separated by blank lines (empty paragraphs leave no trace). */
export function blocksMarkdown(blocks: readonly Block[], words: DocumentWords = DOCUMENT_WORDS.en): string {
  return blocks
    .map((b) => block(b, words))
    .filter((text) => text.trim() !== '')
    .join('\n\n');
}

/** The whole document as one Markdown file. */
export function documentMarkdown(doc: DocumentModel): string {
  return `${blocksMarkdown(doc.blocks, DOCUMENT_WORDS[doc.lang])}\n`;
}
