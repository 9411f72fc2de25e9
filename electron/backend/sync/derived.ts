import type { RecordTable } from '../../../core/api/tables';

/**
 * Columns a device works out from another column of the same row: the plain text of a rich-text
 * body, which search, excerpts and exports read. They travel in messages like any column (a
 * device of an earlier version reads them), but a device never takes one from a message: the
 * check of the body that arrived works it out (incoming.ts, `Checked.text`), so another device
 * cannot make the text say what the body does not, and the two never disagree. Nor do they
 * conflict on their own: their body does, and keeping one side of it keeps that side's text.
 */
export type DerivedColumn = { column: string; from: string };

const DERIVED: Partial<Record<RecordTable, DerivedColumn>> = {
  field_notes: { column: 'body_text', from: 'body_json' },
  kb_article_texts: { column: 'body_text', from: 'body_json' },
  proposals: { column: 'body_text', from: 'body_json' },
};

export function derivedColumnOf(table: RecordTable): DerivedColumn | undefined {
  return DERIVED[table];
}

export function isDerivedColumn(table: string, column: string): boolean {
  return DERIVED[table as RecordTable]?.column === column;
}

/** SQL that leaves out conflicts an earlier version recorded on a derived column (over sync_conflicts' dataset and column_name). */
export const NOT_DERIVED_CONFLICT = Object.entries(DERIVED)
  .map(([table, d]) => `NOT (dataset = '${table}' AND column_name = '${d.column}')`)
  .join(' AND ');
