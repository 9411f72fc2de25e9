import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildSync } from 'esbuild';
import type { ApiResult } from '../../core/api/result';

/**
 * Launches the backend once in a child process running as another user (root may write anything,
 * so a folder or file the user may not write is tested as `nobody`). Only root can do this.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const BUNDLE = path.join(ROOT, '.cache', 'test-bundles', 'launch-once.cjs');
let built = false;

export const NOBODY = { uid: 65534, gid: 65534 };

/** Why tests as another user cannot run here, or null when they can. */
export const OTHER_USER_UNAVAILABLE: string | null =
  process.platform === 'win32' ? 'no uids on Windows' : process.getuid?.() === 0 ? null : 'running as another user needs root';

export type LaunchOutcome = { started: string | null; call: ApiResult<unknown> };

export function launchAs(user: { uid: number; gid: number }, dataDir: string, contentDir: string): LaunchOutcome {
  if (!built) {
    // npm packages stay external: the bundle sits inside the repository, so they resolve from its node_modules.
    buildSync({ entryPoints: [path.join(__dirname, 'launch-once.entry.ts')], outfile: BUNDLE, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'warning' });
    built = true;
  }
  const run = spawnSync(process.execPath, [BUNDLE, dataDir, contentDir], { ...user, cwd: '/', encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(`launch-once as uid ${user.uid} exited with ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? '') as LaunchOutcome;
}
