import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../../../electron/backend/backend';
import type { ExportedFile } from '../../../core/api/calls/reports';
import { completedAssessment, noisePhotos, type Call } from '../../helpers/report-photos';
import type { BenchModule } from './stats';
import type { TransportFigures } from './transport-child';

// npm runs benchmarks from the repository root.
const PACK = path.resolve('resources', 'content');
const CHILD = path.join('test', 'bench', 'assessment', 'transport-child.ts');
const PHOTOS = 21;

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** A real assessment report DOCX of over 40 MB (incompressible photos), written to a temp file. */
async function largeExport(dir: string): Promise<string> {
  const backend = await createBackend({ dataDir: path.join(dir, 'data'), contentDir: PACK, host: 'web', appVersion: 'bench', log: () => {} });
  try {
    const call: Call = async (method, args) => {
      const r = await backend.call(method, args);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value;
    };
    const { sessionId } = await completedAssessment(call, noisePhotos(PHOTOS));
    const file = (await call('reports.assessmentDocx', { sessionId, lang: 'en' })) as ExportedFile;
    if (file.delivery !== 'download') throw new Error(`expected the bytes back, got ${file.delivery}`);
    const out = path.join(dir, 'report.docx');
    fs.writeFileSync(out, file.data);
    return out;
  } finally {
    backend.close();
  }
}

/** Runs one transport in a process of its own (clean memory figures). */
function measure(mode: string, document: string): TransportFigures {
  const run = spawnSync(process.execPath, [path.join('scripts', 'run-ts.mjs'), CHILD, mode, document], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (run.status !== 0) throw new Error(`the ${mode} measurement failed (exit ${run.status ?? run.signal})`);
  const line = run.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as TransportFigures;
}

const LABELS: [mode: string, label: string][] = [
  ['http', 'browser host, HTTP envelope (call route → renderer HTTP bridge, run under Node)'],
  ['port', 'Electron MessagePort (port hub → preload port client; structured clone, run under Node)'],
  ['save', 'Electron export: saved through platform.saveFile, written by the backend'],
  ['base64-json', 'before this change: JSON with the document in base64, parsed and decoded'],
];

/**
 * A 40+ MB report export through each transport, each in its own process: peak memory above what
 * the process held before (RSS, and arrayBuffers: Buffer and ArrayBuffer memory) against the
 * document's size. Sender and receiver share the process here, so the receiver's own copy (1×)
 * counts as extra: that copy is the point of a transport. Target ≤ 1.5× the document.
 */
export const exportTransport: BenchModule = {
  name: 'report export through the transports (memory)',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-bench-transport-'));
    try {
      const document = await largeExport(dir);
      const size = fs.statSync(document).size;
      console.log(`document: ${mb(size)} (assessment report DOCX with ${PHOTOS} incompressible photos)`);
      for (const [mode, label] of LABELS) {
        const f = measure(mode, document);
        if (f.receivedBytes !== size) throw new Error(`${mode}: ${f.receivedBytes} bytes arrived of ${size}`);
        const rss = f.rssPeak - f.rssBefore;
        const buffers = f.arrayBuffersPeak - f.arrayBuffersBefore;
        const target = mode === 'base64-json' ? '' : ' (target ≤ 1.5×)';
        console.log(`  ${label}: peak extra RSS +${mb(rss)} = ${(rss / size).toFixed(2)}× the document, arrayBuffers +${mb(buffers)} = ${(buffers / size).toFixed(2)}×${target}`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
