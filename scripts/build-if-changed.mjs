// Builds the app (npm run build) only when what it is built from changed since the last build:
// `npm run web`, `npm start` and the benchmarks call this, so a second launch opens at once and a
// fresh clone still builds first. "Changed" is decided by a fingerprint of every source file's
// path, size and modification time (no file is read), kept in dist/.build-fingerprint after a
// build that succeeded.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** What the renderer and the Node bundles are built from. */
const SOURCES = ['core', 'electron', 'renderer', 'scripts/build-node.mjs', 'scripts/node-bundles.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.base.json'];
const OUTPUTS = ['dist/renderer/index.html', 'dist/web/server.cjs', 'dist/electron/main.cjs'];
const FINGERPRINT = path.join(root, 'dist', '.build-fingerprint');

function listFiles(entry, out) {
  const full = path.join(root, entry);
  let stat;
  try {
    stat = fs.statSync(full);
  } catch {
    return;
  }
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(full).sort()) if (name !== 'node_modules' && !name.startsWith('.')) listFiles(path.join(entry, name), out);
  } else {
    out.push(`${entry}\t${stat.size}\t${stat.mtimeMs}`);
  }
}

export function sourceFingerprint() {
  const files = [];
  for (const entry of SOURCES) listFiles(entry, files);
  return crypto.createHash('sha256').update(files.join('\n')).digest('hex');
}

export function buildIfChanged({ quiet = false } = {}) {
  const fingerprint = sourceFingerprint();
  const built = OUTPUTS.every((file) => fs.existsSync(path.join(root, file)));
  const previous = fs.existsSync(FINGERPRINT) ? fs.readFileSync(FINGERPRINT, 'utf8').trim() : '';
  if (built && previous === fingerprint) {
    if (!quiet) console.log('build: up to date (no source changed since the last build).');
    return 'up to date';
  }
  const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    // A failed build leaves no fingerprint, so the next launch builds again.
    fs.rmSync(FINGERPRINT, { force: true });
    throw new Error(`npm run build failed (exit ${result.status ?? result.signal})`);
  }
  fs.mkdirSync(path.dirname(FINGERPRINT), { recursive: true });
  fs.writeFileSync(FINGERPRINT, `${fingerprint}\n`);
  return 'built';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    buildIfChanged();
  } catch (error) {
    console.error(`build: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
