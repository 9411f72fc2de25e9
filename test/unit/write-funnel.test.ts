import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECORD_TABLES } from '../../core/api/tables';

/**
 * Every write to a record table goes through the write funnel (electron/backend/db/changes.ts):
 * that is where the search index is kept and where sync appends its messages. This test reads
 * every source file of the app and fails when SQL outside the funnel inserts into, updates or
 * deletes from a record table. (The integration tests also run with write-guard.ts, which aborts
 * such a write at run time.)
 */

const ROOT = path.resolve(__dirname, '..', '..');
const SCANNED = ['core', 'electron', 'renderer', 'server'];
/** The funnel itself, and migrations (schema changes run before any record exists in their shape). */
const ALLOWED = [path.join('electron', 'backend', 'db', 'changes.ts'), path.join('electron', 'backend', 'db', 'migrations') + path.sep];

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|tsx|mjs|cjs|js)$/.test(entry.name) ? [full] : [];
  });
}

const WRITE = /\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+(?:main\.)?["`]?(\w+)/gi;

/** Record tables written by SQL in `text`. */
function recordTablesWritten(text: string): string[] {
  const tables = new Set<string>();
  for (const match of text.matchAll(WRITE)) {
    const table = match[1]?.toLowerCase() ?? '';
    if ((RECORD_TABLES as readonly string[]).includes(table)) tables.add(table);
  }
  return [...tables];
}

describe('the write funnel', () => {
  it('recognises SQL that writes a record table', () => {
    expect(recordTablesWritten("db.prepare('UPDATE proposals SET title = ? WHERE id = ?')")).toEqual(['proposals']);
    expect(recordTablesWritten('INSERT INTO field_notes (id) VALUES (?)')).toEqual(['field_notes']);
    expect(recordTablesWritten('insert or replace into lessons values (1)')).toEqual(['lessons']);
    expect(recordTablesWritten('DELETE FROM main.risk_items WHERE 1')).toEqual(['risk_items']);
    expect(recordTablesWritten('ON CONFLICT (key) DO UPDATE SET value = excluded.value')).toEqual([]);
    expect(recordTablesWritten('INSERT INTO search_fts (rowid) VALUES (1); UPDATE settings SET x = 1')).toEqual([]);
    expect(recordTablesWritten('SELECT * FROM proposals')).toEqual([]);
  });

  it('is the only module that writes record tables', () => {
    const offenders: string[] = [];
    for (const dir of SCANNED) {
      for (const file of sourceFiles(path.join(ROOT, dir))) {
        const relative = path.relative(ROOT, file);
        if (ALLOWED.some((allowed) => relative === allowed || relative.startsWith(allowed))) continue;
        for (const table of recordTablesWritten(fs.readFileSync(file, 'utf8'))) offenders.push(`${relative} writes ${table}`);
      }
    }
    expect(offenders, 'write records with commit() from electron/backend/db/changes.ts').toEqual([]);
  });
});
