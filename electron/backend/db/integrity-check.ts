import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * After an unclean shutdown (the marker below was still there at start), the full
 * `PRAGMA integrity_check` runs once in a worker thread with its own read-only connection, so the
 * app answers calls while it reads every page. Clean shutdowns remove the marker.
 */

export const RUNNING_MARKER = 'fieldbench.running';

/** True when the previous run did not shut down cleanly; sets the marker for this run. */
export function markRunning(dataDir: string): boolean {
  const marker = path.join(dataDir, RUNNING_MARKER);
  const unclean = fs.existsSync(marker);
  fs.writeFileSync(marker, `${process.pid}\n`);
  return unclean;
}

export function markStopped(dataDir: string): void {
  fs.rmSync(path.join(dataDir, RUNNING_MARKER), { force: true });
}

// The worker loads better-sqlite3 by its resolved path: the same module in tests, the browser host's
// bundle and the Electron utility process (whose native build is passed as nativeBinding).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  const rows = db.pragma('integrity_check(20)');
  parentPort.postMessage({ problems: rows.flatMap((r) => String(r.integrity_check).split('\\n')).map((m) => m.trim()).filter((m) => m && m !== 'ok' && !m.startsWith('***')) });
} catch (error) {
  const code = error && error.code || '';
  // A file SQLite calls damaged is a finding; anything else means the check itself could not run.
  parentPort.postMessage(/CORRUPT|NOTADB/.test(code) ? { problems: [String(error.message)] } : { failed: String(error && error.message || error) });
} finally {
  if (db) db.close();
}
`;

function sqliteModulePath(): string {
  return createRequire(__filename).resolve('better-sqlite3');
}

export type IntegrityOutcome = { status: 'ok' } | { status: 'damaged'; problems: string[] } | { status: 'failed'; reason: string };

/** Runs integrity_check on `file` off the main thread. */
export function integrityCheckInBackground(file: string, nativeBinding?: string): Promise<IntegrityOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: IntegrityOutcome): void => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, nativeBinding, modulePath: sqliteModulePath() } });
    } catch (error) {
      settle({ status: 'failed', reason: error instanceof Error ? error.message : String(error) });
      return;
    }
    worker.once('message', (m: { problems: string[] } | { failed: string }) => {
      if ('failed' in m) settle({ status: 'failed', reason: m.failed });
      else settle(m.problems.length === 0 ? { status: 'ok' } : { status: 'damaged', problems: m.problems });
    });
    worker.once('error', (error) => settle({ status: 'failed', reason: error.message }));
    worker.once('exit', (code) => settle({ status: 'failed', reason: `the check stopped early (exit ${code})` }));
  });
}
