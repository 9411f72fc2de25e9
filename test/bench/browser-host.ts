import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The built browser host the Chromium benches run against (each bench script builds it first). */
const SERVER = path.resolve('dist', 'web', 'server.cjs');

/** Starts the built browser host on a free port with its own data folder (it imports the bundled pack); resolves with its URL. */
export function startBrowserHost(dataDir: string): Promise<{ url: string; stop: () => void }> {
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: the bench script builds it first (node scripts/build-if-changed.mjs).`);
  const child = spawn(process.execPath, [SERVER, '--port', '0'], { env: { ...process.env, FIELDBENCH_DATA_DIR: dataDir, FIELDBENCH_PORT: undefined }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^Fieldbench web: (http:\/\/127\.0\.0\.1:\d+\/#k=[\w-]+)$/m.exec(out);
      if (match?.[1]) resolve({ url: match[1], stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`the browser host exited (${code}) before printing its URL`)));
  });
}
