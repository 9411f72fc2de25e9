import { runsText } from './build';
import type { Block, Inline, ListBlock } from './model';

/**
 * Every picture a document shows — photos, the signature, images in rich text — in document order,
 * each with where it belongs: the nearest heading, question (a lead line) or cover above it. What
 * an export would miss is the subset whose files are not on the device (the backend checks).
 */
export type DocumentPicture = { sha256: string; name: string; caption: string; where: string };

function inlinePictures(runs: readonly Inline[], where: string, out: DocumentPicture[]): void {
  for (const run of runs) {
    if (run.kind === 'image') out.push({ sha256: run.sha256, name: run.alt, caption: run.alt, where });
    else if (run.kind === 'link') inlinePictures(run.content, where, out);
  }
}

function listPictures(list: ListBlock, where: string, out: DocumentPicture[]): void {
  for (const item of list.items) {
    inlinePictures(item.content, where, out);
    for (const nested of item.lists) listPictures(nested, where, out);
  }
}

export function documentPictures(blocks: readonly Block[], out: DocumentPicture[] = [], start = ''): DocumentPicture[] {
  let where = start;
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        where = runsText(block.content).trim() || where;
        inlinePictures(block.content, where, out);
        break;
      case 'paragraph':
        if (block.tone === 'lead') where = runsText(block.content).trim() || where;
        inlinePictures(block.content, where, out);
        break;
      case 'quote':
        inlinePictures(block.content, where, out);
        break;
      case 'list':
        listPictures(block, where, out);
        break;
      case 'table':
        for (const cell of [...block.columns, ...block.rows.flat()]) if (typeof cell !== 'string') documentPictures(cell.blocks, out, where);
        break;
      case 'files':
        for (const file of block.files) if (file.isImage) out.push({ sha256: file.sha256, name: file.name, caption: file.caption, where });
        break;
      case 'cover':
        where = block.title;
        break;
      case 'code':
      case 'fields':
      case 'radar':
      case 'gantt':
      case 'contents':
      case 'pageBreak':
        break;
    }
  }
  return out;
}
