/**
 * npm run bench:archives
 *
 * Archive and picture limits (printed, never asserted): how long the real backend takes to refuse
 * each bomb through its call, and how quickly other calls are answered while a long but legal
 * Word document is read in the import worker. Uses the worker as `npm run build:node` builds it
 * for the browser host (dist/web/docx-import-worker.cjs; the script builds it first).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { bombPng } from '../helpers/image-headers';
import { docxWith, longDocx, zerosEntry, zipOf, storedEntry } from '../helpers/zip-bombs';
import { fmt, summary } from './assessment/stats';

// npm runs benchmarks from the repository root.
const PACK = path.resolve('resources', 'content');
const WORKER = path.resolve('dist', 'web', 'docx-import-worker.cjs');
const SCENARIO = 'intelligent-customer-service';
const RUNS = 5;

const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

async function refusal(backend: Backend, method: string, args: unknown): Promise<{ times: number[]; message: string }> {
  const times: number[] = [];
  let message = '';
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const result = await backend.call(method, args);
    times.push(ms(start));
    if (result.ok) throw new Error(`${method} accepted a bomb`);
    message = result.error.message;
  }
  return { times, message };
}

async function main(): Promise<void> {
  if (!fs.existsSync(WORKER)) throw new Error(`${WORKER} is missing: run npm run build:node`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-bench-archives-'));
  const backend = await createBackend({ dataDir: dir, contentDir: PACK, host: 'web', appVersion: 'bench', log: () => {}, docxReader: { workerFile: WORKER } });
  try {
    const note = await backend.call('notes.create', { title: 'Bench' });
    if (!note.ok) throw new Error(note.error.message);
    const noteId = (note.value as { id: string }).id;
    const bombs: [string, string, unknown][] = [
      ['300 MB document.xml (.docx)', 'templates.importDocx', { name: 'bomb.docx', data: docxWith(zerosEntry('word/document.xml', 300)), scenarios: [SCENARIO] }],
      ['40 MB at 1000:1 (.docx)', 'templates.importDocx', { name: 'ratio.docx', data: docxWith(zerosEntry('word/document.xml', 40)), scenarios: [SCENARIO] }],
      ['300 MB declared as 4 KB (.docx)', 'templates.importDocx', { name: 'liar.docx', data: docxWith({ ...zerosEntry('word/document.xml', 300), declaredSize: 4096 }), scenarios: [SCENARIO] }],
      ['100,000 entries (.docx)', 'templates.importDocx', { name: 'many.docx', data: zipOf(Array.from({ length: 100_000 }, (_, i) => storedEntry(`p${i}`, ''))), scenarios: [SCENARIO] }],
      ['400 MP PNG (attachment)', 'attachments.add', { ownerTable: 'field_notes', ownerId: noteId, name: 'huge.png', mime: 'image/png', data: bombPng(20_000, 20_000) }],
    ];
    console.log(`Refusing bombs through the real call (${RUNS} runs each; the machine's load average: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})`);
    for (const [label, method, args] of bombs) {
      const bytes = (args as { data: Buffer }).data.length;
      const { times, message } = await refusal(backend, method, args);
      const s = summary(times);
      console.log(`  ${label.padEnd(34)} ${String(Math.round(bytes / 1024)).padStart(5)} KB  p50 ${fmt(s.p50)}   max ${fmt(s.max)}`);
      console.log(`    ${message}`);
    }

    // Other calls while a legal document is read: sequential app.info calls until the import answers.
    const doc = longDocx(12_000);
    const latencies: number[] = [];
    const start = process.hrtime.bigint();
    let done = false;
    const reading = backend.call('templates.importDocx', { name: 'Long.docx', data: doc, scenarios: [SCENARIO] }).then((r) => {
      done = true;
      return r;
    });
    while (!done) {
      const t = process.hrtime.bigint();
      await backend.call('app.info', {});
      latencies.push(ms(t));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const imported = await reading;
    const total = ms(start);
    const s = summary(latencies);
    console.log(`\nA legal ${Math.round(doc.length / 1024)} KB .docx (12,000 paragraphs) read in the worker: ${fmt(total)} (${imported.ok ? 'imported' : imported.error.message})`);
    const precise = (x: number): string => `${x.toFixed(3)} ms`;
    console.log(`  ${latencies.length} app.info calls answered meanwhile: p50 ${precise(s.p50)}  p95 ${precise(s.p95)}  max ${precise(s.max)}`);
  } finally {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
