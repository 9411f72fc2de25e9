import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/connection';
import { migrate } from '../../electron/backend/db/migrate';
import { MIGRATIONS } from '../../electron/backend/db/migrations';

/**
 * Synced tables are additive-only once shipped: devices on older builds keep sending messages for
 * the columns they know. The snapshot records every table's columns; this test fails when a column
 * disappears or changes type or nullability, and when the schema grows without the snapshot
 * being updated (regenerate with UPDATE_SCHEMA_SNAPSHOT=1 — additions only).
 */
type Column = { name: string; type: string; notnull: number; pk: number };
type Snapshot = Record<string, Column[]>;

const SNAPSHOT = path.join(__dirname, '..', 'fixtures', 'schema.snapshot.json');

async function currentSchema(): Promise<Snapshot> {
  const db = openDatabase(':memory:');
  await migrate(db, MIGRATIONS, null);
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts_%' ORDER BY name")
    .all() as { name: string }[];
  const schema: Snapshot = {};
  for (const { name } of tables) {
    schema[name] = (db.prepare(`SELECT name, type, "notnull", pk FROM pragma_table_info(?)`).all(name) as Column[]).map((c) => ({ ...c }));
  }
  db.close();
  return schema;
}

describe('schema snapshot', () => {
  it('only ever adds tables and columns', async () => {
    const current = await currentSchema();
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') fs.writeFileSync(SNAPSHOT, `${JSON.stringify(current, null, 2)}\n`);
    const snapshot = JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8')) as Snapshot;
    for (const [table, columns] of Object.entries(snapshot)) {
      expect(current[table], `table ${table} was removed`).toBeDefined();
      for (const column of columns) {
        const now = current[table]?.find((c) => c.name === column.name);
        expect(now, `column ${table}.${column.name} was removed`).toBeDefined();
        expect(now, `column ${table}.${column.name} changed`).toEqual(column);
      }
    }
    expect(current, 'the schema grew: run the test with UPDATE_SCHEMA_SNAPSHOT=1 and commit the snapshot').toEqual(snapshot);
  });
});
