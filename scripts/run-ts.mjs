// Runs a TypeScript entry file under plain Node: bundles it with esbuild (native and heavy
// packages stay external) into .cache/run-ts and executes it, passing through the arguments.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <file.ts> [args...]');
  process.exit(2);
}
const outfile = path.join(root, '.cache', 'run-ts', `${path.basename(entry).replace(/\.tsx?$/, '')}.cjs`);
await build({
  entryPoints: [path.resolve(entry)],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  packages: 'external',
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['--enable-source-maps', '--expose-gc', outfile, ...rest], { stdio: 'inherit', cwd: root });
process.exit(run.status ?? 1);
