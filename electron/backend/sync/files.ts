import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BLOB_CHUNK_BYTES, blobStatusSchema, MAX_BLOB_BYTES, type BlobStatus } from '../../../core/sync/protocol';
import { commit, update } from '../db/changes';
import type { Db } from '../db/connection';
import { attachmentPath, attachmentsDir, readFile, storeFile } from '../files/attachment-store';
import { submissionFiles } from '../repos/review-repo';
import { REQUEST_TIMEOUT_MS, type ByteCounter, type Fetch } from './http';
import { msg, type ApiMessage } from '../../../core/api/message';

/**
 * Attachment files travel apart from messages, content-addressed by sha256, in chunks that resume
 * where they stopped: an upload asks the server how much it holds and goes on from there; a
 * download keeps what arrived in `<sha256>.download` and asks for the rest with a Range. A file is
 * stored only once its bytes have the sha256 they were named by. A file that fails is tried again
 * at the next sync; the records that name it sync regardless and show it as not on this device.
 */

/** What a sync did with files; each failure with the message its run's history shows. */
export type FileOutcome = { uploaded: number; downloaded: number; failed: { sha256: string; name: string; direction: 'up' | 'down'; detail: ApiMessage }[] };

/** A transfer that failed on the way: tried again at the next sync. */
function transferFailed(file: { sha256: string; name: string }, direction: 'up' | 'down', error: unknown): FileOutcome['failed'][number] {
  return { sha256: file.sha256, name: file.name, direction, detail: msg('error.syncFileFailed', { name: file.name, reason: error instanceof Error ? error.message : String(error) }) };
}

type Remote = { server: string; token: string; fetch: Fetch; counter: ByteCounter };

const url = (r: Remote, sha: string, query = ''): URL => new URL(`api/v1/blobs/${sha}${query}`, r.server.endsWith('/') ? r.server : `${r.server}/`);

