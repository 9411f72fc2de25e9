import type { Block, HeadingLevel, Inline, ListBlock, Mark, TableCell } from './model';

/**
 * Small builders for document blocks from plain text, and the one rule for which links a reader
 * of a document can follow.
 */

/** Runs for plain text: a line break in the text becomes a break. */
export function textRuns(text: string, marks?: Mark[]): Inline[] {
  const runs: Inline[] = [];
  text.split('\n').forEach((line, i) => {
    if (i > 0) runs.push({ kind: 'break' });
    if (line !== '') runs.push(marks && marks.length > 0 ? { kind: 'text', text: line, marks } : { kind: 'text', text: line });
  });
  return runs;
}

export function headingBlock(level: HeadingLevel, text: string): Block {
  return { kind: 'heading', level, content: textRuns(text) };
}

export function paragraphBlock(text: string, tone?: 'lead' | 'muted'): Block {
  return tone ? { kind: 'paragraph', content: textRuns(text), tone } : { kind: 'paragraph', content: textRuns(text) };
}

/**
 * Numbers the chapter headings (level 2) and, down to `deepest`, the headings under them:
 * "1 Overview", "1.1 Objectives". The number is part of the heading's text, so the DOCX, the print
 * page, the Markdown and the contents list all show the same numbers in every viewer.
 */
export function numberHeadings(blocks: readonly Block[], deepest: 2 | 3 = 3): Block[] {
  const counters: number[] = [];
  return blocks.map((block) => {
    if (block.kind !== 'heading' || block.level < 2 || block.level > deepest) return block;
    const depth = block.level - 2;
    counters.length = depth + 1;
    counters[depth] = (counters[depth] ?? 0) + 1;
    // A level-3 heading before any chapter counts under chapter 0 rather than taking the chapter's number.
    const number = Array.from(counters, (n) => n ?? 0).join('.');
    return { ...block, content: mergeRuns([{ kind: 'text', text: `${number} ` }, ...block.content]) };
  });
}

/** The text of each chapter (level 2) heading, in order: the entries of a contents list. */
export function chapterTitles(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'heading' && b.level === 2 ? [runsText(b.content).replace(/\n/g, ' ')] : []));
}

/** Links that lead somewhere for the reader of an exported document: kb: links lead into the app, which they do not have. */
export function isReadableLink(url: string): boolean {
  return /^(https?:|mailto:)/i.test(url.trim());
}

function sameMarks(a: readonly Mark[] | undefined, b: readonly Mark[] | undefined): boolean {
  return (a ?? []).join() === (b ?? []).join();
}

/** Joins neighbouring text runs with the same marks, so writers emit few runs. */
export function mergeRuns(runs: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const run of runs) {
    const last = out.at(-1);
    if (run.kind === 'text' && run.text === '') continue;
    if (run.kind === 'text' && last?.kind === 'text' && sameMarks(last.marks, run.marks)) out[out.length - 1] = { ...last, text: last.text + run.text };
    else out.push(run);
  }
  return out;
}

/** The plain text of runs (variables as `{{name}}`, images as their alternative text). */
export function runsText(runs: readonly Inline[]): string {
  return runs
    .map((run) => {
      switch (run.kind) {
        case 'text':
          return run.text;
        case 'break':
          return '\n';
        case 'variable':
          return `{{${run.name}}}`;
        case 'image':
          return run.alt;
        case 'link':
          return runsText(run.content);
      }
    })
    .join('');
}

/** Every run of the blocks passed through `change` (inside links, list items and table cells too). */
export function mapRuns(blocks: readonly Block[], change: (run: Inline) => Inline): Block[] {
  const runs = (list: readonly Inline[]): Inline[] => mergeRuns(list.map((run) => (run.kind === 'link' ? { ...run, content: runs(run.content) } : change(run))));
  const listBlock = (list: ListBlock): ListBlock => ({ ...list, items: list.items.map((item) => ({ ...item, content: runs(item.content), lists: item.lists.map(listBlock) })) });
  const cell = (c: TableCell): TableCell => (typeof c === 'string' ? c : { ...c, blocks: mapRuns(c.blocks, change) });
  return blocks.map((block): Block => {
    switch (block.kind) {
      case 'heading':
      case 'paragraph':
      case 'quote':
        return { ...block, content: runs(block.content) };
      case 'list':
        return listBlock(block);
      case 'table':
        return { ...block, columns: block.columns.map(cell), rows: block.rows.map((row) => row.map(cell)) };
      default:
        return block;
    }
  });
}
