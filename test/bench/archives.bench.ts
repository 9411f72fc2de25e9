/**
 * npm run bench:archives
 *
 * Word import under hostile files (issue 10): how long the backend takes to refuse DOCX bombs, and
 * how long another call waits while a large legitimate document is parsed (in a worker thread).
 * Figures are printed, never asserted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { createBackend } from '../../electron/backend/backend';

const PACK = path.resolve('resources', 'content');

async function bomb(expanded: number): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('word/document.xml', Buffer.alloc(expanded, 0x20));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-archives-'));
  const backend = await createBackend({ dataDir, contentDir: PACK, host: 'web', appVersion: 'bench', log: () => {} });
  try {
    for (const mb of [100, 300]) {
      const data = await bomb(mb * 1024 * 1024);
      const started = performance.now();
      const result = await backend.call('templates.importDocx', { name: `bomb-${mb}.docx`, data });
      const ms = performance.now() - started;
      console.log(`DOCX bomb ${(data.length / 1024).toFixed(0)} KB → ${mb} MB document.xml: refused in ${ms.toFixed(1)} ms (${result.ok ? 'ACCEPTED' : result.error.code}: ${result.ok ? '' : result.error.message})`);
    }
    const big = await Packer.toBuffer(new Document({ sections: [{ children: Array.from({ length: 30000 }, (_, i) => new Paragraph(`Paragraph ${i} of a long delivery manual`)) }] }));
    const importing = backend.call('templates.importDocx', { name: 'manual.docx', data: big });
    const waits: number[] = [];
    let done = false;
    void importing.then(() => (done = true));
    const importStarted = performance.now();
    while (!done) {
      const t = performance.now();
      await backend.call('settings.get', {});
      waits.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
    const sorted = [...waits].sort((a, b) => a - b);
    const p = (q: number): string => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(2);
    console.log(`while a ${(big.length / 1024).toFixed(0)} KB Word manual was parsed (${(performance.now() - importStarted).toFixed(0)} ms): ${waits.length} other calls, p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${p(1)} ms`);
  } finally {
    backend.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