async function status(r: Remote, sha: string, size: number): Promise<BlobStatus> {
  const body = JSON.stringify({ size });
  const response = await r.fetch(url(r, sha), {
    method: 'POST',
    headers: { authorization: `Bearer ${r.token}`, 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  r.counter.up += body.length;
  r.counter.down += text.length;
  if (!response.ok) throw new Error(`the server answered ${response.status}: ${text.slice(0, 200)}`);
  return blobStatusSchema.parse(JSON.parse(text));
}

async function upload(r: Remote, sha: string, bytes: Buffer): Promise<void> {
  let state = await status(r, sha, bytes.length);
  for (let guard = 0; !state.complete && guard < 10_000; guard++) {
    const chunk = bytes.subarray(state.received, Math.min(bytes.length, state.received + BLOB_CHUNK_BYTES));
    const response = await r.fetch(url(r, sha, `?offset=${state.received}`), {
      method: 'PUT',
      headers: { authorization: `Bearer ${r.token}`, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(chunk),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    r.counter.up += chunk.length;
    if (response.status === 409) {
      // Another attempt got further (or a cut hid our last chunk's arrival): go on from the server's count.
      state = await status(r, sha, bytes.length);
      continue;
    }
    if (!response.ok) throw new Error(`the server answered ${response.status}: ${text.slice(0, 200)}`);
    state = blobStatusSchema.parse(JSON.parse(text));
  }
}

async function download(r: Remote, dataDir: string, sha: string, size: number): Promise<void> {
  const partial = path.join(attachmentsDir(dataDir), `${sha}.download`);
  fs.mkdirSync(path.dirname(partial), { recursive: true });
  let have = fs.existsSync(partial) ? fs.statSync(partial).size : 0;
  if (have > size) {
    fs.rmSync(partial, { force: true });
    have = 0;
  }
  if (have < size) {
    const response = await r.fetch(url(r, sha), { headers: { authorization: `Bearer ${r.token}`, ...(have > 0 ? { range: `bytes=${have}-` } : {}) }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    if (!response.ok || !response.body) throw new Error(`the server answered ${response.status}`);
    const out = fs.openSync(partial, have > 0 && response.status === 206 ? 'a' : 'w');
    try {
      // Written as it arrives: a cut keeps what came, and the next sync asks only for the rest.
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        fs.writeSync(out, chunk);
        r.counter.down += chunk.length;
        if (fs.fstatSync(out).size > size) throw new Error('the server sent more bytes than the file has');
      }
      fs.fsyncSync(out);
    } finally {
      fs.closeSync(out);
    }
  }
  const bytes = fs.readFileSync(partial);
  const actual = crypto.createHash('sha256').update(bytes).digest('hex');
  if (bytes.length !== size || actual !== sha) {
    fs.rmSync(partial, { force: true });
    throw new Error(bytes.length !== size ? `it arrived with ${bytes.length} of ${size} bytes` : 'its bytes do not match its sha256');
  }
  storeFile(dataDir, bytes);
  fs.rmSync(partial, { force: true });
}

/**
 * Files attached here whose bytes the server does not have yet, as far as this device knows:
 * they go with the next sync, or cannot (lost or damaged here: that sync's details say which).
 * A file this device downloaded counts as on the server.
 */
export function countFilesToSend(db: Db): number {
  return (
    db
      .prepare(
        `SELECT count(*) AS n FROM attachments a JOIN sync_rows r ON r.dataset = 'attachments' AND r.row = a.sha256
         WHERE a.stored_locally = 1 AND NOT EXISTS (SELECT 1 FROM sync_files_sent s WHERE s.sha256 = a.sha256)`,
      )
      .get() as { n: number }
  ).n;
}

/** Marks a file as on the server (sent from here, or downloaded from there). */
function markOnServer(db: Db, sha256: string): void {
  db.prepare('INSERT INTO sync_files_sent (sha256, sent_at) VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING').run(sha256, new Date().toISOString());
}

/** Uploads this device's files the server lacks, then downloads the files of synced records this device lacks. */
export async function transferFiles(db: Db, dataDir: string, remote: Remote, onFile: (done: number) => void): Promise<FileOutcome> {
  const outcome: FileOutcome = { uploaded: 0, downloaded: 0, failed: [] };
  const toSend = db
    .prepare(
      `SELECT a.sha256, a.size, a.original_name AS name FROM attachments a
       JOIN sync_rows r ON r.dataset = 'attachments' AND r.row = a.sha256
       WHERE a.stored_locally = 1 AND NOT EXISTS (SELECT 1 FROM sync_files_sent s WHERE s.sha256 = a.sha256)
       AND NOT EXISTS (SELECT 1 FROM sync_log l WHERE l.dataset = 'attachments' AND l.row = a.sha256 AND l.state = 0)`,
    )
    .all() as { sha256: string; size: number; name: string }[];
  for (const file of toSend) {
    try {
      // A file this device should hold but lost, or whose bytes changed on disk, cannot be sent,
      // and sending it again would not help: its author is told, every sync, instead of nothing.
      const bytes = readFile(dataDir, file.sha256);
      if (bytes === null) {
        outcome.failed.push({ sha256: file.sha256, name: file.name, direction: 'up', detail: msg('error.syncFileGoneHere', { name: file.name, folder: attachmentsDir(dataDir) }) });
        continue;
      }
      if (crypto.createHash('sha256').update(bytes).digest('hex') !== file.sha256) {
        outcome.failed.push({ sha256: file.sha256, name: file.name, direction: 'up', detail: msg('error.syncFileDamagedHere', { name: file.name, folder: attachmentsDir(dataDir) }) });
        continue;
      }
      await upload(remote, file.sha256, bytes);
      markOnServer(db, file.sha256);
      outcome.uploaded++;
      onFile(outcome.uploaded + outcome.downloaded);
    } catch (error) {
      outcome.failed.push(transferFailed(file, 'up', error));
    }
  }
  const toFetch = db
    .prepare(
      `SELECT a.sha256, a.size, a.original_name AS name FROM attachments a
       JOIN sync_rows r ON r.dataset = 'attachments' AND r.row = a.sha256 WHERE a.stored_locally = 0 AND a.size <= ?`,
    )
    .all(MAX_BLOB_BYTES) as { sha256: string; size: number; name: string }[];
  for (const file of toFetch) {
    try {
      await download(remote, dataDir, file.sha256, file.size);
      commit(db, [update('attachments', { sha256: file.sha256 }, { stored_locally: 1 })]);
      // Came from the server: nothing to send back at the next sync.
      markOnServer(db, file.sha256);
      outcome.downloaded++;
      onFile(outcome.uploaded + outcome.downloaded);
    } catch (error) {
      outcome.failed.push(transferFailed(file, 'down', error));
    }
  }
  // Files that submissions show, on a reviewer's device that has no record of them: kept in the
  // attachment store only (their records stay in the author's space).
  for (const file of submissionFiles(db)) {
    if (file.size > MAX_BLOB_BYTES || fs.existsSync(attachmentPath(dataDir, file.sha256))) continue;
    try {
      await download(remote, dataDir, file.sha256, file.size);
      outcome.downloaded++;
      onFile(outcome.uploaded + outcome.downloaded);
    } catch (error) {
      outcome.failed.push(transferFailed(file, 'down', error));
    }
  }
  return outcome;
}
