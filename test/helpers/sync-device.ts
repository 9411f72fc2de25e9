import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildSync } from 'esbuild';

/**
 * A device backend in a child process that writes notes and syncs until it is killed
 * (sync-device.entry.ts), for the sync fault test and bench:sync-faults. Run from the repository
 * root, as both are.
 */

const ROOT = process.cwd();
let bundle: string | null = null;

function syncDeviceBundle(): string {
  if (bundle !== null) return bundle;
  const outfile = path.join(ROOT, '.cache', 'test-bundles', 'sync-device.cjs');
  buildSync({ entryPoints: [path.join(ROOT, 'test', 'helpers', 'sync-device.entry.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'warning' });
  bundle = outfile;
  return outfile;
}

/**
 * Starts the device on `dataDir`; once it has written something (start-up takes longer on a loaded
 * machine), lets it write and sync for `runMs` more, then kills it (SIGKILL) wherever it is.
 * Returns the notes it acknowledged and how many of its syncs completed.
 */
export async function killSyncingDevice(dataDir: string, contentDir: string, runMs: number): Promise<{ acknowledged: string[]; syncs: number }> {
  const child = spawn(process.execPath, [syncDeviceBundle(), dataDir, contentDir], { stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((resolve) => {
    const started = (): void => {
      if (!out.includes('ack ')) return;
      child.stdout.off('data', started);
      resolve();
    };
    child.stdout.on('data', started);
    child.once('exit', () => resolve());
  });
  await new Promise((resolve) => setTimeout(resolve, runMs));
  child.kill('SIGKILL');
  if (child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once('exit', resolve));
  const lines = out.split('\n');
  return { acknowledged: lines.filter((l) => l.startsWith('ack ')).map((l) => l.slice(4)), syncs: lines.filter((l) => l === 'sync ok').length };
}
