/**
 * One transport of a real export, measured in a process of its own so that nothing measured
 * before skews its memory figures (run by transport.ts through scripts/run-ts.mjs, which passes
 * --expose-gc). Prints one JSON line: the document size and memory before and at the peak.
 *
 *   node scripts/run-ts.mjs test/bench/assessment/transport-child.ts <http|port|save|base64-json> <document file>
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { ExportedFile } from '../../../core/api/calls/reports';
import { ok, type ApiResult } from '../../../core/api/result';
import { deliverFile } from '../../../electron/backend/export/deliver';
import { writeFileWhole } from '../../../electron/backend/files/write-file';
import { serveCall } from '../../../electron/web/api-routes';
import { createHttpBridge } from '../../../renderer/lib/http-bridge';
import { portWiring } from '../../helpers/ports';

export type TransportFigures = { mode: string; documentBytes: number; receivedBytes: number; rssBefore: number; rssPeak: number; arrayBuffersBefore: number; arrayBuffersPeak: number };

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type Sampler = { sample(): void; stop(): { rssPeak: number; arrayBuffersPeak: number } };
function startSampling(): Sampler {
  let rssPeak = 0;
  let arrayBuffersPeak = 0;
  const sample = (): void => {
    const m = process.memoryUsage();
    rssPeak = Math.max(rssPeak, m.rss);
    arrayBuffersPeak = Math.max(arrayBuffersPeak, m.arrayBuffers);
  };
  sample();
  const timer = setInterval(sample, 1);
  return {
    sample,
    stop() {
      clearInterval(timer);
      sample();
      return { rssPeak, arrayBuffersPeak };
    },
  };
}

/** An HTTP server answering every call with `result` through the browser host's own call route. */
async function hostAnswering(result: ApiResult<unknown>, answer: typeof serveCall): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => void answer(req, res, () => Promise.resolve(result), {}));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return { baseUrl: `http://127.0.0.1:${address.port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** What the transport delivered: the number of document bytes the receiver holds. */
type Transport = (sampler: Sampler) => Promise<number>;

function transports(document: Buffer): Record<string, Transport> {
  const result = ok<ExportedFile>({ fileName: 'report.docx', mime: DOCX_MIME, size: document.length, delivery: 'download', data: document });
  const received = (answer: ApiResult<unknown>): number => {
    if (!answer.ok) throw new Error(answer.error.message);
    const file = answer.value as ExportedFile;
    if (file.delivery !== 'download') throw new Error(`delivery ${file.delivery}`);
    return file.data.byteLength;
  };
  return {
    // The browser host: the call route writes the envelope, the renderer's HTTP bridge reads it.
    async http() {
      const host = await hostAnswering(result, serveCall);
      try {
        return received(await createHttpBridge({ baseUrl: host.baseUrl, secret: () => '' }).call('reports.assessmentDocx', {}));
      } finally {
        await host.close();
      }
    },
    // Electron's MessagePort: the port hub answers, the preload's port client receives (structured clone).
    async port() {
      const wiring = portWiring(() => Promise.resolve(result));
      try {
        return received(await wiring.connect().call('reports.assessmentDocx', {}));
      } finally {
        wiring.close();
      }
    },
    // Electron's export path: the backend saves through platform.saveFile (main's dialog picks the
    // path, stood in for here) and writes the file itself; the bytes never cross a transport.
    async save() {
      const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-bench-save-')), 'report.docx');
      try {
        const saveFile = async ({ data }: { data: Uint8Array }): Promise<string> => {
          await writeFileWhole(target, data);
          return target;
        };
        const file = await deliverFile({ saveFile }, { fileName: 'report.docx', mime: DOCX_MIME, data: document });
        if (file.delivery !== 'saved') throw new Error(`delivery ${file.delivery}`);
        return fs.statSync(target).size;
      } finally {
        fs.rmSync(path.dirname(target), { recursive: true, force: true });
      }
    },
    // What the transport did before this change, reproduced: the result as JSON with the document
    // in base64 (the host's answer), read back and decoded by the receiver.
    async 'base64-json'(sampler) {
      const server = http.createServer((_req, res) => {
        const json = JSON.stringify({ ok: true, value: { fileName: 'report.docx', mime: DOCX_MIME, size: document.length, dataBase64: document.toString('base64') } });
        sampler.sample();
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(json);
        sampler.sample();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('no TCP address');
      try {
        const res = await fetch(`http://127.0.0.1:${address.port}/api/call`, { method: 'POST', body: '{}' });
        const parsed = (await res.json()) as { value: { dataBase64: string } };
        sampler.sample();
        const decoded = Buffer.from(parsed.value.dataBase64, 'base64');
        sampler.sample();
        return decoded.length;
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}

async function main(): Promise<void> {
  const [mode = '', file = ''] = process.argv.slice(2);
  const document = fs.readFileSync(file);
  const transport = transports(document)[mode];
  if (!transport) throw new Error(`unknown mode "${mode}"; use http, port, save or base64-json`);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc (scripts/run-ts.mjs passes it)');
  // Warm the code paths on a small document first, so the measurement sees the transport, not JIT.
  await transports(document.subarray(0, 64 * 1024))[mode]?.({ sample() {}, stop: () => ({ rssPeak: 0, arrayBuffersPeak: 0 }) });
  gc();
  const before = process.memoryUsage();
  const sampler = startSampling();
  const receivedBytes = await transport(sampler);
  const peak = sampler.stop();
  const figures: TransportFigures = { mode, documentBytes: document.length, receivedBytes, rssBefore: before.rss, rssPeak: peak.rssPeak, arrayBuffersBefore: before.arrayBuffers, arrayBuffersPeak: peak.arrayBuffersPeak };
  console.log(JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
