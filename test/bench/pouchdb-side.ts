import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/**
 * The comparison the sync issue asks for: PouchDB (leveldb) replicating the same documents to a
 * PouchDB/CouchDB-protocol server (express-pouchdb on express 4) on 127.0.0.1. Its packages are
 * not the project's: they are installed on first use into .cache/bench-pouchdb.
 */

const DIR = path.resolve('.cache', 'bench-pouchdb');
const PACKAGES = ['pouchdb@9.0.0', 'express-pouchdb@4.2.0', 'express@4.21.2'];

function ensureInstalled(): NodeRequire {
  if (!fs.existsSync(path.join(DIR, 'node_modules', 'express-pouchdb'))) {
    fs.mkdirSync(DIR, { recursive: true });
    fs.writeFileSync(path.join(DIR, 'package.json'), '{"name":"bench-pouchdb","private":true}\n');
    console.log(`installing ${PACKAGES.join(', ')} into ${DIR} (once)…`);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...PACKAGES], { cwd: DIR, stdio: 'inherit' });
  }
  return createRequire(path.join(DIR, 'package.json'));
}

type PouchDb = {
  bulkDocs(docs: unknown[]): Promise<unknown>;
  replicate: { to(target: string, options?: object): Promise<{ docs_written: number }>; from(source: string, options?: object): Promise<{ docs_written: number }> };
  info(): Promise<{ doc_count: number }>;
  destroy(): Promise<unknown>;
};

/** Starts express-pouchdb in its own process (as a real server would run); its URL and a stop function. */
async function startPouchServer(): Promise<{ url: string; stop: () => void }> {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-pouch-server-'));
  const script = `
    const express = require('express');
    const PouchDB = require('pouchdb').defaults({ prefix: ${JSON.stringify(`${data}/`)} });
    const app = express();
    app.use('/', require('express-pouchdb')(PouchDB, { mode: 'minimumForPouchDB', logPath: ${JSON.stringify(`${data}/log.txt`)} }));
    const server = app.listen(0, '127.0.0.1', () => console.log('port ' + server.address().port));
  `;
  const child = spawn(process.execPath, ['-e', script], { cwd: DIR, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      const m = /port (\d+)/.exec(d.toString());
      if (m?.[1]) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`express-pouchdb exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => {
      child.kill('SIGTERM');
      fs.rmSync(data, { recursive: true, force: true });
    },
  };
}

/**
 * Push and pull rates (docs/s) of `count` documents of about 1.5 KB, replicated `batchSize`
 * documents per request (PouchDB's default is 100).
 */
export async function pouchReplication(count: number, makeText: (i: number) => string, batchSize: number): Promise<{ push: number; pull: number; pushSeconds: number; pullSeconds: number }> {
  const req = ensureInstalled();
  const PouchDB = req('pouchdb') as new (name: string) => PouchDb;
  const server = await startPouchServer();
  const local = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-pouch-'));
  try {
    const source = new PouchDB(path.join(local, 'source'));
    for (let i = 0; i < count; i += 1000) {
      await source.bulkDocs(Array.from({ length: Math.min(1000, count - i) }, (_, k) => ({ _id: `doc-${i + k}`, title: `Doc ${i + k}`, body: makeText(i + k) })));
    }
    const remote = `${server.url}/bench`;
    let started = performance.now();
    await source.replicate.to(remote, { batch_size: batchSize });
    const pushSeconds = (performance.now() - started) / 1000;
    const fresh = new PouchDB(path.join(local, 'fresh'));
    started = performance.now();
    await fresh.replicate.from(remote, { batch_size: batchSize });
    const pullSeconds = (performance.now() - started) / 1000;
    const pulled = (await fresh.info()).doc_count;
    if (pulled !== count) throw new Error(`PouchDB pulled ${pulled} of ${count}`);
    return { push: count / pushSeconds, pull: count / pullSeconds, pushSeconds, pullSeconds };
  } finally {
    server.stop();
    fs.rmSync(local, { recursive: true, force: true });
  }
}
