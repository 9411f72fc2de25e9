import path from 'node:path';
import { afterEach, expect } from 'vitest';
import { createBackend, type Backend, type BackendOptions } from '../../electron/backend/backend';
import type { CallArgs, CallName, CallResult } from '../../core/api/contract';
import type { ExportedFile } from '../../core/api/calls/reports';
import type { ApiError } from '../../core/api/result';
import { formatApiMessage, type ApiMessage } from '../../core/api/message';
import type { Lang } from '../../core/i18n';
import type { Platform } from '../../electron/backend/platform';
import { makeTempDir } from './temp-dir';
import { guardRecordTables } from '../../electron/backend/db/write-guard';
import type { DocxReaderOptions } from '../../electron/backend/import/docx-thread';
import { TEST_DOCX_WORKER } from './docx-worker';

/** The small fixture pack (2 scenarios, 3 articles, 2 assessments, 1 checklist, 1 template). */
export const FIXTURE_PACK = path.join(__dirname, '..', 'fixtures', 'packs', 'valid');
/** The real bundled pack. */
export const BUNDLED_PACK = path.join(__dirname, '..', '..', 'resources', 'content');

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

export type TestBackend = { backend: Backend; dataDir: string; events: string[] };

/** A backend on a real SQLite file in a fresh temporary folder (or the given one), closed after the test. */
export async function startBackend(options: { dataDir?: string; contentDir?: string; platform?: Platform; sync?: BackendOptions['sync']; docxReader?: Partial<DocxReaderOptions> } = {}): Promise<TestBackend> {
  let dir = options.dataDir;
  if (!dir) {
    const t = makeTempDir();
    cleanups.push(t.cleanup);
    dir = t.dir;
  }
  const events: string[] = [];
  const backend = await createBackend({
    dataDir: dir,
    contentDir: options.contentDir ?? FIXTURE_PACK,
    host: 'web',
    appVersion: '0.0.0-test',
    emit: (e) => events.push(e),
    log: () => {},
    ...(options.platform ? { platform: options.platform } : {}),
    // No background sync in tests unless a test asks for it.
    sync: { autoIntervalMs: 0, ...options.sync },
    docxReader: { workerFile: TEST_DOCX_WORKER, ...options.docxReader },
  });
  // Any write to a record table that does not come from the write funnel aborts (and fails the test).
  guardRecordTables(backend.db);
  let closed = false;
  const close = backend.close;
  backend.close = () => {
    if (closed) return;
    closed = true;
    close();
  };
  cleanups.unshift(() => backend.close());
  return { backend, dataDir: dir, events };
}

/** Calls through the validating dispatcher, as the renderer would; throws on failure. */
export async function callOk<N extends CallName>(backend: Backend, method: N, args: CallArgs<N>): Promise<CallResult<N>> {
  const result = await backend.call(method, args);
  if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
  return result.value as CallResult<N>;
}

/** Calls and expects a failure; returns the error. Arguments are untyped on purpose (bad input). */
export async function callFail(backend: Backend, method: string, args: unknown): Promise<ApiError> {
  const result = await backend.call(method, args);
  if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
  return result.error;
}

/** A failed call's field issues as path and English text: what the tests read. */
export function issuesOf(error: ApiError): { path: string; message: string }[] {
  return (error.issues ?? []).map((i) => ({ path: i.path, message: i.message }));
}

/** The bytes of an export the backend handed back for download (a host without a save dialog); throws otherwise. */
export function exportedBytes(file: ExportedFile): Buffer {
  if (file.delivery !== 'download') throw new Error(`${file.fileName} was not handed back as bytes (delivery: ${file.delivery})`);
  expect(file.size).toBe(file.data.byteLength);
  return Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength);
}

/** Files belong to a record that exists: a new note to attach them to. */
export async function noteOwner(backend: Backend): Promise<{ ownerTable: 'field_notes'; ownerId: string }> {
  const note = await callOk(backend, 'notes.create', { title: 'Site visit' });
  return { ownerTable: 'field_notes', ownerId: note.id };
}

/** A message the backend left for the user (an item's detail, say), worded as the renderer words it; '' for none. */
export function said(message: ApiMessage | null | undefined, lang: Lang = 'en'): string {
  return message ? formatApiMessage(message, lang) : '';
}
