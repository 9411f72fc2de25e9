import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callFail, callOk, startBackend } from '../helpers/backend';
import { TEST_DOCX_WORKER } from '../helpers/docx-worker';
import { makeTempDir } from '../helpers/temp-dir';
import { docxWith, longDocx, zerosEntry } from '../helpers/zip-bombs';

/**
 * The Word import against hostile documents, through the real call: refused with a message that
 * names the limit, nothing stored, and the backend answering other calls while a document is read.
 */

const SCENARIO = 'intelligent-customer-service';

describe('Word import limits', () => {
  it('refuses the 300 MB bomb by its directory, stores nothing, and keeps answering', async () => {
    const { backend } = await startBackend();
    const before = await callOk(backend, 'templates.list', {});
    const bomb = docxWith(zerosEntry('word/document.xml', 300));
    const error = await callFail(backend, 'templates.importDocx', { name: 'bomb.docx', data: bomb, scenarios: [SCENARIO] });
    expect(error).toMatchObject({
      code: 'too_large',
      key: 'error.archiveRefused',
      message: '“bomb.docx” was refused: the part “word/document.xml” expands to 300.0 MB, more than the 50.0 MB allowed for one part. Nothing was imported or changed.',
    });
    expect(await callOk(backend, 'templates.list', {})).toEqual(before);
  });

  it('refuses an obvious bomb before a worker starts', async () => {
    // With no worker to start, only the check in the backend itself can answer like this.
    const { backend } = await startBackend({ docxReader: { workerFile: '/nonexistent/docx-import-worker.cjs' } });
    const bomb = docxWith(zerosEntry('word/document.xml', 40));
    expect(await callFail(backend, 'templates.importDocx', { name: 'bomb.docx', data: bomb, scenarios: [SCENARIO] })).toMatchObject({
      code: 'too_large',
      params: { why: { key: 'archive.ratioTooHigh' } },
    });
  });

  it('refuses a directory that lies about the size while inflating, in the worker', async () => {
    const { backend } = await startBackend();
    const liar = docxWith({ ...zerosEntry('word/document.xml', 300), declaredSize: 4096 });
    expect(await callFail(backend, 'templates.importDocx', { name: 'liar.docx', data: liar, scenarios: [SCENARIO] })).toMatchObject({
      code: 'too_large',
      message: expect.stringContaining('the part “word/document.xml” expands to more than the 4096 bytes the package declares for it'),
    });
  });

  it('answers other calls while a document is read, because the reading is in the worker thread', async () => {
    // The worker waits, blocked, until the test opens a gate: the calls below are answered while
    // it holds its thread, and it removes the gate when it reads, which proves it was the reader.
    const dir = makeTempDir();
    const gate = path.join(dir.dir, 'gate');
    const wrapper = path.join(dir.dir, 'gated-worker.cjs');
    fs.writeFileSync(
      wrapper,
      `const fs = require('node:fs');
const wait = new Int32Array(new SharedArrayBuffer(4));
while (!fs.existsSync(${JSON.stringify(gate)})) Atomics.wait(wait, 0, 0, 5);
fs.rmSync(${JSON.stringify(gate)});
require(${JSON.stringify(TEST_DOCX_WORKER)});
`,
    );
    try {
      const { backend } = await startBackend({ docxReader: { workerFile: wrapper } });
      const order: string[] = [];
      const reading = callOk(backend, 'templates.importDocx', { name: 'Long.docx', data: longDocx(2000), scenarios: [SCENARIO] }).then((r) => {
        order.push('import');
        return r;
      });
      for (const method of ['app.info', 'settings.get', 'templates.list'] as const) {
        await callOk(backend, method, {});
        order.push(method);
      }
      fs.writeFileSync(gate, '');
      const imported = await reading;
      expect(order).toEqual(['app.info', 'settings.get', 'templates.list', 'import']);
      expect(fs.existsSync(gate)).toBe(false);
      expect(imported.template.template.sections.map((s) => s.title.en)).toEqual(['Scope']);
    } finally {
      dir.cleanup();
    }
  });

  it('reads one document at a time: a second waits until the first worker has answered', async () => {
    // Each worker notes its start in a log, then waits for a gate it removes as it passes.
    const dir = makeTempDir();
    const gate = path.join(dir.dir, 'gate');
    const log = path.join(dir.dir, 'log');
    const wrapper = path.join(dir.dir, 'logged-worker.cjs');
    fs.writeFileSync(
      wrapper,
      `const fs = require('node:fs');
fs.appendFileSync(${JSON.stringify(log)}, 'start\\n');
const wait = new Int32Array(new SharedArrayBuffer(4));
while (!fs.existsSync(${JSON.stringify(gate)})) Atomics.wait(wait, 0, 0, 5);
fs.rmSync(${JSON.stringify(gate)});
require(${JSON.stringify(TEST_DOCX_WORKER)});
`,
    );
    try {
      const { backend } = await startBackend({ docxReader: { workerFile: wrapper } });
      const starts = (): number => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0);
      const first = callOk(backend, 'templates.importDocx', { name: 'First.docx', data: longDocx(500), scenarios: [SCENARIO] });
      const second = callOk(backend, 'templates.importDocx', { name: 'Second.docx', data: longDocx(500), scenarios: [SCENARIO] });
      fs.writeFileSync(gate, '');
      // When the first answers, the second's worker has not run a line yet.
      const startsWhenFirstAnswered = await first.then(() => starts());
      expect(startsWhenFirstAnswered).toBe(1);
      fs.writeFileSync(gate, '');
      expect((await second).template.template.title.en).toBe('Second');
      expect(starts()).toBe(2);
    } finally {
      dir.cleanup();
    }
  });

  it('stops a read that passes the time limit, with the keyed message', async () => {
    const { backend } = await startBackend({ docxReader: { timeLimitMs: 100 } });
    expect(await callFail(backend, 'templates.importDocx', { name: 'Long.docx', data: longDocx(12_000), scenarios: [SCENARIO] })).toMatchObject({
      code: 'too_large',
      key: 'error.readTimedOut',
      message: 'Reading “Long.docx” took longer than 0.1 s and was stopped. Nothing was imported. Remove large tables or pictures, or split the document, and import it again.',
    });
  });

  it('starts a document’s time limit once its worker has loaded its code, never stopping one while it loads', async () => {
    // Stopping a worker while Node 20 loads its ES modules aborts the whole process (a V8 fatal
    // error). This worker takes 1.5 s to load; a limit of 1 s counted from its start would stop it then.
    const dir = makeTempDir();
    const wrapper = path.join(dir.dir, 'slow-start-worker.cjs');
    fs.writeFileSync(
      wrapper,
      `const wait = new Int32Array(new SharedArrayBuffer(4));
Atomics.wait(wait, 0, 0, 1500);
require(${JSON.stringify(TEST_DOCX_WORKER)});
`,
    );
    try {
      const { backend } = await startBackend({ docxReader: { workerFile: wrapper, timeLimitMs: 1000 } });
      const imported = await callOk(backend, 'templates.importDocx', { name: 'Short.docx', data: longDocx(5), scenarios: [SCENARIO] });
      expect(imported.template.template.sections.map((s) => s.title.en)).toEqual(['Scope']);
    } finally {
      dir.cleanup();
    }
  });

  it('stops a read that passes the heap limit, with the keyed message', async () => {
    const { backend } = await startBackend({ docxReader: { maxHeapMb: 16 } });
    expect(await callFail(backend, 'templates.importDocx', { name: 'Long.docx', data: longDocx(12_000), scenarios: [SCENARIO] })).toMatchObject({
      code: 'too_large',
      key: 'error.readOutOfMemory',
      message: 'Reading “Long.docx” needed more than the 16 MB of memory allowed and was stopped. Nothing was imported. Remove large tables or pictures, or split the document, and import it again.',
    });
  });
});
