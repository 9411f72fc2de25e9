import type { Db } from './connection';

/**
 * Is the database whole? Asked every time it opens (`PRAGMA quick_check`, which reads every page
 * but skips the slow cross-checks) and, after an unclean shutdown, once more in full in the
 * background (integrity-check.ts). Damage confined to indexes is repaired at once: an index holds
 * nothing that is not also in its table, so rebuilding it loses nothing — and a damaged index is
 * what makes a list silently show 14 of 30 notes. Any other damage is for the user to decide
 * (recovery mode: restore a backup or rescue what can be read).
 */

export type Health = { status: 'ok' } | { status: 'repaired'; indexes: string[] } | { status: 'damaged'; detail: string };

/** How many problems quick_check reports at most; the first few say enough. */
const MAX_PROBLEMS = 50;

type SchemaObject = { type: string; name: string; rootpage: number | null; sql: string | null };

function quickCheck(db: Db): string[] {
  const rows = db.pragma(`quick_check(${MAX_PROBLEMS})`) as { quick_check: string }[];
  // One row may hold several problems, one per line, under a "*** in database main ***" heading.
  return rows
    .flatMap((r) => r.quick_check.split('\n'))
    .map((m) => m.trim())
    .filter((m) => m !== '' && m !== 'ok' && !m.startsWith('***'));
}

/**
 * The indexes a quick_check problem is about, or null when it is (also) about something else. SQLite
 * names an index in its entry checks ("row 3 missing from index notes_by_engagement", "wrong # of
 * entries in index …", "non-unique entry in UNIQUE index …") and a B-tree by its root page ("Tree 12
 * page 40 cell 3: …"), which sqlite_schema maps to a name.
 */
function indexesIn(problem: string, objects: readonly SchemaObject[]): string[] | null {
  const named = /(?:missing from index|entries in index|entry in UNIQUE index|in index) ([\w$]+)/.exec(problem);
  if (named?.[1] !== undefined) {
    const name = named[1];
    return objects.some((o) => o.type === 'index' && o.name === name) ? [name] : null;
  }
  const tree = /^Tree (\d+) page/.exec(problem);
  if (tree?.[1] !== undefined) {
    const root = Number(tree[1]);
    const owner = objects.find((o) => o.rootpage === root);
    return owner?.type === 'index' ? [owner.name] : null;
  }
  return null;
}

function rebuildIndex(db: Db, index: SchemaObject): void {
  try {
    db.exec(`REINDEX "${index.name.replace(/"/g, '""')}"`);
  } catch {
    // REINDEX walks the old index to clear it; when its pages are unreadable, drop and create it afresh.
    if (index.sql === null) throw new Error(`index ${index.name} has no definition to rebuild from`);
    db.exec(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
    db.exec(index.sql);
  }
}

export function checkDatabaseHealth(db: Db): Health {
  let problems: string[];
  try {
    problems = quickCheck(db);
  } catch (error) {
    return { status: 'damaged', detail: error instanceof Error ? error.message : String(error) };
  }
  if (problems.length === 0) return { status: 'ok' };
  const objects = db.prepare('SELECT type, name, rootpage, sql FROM sqlite_schema').all() as SchemaObject[];
  const indexes = new Set<string>();
  for (const p of problems) {
    const found = indexesIn(p, objects);
    if (found === null) return { status: 'damaged', detail: problems.slice(0, 3).join('; ') };
    found.forEach((i) => indexes.add(i));
  }
  try {
    db.transaction(() => {
      for (const name of indexes) {
        const index = objects.find((o) => o.type === 'index' && o.name === name);
        if (index) rebuildIndex(db, index);
      }
    }).immediate();
    const after = quickCheck(db);
    if (after.length > 0) return { status: 'damaged', detail: after.slice(0, 3).join('; ') };
  } catch (error) {
    return { status: 'damaged', detail: `${problems.slice(0, 3).join('; ')}; rebuilding the indexes failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { status: 'repaired', indexes: [...indexes].sort() };
}
