import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createBackend } from '../../electron/backend/backend';
import { FIXTURE_PACK } from './backend';

/**
 * Damaged copies of a real database, for the data-safety tests: a populated data folder made
 * through the API, then one kind of damage done to its closed database file, the way a failing
 * disk, a crash of the OS or a careless copy leaves it.
 */

export const DB = 'fieldbench.db';
export const NOTE_COUNT = 30;

type Call = (method: string, args: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;

/** About 1 KB of text per note, so the notes table spans several pages. */
function noteBody(i: number): string {
  const text = `Note ${i}: the operations team walked us through the base-station energy data. `.repeat(12);
  const paragraph = { type: 'paragraph', children: [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }], direction: null, format: '', indent: 0, version: 1 };
  return JSON.stringify({ root: { type: 'root', children: [paragraph], direction: null, format: '', indent: 0, version: 1 } });
}

async function ok<T>(call: Call, method: string, args: unknown): Promise<T> {
  const result = await call(method, args);
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** Creates a customer, an engagement with 30 notes and a proposal-free history; closes the backend. */
export async function populate(dataDir: string): Promise<{ engagementId: string; noteIds: string[] }> {
  const backend = await createBackend({ dataDir, contentDir: FIXTURE_PACK, host: 'web', appVersion: '0.0.0-test', log: () => {} });
  try {
    const call: Call = (m, a) => backend.call(m, a) as ReturnType<Call>;
    const customer = await ok<{ id: string }>(call, 'customers.create', { name: 'Northern Grid Branch', kind: 'operator-branch' });
    const engagement = await ok<{ id: string }>(call, 'engagements.create', { customerId: customer.id, title: 'Contact centre pilot', scenarios: ['intelligent-customer-service'] });
    const noteIds: string[] = [];
    for (let i = 1; i <= NOTE_COUNT; i += 1) {
      const note = await ok<{ id: string }>(call, 'notes.create', { engagementId: engagement.id, title: `Site visit note ${i}`, bodyJson: noteBody(i) });
      noteIds.push(note.id);
    }
    return { engagementId: engagement.id, noteIds };
  } finally {
    backend.close();
  }
}

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
