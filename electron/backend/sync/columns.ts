import { CONTENT_TABLES, REVIEW_TABLES, type RecordTable } from '../../../core/api/tables';
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
  return ownSpace(identity.userId);
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
