import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import type { AssessmentReport, ReportBlock, ReportFile } from '../../../core/report/assessment-report';
import { RADAR_EXPORT_SIZE, radarSvg } from '../../../core/report/radar-svg';
import { radarPng } from './radar-png';
import { imageSize } from './png';
import { packDocx, storedImage, type StoredMedia } from './docx-package';
import { columnWidths, CONTENT_TWIPS, cellBorders, DOCX_IMAGE_TYPES, documentLanguage, FONTS, HEADER_FILL, MUTED, PAGE_PROPERTIES, scaled, SVG_FONT } from './docx-common';

/**
 * Writes the assessment report model as a Word document: real headings and tables, the radar as
 * SVG with a PNG fallback, photos scaled to the page width, the signature, page numbers.
 */

/** Reads an attachment's bytes; null when the file is not on this device. */
export type ReadFile = (file: ReportFile) => Buffer | null;

const PHOTO_MAX_PX = 600;
const SIGNATURE_MAX_PX = 260;

function table(columns: string[], rows: string[][], widths: number[]): Table {
  const twips = columnWidths(widths);
  const cell = (text: string, i: number, header: boolean): TableCell =>
    new TableCell({
      width: { size: twips[i] ?? 0, type: WidthType.DXA },
      borders: cellBorders(),
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      ...(header ? { shading: { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' } } : {}),
      children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: header, size: 19 })] })),
    });
  return new Table({
    width: { size: CONTENT_TWIPS, type: WidthType.DXA },
    columnWidths: twips,
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c, i) => cell(c, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: columns.map((_, i) => cell(r[i] ?? '', i, false)) })),
    ],
  });
}

function files(block: Extract<ReportBlock, { kind: 'files' }>, read: ReadFile, media: StoredMedia): FileChild[] {
  const out: FileChild[] = [];
  const notShown: string[] = [];
  const maxWidth = block.role === 'signature' ? SIGNATURE_MAX_PX : PHOTO_MAX_PX;
  for (const file of block.files) {
    const type = file.isImage ? DOCX_IMAGE_TYPES[file.mime] : undefined;
    const bytes = type ? read(file) : null;
    const size = bytes ? imageSize(bytes) : null;
    if (!type || !bytes || !size || size.width === 0 || size.height === 0) {
      notShown.push(file.name);
      continue;
    }
    // Large photos go in as they are (stored, not deflated: see docx-package.ts): re-encoding
    // would need an image codec the backend lacks.
    out.push(
      new Paragraph({
        keepNext: true,
        children: [new ImageRun({ type, data: storedImage(media, file.sha256, bytes), transformation: scaled(size, maxWidth), altText: { name: file.name, title: file.name, description: file.caption || file.name } })],
      }),
    );
    if (block.role === 'photos') out.push(new Paragraph({ children: [new TextRun({ text: file.caption || file.name, italics: true, color: MUTED, size: 18 })] }));
  }
  if (notShown.length > 0) out.push(new Paragraph({ children: [new TextRun({ text: `${block.otherFilesLabel}: `, bold: true }), new TextRun(notShown.join(', '))] }));
  return out;
}

function blockToDocx(block: ReportBlock, read: ReadFile, media: StoredMedia): FileChild[] {
  switch (block.kind) {
    case 'heading': {
      const heading = block.level === 1 ? HeadingLevel.TITLE : block.level === 2 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2;
      return [new Paragraph({ heading, keepNext: true, children: [new TextRun(block.text)] })];
    }
    case 'paragraph':
      return [
        new Paragraph({
          keepNext: block.tone === 'strong',
          spacing: block.tone === 'strong' ? { before: 160 } : {},
          children: [new TextRun({ text: block.text, bold: block.tone === 'strong', color: block.tone === 'muted' ? MUTED : undefined })],
        }),
      ];
    case 'fields':
      return block.rows.map(
        (row) => new Paragraph({ children: [new TextRun({ text: `${row.label}: `, bold: true }), ...row.value.split('\n').flatMap((line, i) => [new TextRun({ text: line, break: i > 0 ? 1 : 0 })])] }),
      );
    case 'table':
      return [table(block.columns, block.rows, block.widths), new Paragraph('')];
    case 'radar': {
      const svg = radarSvg(block.axes, block.notScored, SVG_FONT);
      const png = radarPng(block.axes);
      const { width, height } = RADAR_EXPORT_SIZE;
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          children: [new ImageRun({ type: 'svg', data: Buffer.from(svg, 'utf8'), fallback: { type: 'png', data: png }, transformation: { width, height }, altText: { name: 'radar', title: block.caption, description: block.axes.map((a) => `${a.label}: ${a.value ?? block.notScored}`).join('; ') } })],
        }),
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: block.caption, italics: true, color: MUTED, size: 18 })] }),
      ];
    }
    case 'files':
      return files(block, read, media);
    default:
      return [];
  }
}

export async function assessmentDocx(report: AssessmentReport, read: ReadFile): Promise<Buffer> {
  const language = documentLanguage(report.lang);
  const media: StoredMedia = new Map();
  const doc = new Document({
    title: report.title,
    creator: 'Fieldbench',
    styles: { default: { document: { run: { font: FONTS, size: 21, language } } } },
    sections: [
      {
        properties: PAGE_PROPERTIES,
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [`${report.footerLabel} `, PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], color: MUTED, size: 18 })],
              }),
            ],
          }),
        },
        children: report.blocks.flatMap((b) => blockToDocx(b, read, media)),
      },
    ],
  });
  return packDocx(doc, media);
}
