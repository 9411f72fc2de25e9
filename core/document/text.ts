import { runsText } from './build';
import type { Block, DocumentModel, TableCell } from './model';

/**
 * The plain text of document blocks: for accessible descriptions, tests, and anything that needs
 * the words without the layout. Table cells are separated by " | ", rows and items by lines.
 */

export function cellText(cell: TableCell): string {
  return typeof cell === 'string' ? cell : cell.blocks.map(blockText).join('\n');
}

export function blockText(block: Block): string {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
    case 'quote':
      return runsText(block.content);
    case 'code':
      return block.text;
    case 'list':
      return block.items.map((item) => [runsText(item.content), ...item.lists.map(blockText)].join('\n')).join('\n');
    case 'table':
      return [block.columns, ...block.rows, ...(block.totals ?? [])]
        .filter((row) => row.length > 0)
        .map((row) => row.map(cellText).join(' | '))
        .join('\n');
    case 'fields':
      return block.rows.map((row) => `${row.label}: ${row.value}`).join('\n');
    case 'files':
      return block.files.map((f) => f.caption || f.name).join('\n');
    case 'radar':
      return block.axes.map((a) => `${a.label}: ${a.value ?? block.notScored}`).join('\n');
    case 'gantt':
      return block.phases.map((p) => `${p.name}: ${p.start} – ${p.end}`).join('\n');
    case 'cover':
      return [block.title, ...block.fields.map((row) => `${row.label}: ${row.value}`)].join('\n');
    case 'contents':
      return [block.title, ...block.entries].join('\n');
    case 'pageBreak':
      return '';
  }
}

export function documentPlainText(doc: Pick<DocumentModel, 'blocks'>): string {
  return doc.blocks.map(blockText).filter((text) => text !== '').join('\n');
}
