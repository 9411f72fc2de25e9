import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Recent writes live in fieldbench.db-wal until a checkpoint: a byte copy of fieldbench.db alone
 * misses them, and a copy taken while the app writes can be torn. So the app copies a database
 * only with SQLite's backup API (`db.backup`), never with a file copy. This test reads the app's
 * source and fails on any file-copy call; copying some other file would need a reason here.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const SCANNED = ['electron', 'server'];
const FILE_COPY = /\b(?:copyFile|copyFileSync|cpSync|cp)\s*\(/g;

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|tsx|mjs|cjs|js)$/.test(entry.name) ? [full] : [];
  });
}

describe('database copies', () => {
  it('the app never copies files (a database is copied with the backup API only)', () => {
    const copies = SCANNED.flatMap((dir) => sourceFiles(path.join(ROOT, dir))).flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(FILE_COPY)].map((m) => `${path.relative(ROOT, file)}: ${m[0]}`),
    );
    expect(copies).toEqual([]);
  });
});
