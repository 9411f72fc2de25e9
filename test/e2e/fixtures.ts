import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';

/**
 * Each Playwright worker starts its own browser host (the built app, `dist/web/server.cjs`) on a
 * free port with a fresh data folder, and stops it afterwards.
 */
type Host = { appUrl: string; dataDir: string; process: ChildProcess };

const root = path.resolve(import.meta.dirname, '..', '..');

export async function startHost(dataDir: string): Promise<Host> {
  const child = spawn(process.execPath, [path.join(root, 'dist', 'web', 'server.cjs'), '--port', '0'], {
    cwd: root,
    env: { ...process.env, FIELDBENCH_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (c: Buffer) => (errors += c.toString()));
  const appUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`browser host did not start: ${errors}`)), 30_000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /^Fieldbench web: (\S+)$/m.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`browser host exited with ${code}: ${errors}`)));
  });
  return { appUrl, dataDir, process: child };
}

/** Puts the preferences back to their defaults, so tests sharing a worker's host start alike. */
async function resetSettings(host: Host): Promise<void> {
  const url = new URL(host.appUrl);
  const secret = new URLSearchParams(url.hash.slice(1)).get('k') ?? '';
  const res = await fetch(new URL('/api/call', url.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-fieldbench-secret': secret },
    body: JSON.stringify({ method: 'settings.update', args: { language: 'en', theme: 'system' } }),
  });
  if (!res.ok) throw new Error(`could not reset settings: HTTP ${res.status}`);
}

export const test = base.extend<{ freshSettings: void }, { host: Host }>({
  freshSettings: [
    async ({ host }, use) => {
      await resetSettings(host);
      await use();
    },
    { auto: true },
  ],
  host: [
    async ({}, use) => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-e2e-'));
      const host = await startHost(dataDir);
      await use(host);
      host.process.kill('SIGTERM');
      await new Promise((r) => host.process.once('exit', r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

export { expect };
