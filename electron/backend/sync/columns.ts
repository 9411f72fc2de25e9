import { CONTENT_TABLES, isRecordTable, REVIEW_TABLES, type RecordTable } from '../../../core/api/tables';
import { ownSpace, reviewSpace } from '../../../core/sync/spaces';
import { TABLES, tableSpec } from '../db/tables';
import type { Db } from '../db/connection';
import type { SyncIdentity } from './state';
import { prepared } from '../db/statements';

/**
 * Which columns of a record travel in sync messages: every registered column but the device-local
 * ones (where a pack row came from, whether a file is on this device) and `updated_at`, which is
 * this device's own revision of the row (the funnel stamps it anew when a synced change lands).
 */
export function isSyncedColumn(table: RecordTable, column: string): boolean {
  if (column === 'updated_at') return false;
  const spec = tableSpec(table);
  return Object.prototype.hasOwnProperty.call(spec.columns, column) && !(spec.local ?? []).includes(column);
}

/** The registered column kind (text, int?, json, …) of a synced column, or null. */
export function columnKind(table: RecordTable, column: string): string | null {
  if (!isSyncedColumn(table, column)) return null;
  return (TABLES[table].columns as Record<string, string>)[column] ?? null;
}

export function syncedValues(table: RecordTable, values: Readonly<Record<string, string | number | null>>): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const [column, value] of Object.entries(values)) if (isSyncedColumn(table, column)) out[column] = value;
  return out;
}

const isContentTable = (table: RecordTable): boolean => (CONTENT_TABLES as readonly string[]).includes(table);

/** The space a row lives in: fixed when it first syncs (sync_rows), else decided by its table and origin. */
export function spaceOfRow(db: Db, identity: SyncIdentity, table: RecordTable, row: string): string | null {
  const known = prepared(db, 'SELECT space FROM sync_rows WHERE dataset = ? AND row = ?').get(table, row) as { space: string } | undefined;
  if (known) return known.space;
  if (table === 'kb_article_texts') {
    // An article's texts live where the article lives.
    const articleId = row.split('/')[0] ?? '';
    const article = prepared(db, "SELECT space FROM sync_rows WHERE dataset = 'kb_articles' AND row = ?").get(articleId) as { space: string } | undefined;
    if (article) return article.space;
    const origin = (prepared(db, 'SELECT origin FROM kb_articles WHERE id = ?').get(articleId) as { origin: string } | undefined)?.origin;
    return origin === 'user' ? ownSpace(identity.userId) : null;
  }
  if ((REVIEW_TABLES as readonly string[]).includes(table)) return reviewSpace(identity.userId);
  if (isContentTable(table)) {
    // Content from the bundled pack is on every device already; only what a user made travels.
    const origin = originOf(db, table, row);
    return origin === 'user' ? ownSpace(identity.userId) : null;
  }
  if (table === 'attachments') {
    // A file goes where the first row showing it lives (a picture in a team's note, to the team).
    const link = prepared(db, 'SELECT id FROM attachment_links WHERE sha256 = ? ORDER BY created_at, id LIMIT 1').get(row) as { id: string } | undefined;
    return link === undefined ? ownSpace(identity.userId) : (spaceOfRow(db, identity, 'attachment_links', link.id) ?? ownSpace(identity.userId));
  }
  // Field work lives where its parent lives: under a customer shared with a team, in the team's space.
  const parent = parentOf(db, table, row);
  return parent === null ? ownSpace(identity.userId) : (spaceOfRow(db, identity, parent.table, parent.row) ?? ownSpace(identity.userId));
}

/**
 * The parent of each kind of field-work row: the column naming it and its table. A customer is a
 * root; a lesson stays with its author even when it names an engagement (lessons are personal
 * until submitted for review). An attachment link's parent is its owner; a file (attachments) is
 * placed by sharing (share.ts), since several rows may show one file.
 */
const PARENTS: Partial<Record<RecordTable, { column: string; table: RecordTable }>> = {
  customer_contacts: { column: 'customer_id', table: 'customers' },
  engagements: { column: 'customer_id', table: 'customers' },
  assessment_sessions: { column: 'engagement_id', table: 'engagements' },
  assessment_answers: { column: 'session_id', table: 'assessment_sessions' },
  assessment_answers_set_aside: { column: 'session_id', table: 'assessment_sessions' },
  risk_items: { column: 'engagement_id', table: 'engagements' },
  field_notes: { column: 'engagement_id', table: 'engagements' },
  proposals: { column: 'engagement_id', table: 'engagements' },
  proposal_versions: { column: 'proposal_id', table: 'proposals' },
  proposal_status_history: { column: 'proposal_id', table: 'proposals' },
};

export function parentOf(db: Db, table: RecordTable, row: string): { table: RecordTable; row: string } | null {
  if (table === 'attachment_links') {
    const link = prepared(db, 'SELECT owner_table, owner_id FROM attachment_links WHERE id = ?').get(row) as { owner_table: string; owner_id: string } | undefined;
    if (!link || !isRecordTable(link.owner_table) || link.owner_table === 'lessons') return null;
    return { table: link.owner_table, row: link.owner_id };
  }
  const parent = PARENTS[table];
  if (!parent) return null;
  const found = prepared(db, `SELECT ${parent.column} AS parent FROM ${table} WHERE id = ?`).get(row) as { parent: string | null } | undefined;
  return typeof found?.parent === 'string' ? { table: parent.table, row: found.parent } : null;
}

/** The tables whose rows hang under a parent of `table` (for walking a customer's rows). */
export function childTablesOf(table: RecordTable): { table: RecordTable; column: string }[] {
  return Object.entries(PARENTS)
    .filter(([, p]) => p.table === table)
    .map(([child, p]) => ({ table: child as RecordTable, column: p.column }));
}

function originOf(db: Db, table: RecordTable, row: string): string | null {
  const spec = tableSpec(table);
  const parts = row.split('/');
  const where = spec.key.map((c) => `${c} = ?`).join(' AND ');
  const found = prepared(db, `SELECT origin FROM ${table} WHERE ${where}`).get(...parts) as { origin: string } | undefined;
  return found?.origin ?? null;
}

/** A row name back to its key values (key columns of kind int become numbers). */
export function keyOfRowName(table: RecordTable, row: string): Record<string, string | number> | null {
  const spec = tableSpec(table);
  const parts = row.split('/');
  if (parts.length !== spec.key.length) return null;
  const key: Record<string, string | number> = {};
  for (const [i, column] of spec.key.entries()) {
    const part = parts[i] ?? '';
    const kind = (spec.columns as Record<string, string>)[column];
    if (kind === 'int') {
      if (!/^-?\d{1,15}$/.test(part)) return null;
      key[column] = Number(part);
    } else {
      if (part === '') return null;
      key[column] = part;
    }
  }
  return key;
}
