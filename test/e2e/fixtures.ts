import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { createHttpBridge } from '../../renderer/lib/http-bridge';

/**
 * Each Playwright worker starts its own browser host — the built app, `node dist/web/server.cjs
 * --port 0` — with a fresh data folder (FIELDBENCH_DATA_DIR), and stops it afterwards.
 * Tests get `appUrl` (with the #k=<secret> fragment), `dataDir`, or both as `host`.
 */
export type Host = { appUrl: string; dataDir: string; process: ChildProcess };

const root = path.resolve(import.meta.dirname, '..', '..');
const SERVER = path.join(root, 'dist', 'web', 'server.cjs');
const START_TIMEOUT_MS = 30_000;

/** Starts a host on `dataDir`, importing the bundled content pack or the one in `options.contentDir`, on a free port or `options.port`. */
export async function startHost(dataDir: string, options: { contentDir?: string; port?: number } = {}): Promise<Host> {
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run "npm run build" first.`);
  const child = spawn(process.execPath, [SERVER, '--port', String(options.port ?? 0)], {
    cwd: root,
    env: { ...process.env, FIELDBENCH_DATA_DIR: dataDir, FIELDBENCH_PORT: undefined, FIELDBENCH_CONTENT_DIR: options.contentDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  // Keep both pipes drained for the life of the host, or it would block once they fill.
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4000);
  });
  const appUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the browser host printed no URL within ${START_TIMEOUT_MS / 1000} s; stderr: ${errors}`));
    }, START_TIMEOUT_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^Fieldbench web: (http:\/\/127\.0\.0\.1:\d+\/#k=[\w-]+)$/m.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the browser host exited (${code ?? signal}) before printing its URL; stderr: ${errors}`));
    });
  });
  return { appUrl, dataDir, process: child };
}

export async function stopHost(host: Host): Promise<void> {
  const child = host.process;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const hardStop = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(hardStop);
}

/** Puts the preferences back to their defaults, so tests sharing a worker's host start alike; the first-run welcome put away (welcome.spec shows it). */
async function resetSettings(host: Host): Promise<void> {
  const url = new URL(host.appUrl);
  const secret = new URLSearchParams(url.hash.slice(1)).get('k') ?? '';
  const result = await createHttpBridge({ baseUrl: url.origin, secret: () => secret }).call('settings.update', { language: 'en', theme: 'system', welcomeDismissed: true });
  if (!result.ok) throw new Error(`could not reset settings: ${result.error.code}: ${result.error.message}`);
}

export const test = base.extend<{ freshSettings: void }, { host: Host; appUrl: string; dataDir: string }>({
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
      let host: Host | undefined;
      try {
        host = await startHost(dataDir);
        await use(host);
      } finally {
        if (host) await stopHost(host);
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],
  appUrl: [async ({ host }, use) => use(host.appUrl), { scope: 'worker' }],
  dataDir: [async ({ host }, use) => use(host.dataDir), { scope: 'worker' }],
});

export { expect };
