import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { RescueReport } from '../../../core/api/types';
import { rebuildSearchIndex } from '../search/indexers';
import { openDatabase, type Db } from './connection';
import { migrate } from './migrate';
import type { Migration } from './migrations/types';

/**
 * Copies every row that can still be read out of a damaged database into a new one created by the
 * migrations (SQLite's own recovery extension is not in better-sqlite3's build). Rows are read by
 * rowid in windows, so a damaged page costs the rows on it, not the table: a window that fails is
 * read again row by row. Indexes and the search index are not copied but rebuilt from the rows.
 * Foreign keys are off while copying: a note whose engagement was on a lost page is kept.
 */

const WINDOW = 256;
/** Rowids probed one by one past the last readable one before a table is taken as read to its end. */
const TAIL_PROBES = 4096;

/** Tables rebuilt rather than copied: the search index and SQLite's/FTS5's own. */
function isCopied(name: string): boolean {
  return !name.startsWith('sqlite_') && !name.startsWith('search_') && name !== 'schema_migrations';
}

type TableCopy = { table: string; rescued: number; unreadable: number };

function columnsOf(db: Database.Database | Db, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);
}

function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function copyTable(from: Database.Database, to: Db, table: string): TableCopy {
  const wanted = new Set(columnsOf(to, table));
  const columns = columnsOf(from, table).filter((c) => wanted.has(c));
  if (columns.length === 0) return { table, rescued: 0, unreadable: 0 };
  const list = columns.map(quoted).join(', ');
  const insert = to.prepare(`INSERT OR IGNORE INTO ${quoted(table)} (${list}) VALUES (${columns.map(() => '?').join(', ')})`);
  const windowRead = from.prepare(`SELECT rowid AS __rowid, ${list} FROM ${quoted(table)} WHERE rowid BETWEEN ? AND ? ORDER BY rowid`);
  const oneRead = from.prepare(`SELECT ${list} FROM ${quoted(table)} WHERE rowid = ?`);
  let rescued = 0;
  let unreadable = 0;
  const put = (row: Record<string, unknown>): void => {
    if (insert.run(...columns.map((c) => row[c])).changes > 0) rescued += 1;
  };
  let highest = 0;
  try {
    highest = (from.prepare(`SELECT max(rowid) AS m FROM ${quoted(table)}`).get() as { m: number | null }).m ?? 0;
  } catch {
    highest = 0;
  }
  let lastSeen = 0;
  for (let start = 1; start <= highest + TAIL_PROBES; start += WINDOW) {
    const end = start + WINDOW - 1;
    try {
      const rows = windowRead.all(start, end) as Record<string, unknown>[];
      for (const row of rows) {
        put(row);
        lastSeen = Math.max(lastSeen, Number(row.__rowid));
      }
    } catch {
      for (let rowid = start; rowid <= end; rowid += 1) {
        try {
          const row = oneRead.get(rowid) as Record<string, unknown> | undefined;
          if (row) {
            put(row);
            lastSeen = rowid;
          }
        } catch {
          unreadable += 1;
        }
      }
    }
    // Past the known end with nothing more found: stop probing.
    if (start > highest && start - lastSeen > TAIL_PROBES) break;
  }
  return { table, rescued, unreadable };
}

/**
 * Builds `target` from what `damagedFile` still holds. `target` must not exist. Throws only when
 * the damaged file cannot be opened at all or the target cannot be written.
 */
export async function rescueInto(damagedFile: string, target: string, migrations: readonly Migration[], nativeBinding?: string): Promise<RescueReport['tables']> {
  if (fs.existsSync(target)) throw new Error(`rescue target ${target} already exists`);
  const from = new Database(damagedFile, { readonly: true, fileMustExist: true, ...(nativeBinding === undefined ? {} : { nativeBinding }) });
  const to = openDatabase(target, { nativeBinding });
  try {
    await migrate(to, migrations, null);
    let names: string[];
    try {
      names = (from.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    } catch {
      // The schema itself is unreadable: try every table this version knows.
      names = (to.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    }
    const known = new Set((to.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    to.pragma('foreign_keys = OFF');
    const copies: TableCopy[] = [];
    to.transaction(() => {
      for (const name of names) {
        if (!isCopied(name) || !known.has(name)) continue;
        copies.push(copyTable(from, to, name));
      }
      rebuildSearchIndex(to);
    }).immediate();
    to.pragma('foreign_keys = ON');
    return copies;
  } finally {
    from.close();
    to.close();
  }
}
