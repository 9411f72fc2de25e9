import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/connection';
import { countAttachments, referencedSha256s } from '../repos/attachment-repo';
import { attachmentsDir, TEMP_SUFFIX } from './attachment-store';

/**
 * The start-up sweep of the attachments folder. A file is written before its row (so a row never
 * names a missing file), which leaves two kinds of leftovers: temporary files of writes that were
 * killed or failed (`*.tmp`), and whole files whose row was never committed (the call failed
 * after the file was stored). Both are removed once they are older than a grace period: at
 * start-up this process has no write in flight, and the grace covers a file another process
 * wrote just now and whose row is on its way. A file any row names is never removed, rows are
 * never removed, and when the database has no attachment rows at all (a new or replaced database
 * over a folder with files) nothing but temporary files is touched.
 */

/** A temporary file this old belongs to no write in flight: an attachment is written in well under a minute. */
export const TEMP_GRACE_MS = 60 * 60 * 1000;
/** A stored file without a row this old will not get one. */
export const UNREFERENCED_GRACE_MS = 24 * 60 * 60 * 1000;

export type SweptFile = { name: string; reason: 'temporary' | 'unreferenced'; size: number; modifiedAt: string };
export type SweepReport = { removed: SweptFile[]; kept: number };

const SHA256_NAME = /^[0-9a-f]{64}$/;

type Log = (message: string, error?: unknown) => void;

export function sweepAttachmentLeftovers(db: Db, dataDir: string, options: { now: Date; log: Log }): SweepReport {
  const dir = attachmentsDir(dataDir);
  if (!fs.existsSync(dir)) return { removed: [], kept: 0 };
  // The rows first: if they cannot be read, nothing is removed.
  const referenced = referencedSha256s(db);
  const rowsExist = countAttachments(db) > 0;
  const now = options.now.getTime();
  const removed: SweptFile[] = [];
  let kept = 0;
  let unreferencedKept = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(dir, entry.name);
    try {
      const stat = fs.statSync(file);
      const age = now - stat.mtimeMs;
      let reason: SweptFile['reason'] | null = null;
      if (entry.name.endsWith(TEMP_SUFFIX)) {
        if (age >= TEMP_GRACE_MS) reason = 'temporary';
      } else if (SHA256_NAME.test(entry.name) && !referenced.has(entry.name)) {
        if (!rowsExist) unreferencedKept += 1;
        else if (age >= UNREFERENCED_GRACE_MS) reason = 'unreferenced';
      }
      if (reason === null) {
        kept += 1;
        continue;
      }
      fs.rmSync(file);
      removed.push({ name: entry.name, reason, size: stat.size, modifiedAt: new Date(stat.mtimeMs).toISOString() });
    } catch (error) {
      options.log(`start-up sweep: could not check or remove attachments/${entry.name}`, error);
      kept += 1;
    }
  }
  for (const f of removed) {
    options.log(`start-up sweep: removed attachments/${f.name} (${f.reason === 'temporary' ? 'an unfinished write' : 'no row refers to it'}; ${f.size} bytes, last written ${f.modifiedAt})`);
  }
  if (unreferencedKept > 0) {
    options.log(`start-up sweep: kept ${unreferencedKept} stored file${unreferencedKept === 1 ? '' : 's'} although no row refers to them: the database has no attachment rows at all`);
  }
  return { removed, kept };
}
