import fs from 'node:fs';
import path from 'node:path';
import type { ExportSize } from '../../../core/api/calls/reports';
import type { DocumentModel } from '../../../core/document/model';
import { documentPictures } from '../../../core/document/pictures';
import { attachmentPath, printCacheDir } from '../files/attachment-store';
import { imageSize } from '../files/image-size';
import { PRINT_LONG_SIDE } from './print-pictures';

/**
 * About how large a document's Word file will be, told before the export so a consultant knows
 * whether it fits in an e-mail. Pictures count at their print size: the print copy's size when it
 * is made (print-pictures.ts), else the original scaled by how many of its pixels the copy keeps.
 * Charts and the document's own parts count at their typical sizes. Reads no picture whose copy
 * is ready; never decodes one.
 */

/** The package without pictures: styles, numbering, text (compressed). */
const DOCUMENT_BYTES = 40 * 1024;
/** A chart: its SVG and its PNG fallback at twice its size. */
const CHART_BYTES = 90 * 1024;

function fileSize(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch {
    return null;
  }
}

/** A picture's bytes in the document: its print copy's, or the original's scaled to print size; 0 when it is not on this device. */
function pictureBytes(dataDir: string, sha256: string): number {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return 0;
  const copy = fileSize(path.join(printCacheDir(dataDir), `${sha256}.print`));
  if (copy !== null) return copy;
  const file = attachmentPath(dataDir, sha256);
  const original = fileSize(file);
  if (original === null) return 0;
  let size: { width: number; height: number } | null = null;
  try {
    size = imageSize(fs.readFileSync(file));
  } catch {
    return original;
  }
  if (!size || size.width === 0 || size.height === 0) return original;
  const long = Math.max(size.width, size.height);
  if (long <= PRINT_LONG_SIDE) return original;
  const kept = (PRINT_LONG_SIDE / long) ** 2;
  return Math.round(original * kept);
}

export function docxSizeEstimate(dataDir: string, doc: DocumentModel): ExportSize {
  const charts = doc.blocks.filter((b) => b.kind === 'radar' || b.kind === 'gantt').length;
  let bytes = DOCUMENT_BYTES + charts * CHART_BYTES + (doc.logo ? pictureBytes(dataDir, doc.logo.sha256) : 0);
  // Pictures not on this device are placeholders: they add nothing and are not counted.
  let pictures = 0;
  for (const sha256 of new Set(documentPictures(doc.blocks).map((p) => p.sha256))) {
    const size = pictureBytes(dataDir, sha256);
    bytes += size;
    if (size > 0) pictures += 1;
  }
  return { bytes, pictures };
}
