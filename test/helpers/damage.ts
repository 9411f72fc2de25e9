import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * Damage done to a closed database file the way a failing disk, a crash of the OS or a careless
 * copy leaves it, for the data-safety tests (populate.ts makes the real database to damage).
 */

export const DB = 'fieldbench.db';
function pageOf(file: string, objectName: string): { page: number; pageSize: number } {
  const db = new Database(file, { readonly: true });
  try {
    const row = db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').get(objectName) as { rootpage: number } | undefined;
    if (!row) throw new Error(`no ${objectName} in ${file}`);
    return { page: row.rootpage, pageSize: db.pragma('page_size', { simple: true }) as number };
  } finally {
    db.close();
  }
}

/** Overwrites part of one page (past its 8-byte header) with a pattern, as a bad sector would. */
function scribble(file: string, page: number, pageSize: number, pattern: (i: number) => number, from = 8): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const buf = Buffer.alloc(pageSize);
    fs.readSync(fd, buf, 0, pageSize, (page - 1) * pageSize);
    for (let i = from; i < pageSize; i += 1) buf[i] = pattern(i);
    fs.writeSync(fd, buf, 0, pageSize, (page - 1) * pageSize);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export type Damage = 'empty' | 'index' | 'index-unreadable' | 'table' | 'header' | 'truncated';

/** Does one kind of damage to the (closed) database in `dataDir`. */
export function damage(dataDir: string, kind: Damage): void {
  const file = path.join(dataDir, DB);
  switch (kind) {
    case 'empty':
      fs.writeFileSync(file, '');
      return;
    case 'index': {
      // The cell pointers of the notes-by-engagement index zeroed: lookups through it find nothing.
      const { page, pageSize } = pageOf(file, 'field_notes_engagement');
      scribble(file, page, pageSize, () => 0);
      return;
    }
    case 'index-unreadable': {
      const { page, pageSize } = pageOf(file, 'field_notes_engagement');
      scribble(file, page, pageSize, (i) => (i * 37) & 255);
      return;
    }
    case 'table': {
      // A page in the middle of the notes table: the rows on it are lost, the others must not be.
      // A leaf, not the root, so the table's other leaves stay reachable.
      const { pageSize } = pageOf(file, 'field_notes');
      scribble(file, firstLeafOf(file, 'field_notes'), pageSize, (i) => (i * 53) & 255);
      return;
    }
    case 'header': {
      const fd = fs.openSync(file, 'r+');
      fs.writeSync(fd, Buffer.from('this is not a database file at all'), 0, 34, 0);
      fs.closeSync(fd);
      return;
    }
    case 'truncated': {
      const size = fs.statSync(file).size;
      fs.truncateSync(file, Math.floor(size / 3));
      return;
    }
  }
}

function firstLeafOf(file: string, table: string): number {
  const db = new Database(file, { readonly: true });
  try {
    const row = db.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno LIMIT 1").get(table) as { pageno: number } | undefined;
    if (!row) throw new Error(`no leaf page of ${table}`);
    return row.pageno;
  } finally {
    db.close();
  }
}
