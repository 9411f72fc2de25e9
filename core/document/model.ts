import type { Lang } from '../i18n';
import type { RadarAxisInput } from '../report/radar-geometry';
import type { ScheduledPhase } from '../proposals/types';

/**
 * The neutral document model: what an exported document says, independent of the format it is
 * written in. Proposals (core/proposals/export-document.ts) and the assessment report
 * (core/report/assessment-report.ts) are turned into it by pure functions; rich text becomes its
 * blocks in one place (from-richtext.ts). The DOCX writer (backend), the print page (renderer) and
 * the Markdown writer (markdown.ts) read only this model, so the formats cannot disagree.
 *
 * Headings count from the document title: 1 is the title (Word's Title, <h1>, `#`), 2 a chapter
 * or proposal section (Heading 1, <h2>, `##`), and so on to 5.
 */

export type Mark = 'bold' | 'italic' | 'underline' | 'strikethrough' | 'code' | 'subscript' | 'superscript' | 'highlight';

export type Inline =
  | { kind: 'text'; text: string; marks?: Mark[] }
  /** Only links a reader of the document can follow (http, https, mailto). */
  | { kind: 'link'; url: string; content: Inline[] }
  /** An unfilled template variable: written as `{{name}}` and marked for the author. */
  | { kind: 'variable'; name: string; marks?: Mark[] }
  /** A picture in the text: an attachment by its sha256. */
  | { kind: 'image'; sha256: string; alt: string }
  | { kind: 'break' };

export type HeadingLevel = 1 | 2 | 3 | 4 | 5;

export type ListItem = { content: Inline[]; /** check lists only */ checked?: boolean; /** lists nested under this item */ lists: ListBlock[] };
export type ListBlock = { kind: 'list'; style: 'bullet' | 'number' | 'check'; start: number; items: ListItem[] };

/**
 * A table cell: plain text (a line break starts a new paragraph) or blocks (rich text). `header`
 * marks a header cell outside the header row (a row or column heading).
 */
export type TableCell = string | { blocks: Block[]; header?: boolean };

export type TableBlock = {
  kind: 'table';
  /** The header row, repeated on every page; empty for a table without one. */
  columns: TableCell[];
  rows: TableCell[][];
  /** Rows after the body, such as pricing totals: the label spans every column but the last, the figure sits in the last. */
  totals?: [label: string, figure: string][];
  /** Relative column widths; equal columns when left out. */
  widths?: number[];
  /** Which columns hold figures (aligned right). */
  numeric?: boolean[];
};

/** A file of the document's records; `isImage` means its bytes were checked to be an image. */
export type DocumentFile = { sha256: string; name: string; caption: string; mime: string; isImage: boolean };

export type Field = { label: string; value: string };

export type GanttLabels = { title: string; phase: string; start: string; end: string; weeks: string; milestone: string };

export type Block =
  | { kind: 'heading'; level: HeadingLevel; content: Inline[] }
  /** `lead`: a line that introduces what follows (kept with it on the page); `muted`: secondary text. */
  | { kind: 'paragraph'; content: Inline[]; tone?: 'lead' | 'muted' }
  | { kind: 'quote'; content: Inline[] }
  | { kind: 'code'; language: string; text: string }
  | ListBlock
  | TableBlock
  /** Label and value pairs ("Customer: Eastern Telecom"); a value may hold line breaks. */
  | { kind: 'fields'; rows: Field[] }
  /** Pictures (each with its caption for photos) and, by name, files that cannot be shown. */
  | { kind: 'files'; files: DocumentFile[]; role: 'photos' | 'signature'; otherFilesLabel: string }
  | { kind: 'radar'; axes: RadarAxisInput[]; caption: string; notScored: string; /** dimension, score */ columns: [string, string] }
  | { kind: 'gantt'; phases: ScheduledPhase[]; labels: GanttLabels }
  /** The title page: the title and the fields under it. */
  | { kind: 'cover'; title: string; fields: Field[] }
  /** A table of contents: the chapter (level 2) titles. */
  | { kind: 'contents'; title: string; entries: string[] }
  | { kind: 'pageBreak' };

export type DocumentModel = {
  lang: Lang;
  /** For the file's properties and the window title. */
  title: string;
  blocks: Block[];
  /** The sender's logo (an attachment): at the top of every page of a Word file, and of the print page. */
  logo?: { sha256: string; alt: string };
};
