import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../core/api/calls/reports';
import { launchBackend } from '../../electron/backend/launch';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { createHttpBridge } from '../../renderer/lib/http-bridge';
import { BUNDLED_PACK } from '../helpers/backend';
import { portWiring } from '../helpers/ports';
import { completedAssessment, noisePhotos, type Call, type Photo } from '../helpers/report-photos';
import { makeTempDir } from '../helpers/temp-dir';

/**
 * A 40 MB report export through both real transports: the browser host's HTTP envelope (with the
 * renderer's own HTTP bridge as the client, under Node) and Electron's MessagePort (port hub and
 * port client over a structured-clone channel). The bytes arrive exactly, as bytes, and what
 * travels over HTTP is the document plus a small header — no base64 anywhere. Memory is measured
 * by `npm run bench:assessment`, not asserted here.
 */

const MB = 1024 * 1024;
let host: WebHost;
let dataDir: string;
let sessionId: string;
let photos: Photo[];
const cleanups: (() => void)[] = [];

const sha = (bytes: Uint8Array): string => crypto.createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  const data = makeTempDir();
  const renderer = makeTempDir();
  cleanups.push(data.cleanup, renderer.cleanup);
  dataDir = data.dir;
  fs.writeFileSync(path.join(renderer.dir, 'index.html'), '<!doctype html><title>Fieldbench</title>');
  host = await startWebHost({ port: 0, dataDir, contentDir: BUNDLED_PACK, rendererDir: renderer.dir, appVersion: '0.0.0-test', log: () => {} });
  const bridge = createHttpBridge({ baseUrl: `http://127.0.0.1:${host.port}`, secret: () => host.secret });
  const call: Call = async (method, args) => {
    const result = await bridge.call(method, args);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };
  photos = noisePhotos(21);
  // The photos go up as envelopes too: 21 uploads of 1.4–2.9 MB.
  ({ sessionId } = await completedAssessment(call, photos));
}, 120_000);

afterAll(async () => {
  await host.close();
  cleanups.forEach((c) => c());
});

/** The photos inside a DOCX, by sha256. */
async function mediaHashes(docx: Uint8Array): Promise<Set<string>> {
  const zip = await JSZip.loadAsync(docx);
  const media = Object.values(zip.files).filter((f) => f.name.startsWith('word/media/'));
  return new Set(await Promise.all(media.map(async (f) => sha(await f.async('uint8array')))));
}

function bytesOf(file: ExportedFile): Uint8Array {
  if (file.delivery !== 'download') throw new Error(`expected the bytes back, got delivery ${file.delivery}`);
  return file.data;
}

describe('a 40 MB report export', () => {
  let overHttp: Uint8Array;

  it('arrives over the browser host’s HTTP envelope as the document plus a small header', async () => {
    const bridge = createHttpBridge({ baseUrl: `http://127.0.0.1:${host.port}`, secret: () => host.secret });
    const result = await bridge.call('reports.assessmentDocx', { sessionId, lang: 'en' });
    if (!result.ok) throw new Error(result.error.message);
    const file = result.value as ExportedFile;
    overHttp = bytesOf(file);
    expect(overHttp).toBeInstanceOf(Uint8Array);
    expect(overHttp.byteLength).toBeGreaterThanOrEqual(40 * MB);
    expect(file.size).toBe(overHttp.byteLength);
    // The decoded document is a view into the one buffer the whole answer was read into: that
    // buffer is the wire body, so the wire carried the bytes and a header of a few hundred bytes.
    expect(overHttp.buffer.byteLength - overHttp.byteLength).toBeLessThan(4096);
    expect(Buffer.from(overHttp.subarray(0, 2)).toString('latin1')).toBe('PK');
    const inside = await mediaHashes(overHttp);
    for (const photo of photos) expect(inside.has(sha(photo.bytes)), photo.name).toBe(true);
  }, 120_000);

  it('arrives over Electron’s MessagePort as a Uint8Array with the same content', async () => {
    // The host holds the database; the port path gets its own backend on the same folder afterwards.
    await host.close();
    const backend = launchBackend({ dataDir, contentDir: BUNDLED_PACK, host: 'electron', appVersion: '0.0.0-test', log: () => {} });
    const wiring = portWiring((method, args) => backend.call(method, args));
    try {
      const result = await wiring.connect().call('reports.assessmentDocx', { sessionId, lang: 'en' });
      if (!result.ok) throw new Error(result.error.message);
      const overPort = bytesOf(result.value as ExportedFile);
      expect(overPort).toBeInstanceOf(Uint8Array);
      expect(overPort.byteLength).toBeGreaterThanOrEqual(40 * MB);
      const inside = await mediaHashes(overPort);
      for (const photo of photos) expect(inside.has(sha(photo.bytes)), photo.name).toBe(true);
      // The same document both ways (apart from the moment it was generated).
      expect(Math.abs(overPort.byteLength - overHttp.byteLength)).toBeLessThan(1024);
    } finally {
      wiring.close();
      backend.close();
    }
  }, 120_000);
});
