import { $generateNodesFromMarkdownString, TEXT_FORMAT_TRANSFORMERS, TEXT_MATCH_TRANSFORMERS, type MultilineElementTransformer } from '@lexical/markdown';
import { $createTableCellNode, $createTableNode, $createTableRowNode, TableCellHeaderStates, TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { $createParagraphNode, $isElementNode, type ElementFormatType } from 'lexical';

/**
 * GFM tables for Markdown import: a header row, a delimiter row (`| --- | :-: |`) with as many
 * cells, then body rows up to the first blank line or line without a pipe. Cells hold one
 * paragraph of inline Markdown (bold, italic, code, links); `\|` is a pipe inside a cell. Lexical's
 * own Markdown package has no table transformer, so this one fills the gap.
 */

// Inline only: a cell is one line, and "# x" or "- x" in a cell is text, not a heading or a list.
const INLINE_TRANSFORMERS = [...TEXT_FORMAT_TRANSFORMERS, ...TEXT_MATCH_TRANSFORMERS];
const DELIMITER_CELL = /^(:?)-+(:?)$/;

/** The cells of one table line, trimmed; `\|` becomes `|` and other escapes stay for the inline import. */
export function splitTableRow(line: string): string[] {
  const text = line.trim();
  const cells: string[] = [];
  let current = '';
  let endsWithPipe = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    endsWithPipe = ch === '|';
    if (ch === '\\' && i + 1 < text.length) {
      const next = text[i + 1];
      current += next === '|' ? '|' : `\\${next}`;
      i++;
    } else if (ch === '|') {
      cells.push(current.trim());
      current = '';
    } else current += ch;
  }
  cells.push(current.trim());
  // The outer pipes are optional: "| a | b |" and "a | b" are the same row.
  if (text.startsWith('|')) cells.shift();
  if (endsWithPipe && cells.length > 1) cells.pop();
  return cells;
}

/** Column alignments of a delimiter row, or null when the line is not one. */
export function parseDelimiterRow(line: string): ElementFormatType[] | null {
  if (!line.includes('|')) return null;
  const cells = splitTableRow(line);
  const alignments: ElementFormatType[] = [];
  for (const cell of cells) {
    const match = DELIMITER_CELL.exec(cell.replace(/\s+/g, ''));
    if (!match) return null;
    const left = match[1] === ':';
    const right = match[2] === ':';
    alignments.push(left && right ? 'center' : right ? 'right' : left ? 'left' : '');
  }
  return alignments;
}

function $tableCell(markdown: string, isHeader: boolean, align: ElementFormatType): TableCellNode {
  const cell = $createTableCellNode(isHeader ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS);
  const nodes = markdown === '' ? [] : $generateNodesFromMarkdownString(markdown, INLINE_TRANSFORMERS);
  const blocks = nodes.length > 0 ? nodes : [$createParagraphNode()];
  for (const block of blocks) {
    if ($isElementNode(block) && align !== '') block.setFormat(align);
    cell.append(block);
  }
  return cell;
}

export const TABLE: MultilineElementTransformer = {
  dependencies: [TableNode, TableRowNode, TableCellNode],
  regExpStart: /\|/,
  handleImportAfterStartMatch: ({ lines, rootNode, startLineIndex }) => {
    const header = splitTableRow(lines[startLineIndex] ?? '');
    const alignments = parseDelimiterRow(lines[startLineIndex + 1] ?? '');
    // Without a delimiter row of the same width this is a paragraph that happens to hold a pipe.
    if (alignments === null || alignments.length !== header.length) return null;
    let last = startLineIndex + 1;
    const body: string[][] = [];
    for (let i = startLineIndex + 2; i < lines.length; i++) {
      const line = lines[i] ?? '';
      if (line.trim() === '' || !line.includes('|')) break;
      body.push(splitTableRow(line));
      last = i;
    }
    const table = $createTableNode();
    const row = (cells: readonly string[], isHeader: boolean) => {
      const node = $createTableRowNode();
      // GFM: every row has the header's width; missing cells are empty, extra ones are dropped.
      header.forEach((_, column) => node.append($tableCell(cells[column] ?? '', isHeader, alignments[column] ?? '')));
      table.append(node);
    };
    row(header, true);
    for (const cells of body) row(cells, false);
    rootNode.append(table);
    return [true, last];
  },
  // Import only: tables are not typed as Markdown in the editor.
  replace: () => false,
  type: 'multiline-element',
};
