// Builds better-sqlite3 for Electron's Node ABI into .cache/electron-native/better_sqlite3.node.
// node_modules keeps the build for the machine's Node (used by tests and the browser host); the
// Electron build lives beside it and the backend loads it through better-sqlite3's nativeBinding
// option. Rebuilding in place would break whichever runtime did not match.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const sqliteVersion = require('better-sqlite3/package.json').version;
const outDir = path.join(root, '.cache', 'electron-native');
const stamp = path.join(outDir, 'stamp.json');
const wanted = { electronVersion, sqliteVersion, platform: process.platform, arch: process.arch };

if (fs.existsSync(stamp) && JSON.stringify(JSON.parse(fs.readFileSync(stamp, 'utf8'))) === JSON.stringify(wanted)) {
  console.log(`better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} is up to date.`);
  process.exit(0);
}

const work = path.join(outDir, 'build');
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
const source = path.dirname(require.resolve('better-sqlite3/package.json'));
for (const entry of ['binding.gyp', 'src', 'deps', 'package.json']) fs.cpSync(path.join(source, entry), path.join(work, entry), { recursive: true });

console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${process.arch})…`);
// node-gyp comes with npm itself and, through electron-builder, with the project.
const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js', { paths: [root, path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm')] });
execFileSync(process.execPath, [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'], {
  cwd: work,
  stdio: 'inherit',
});
fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), path.join(outDir, 'better_sqlite3.node'));
fs.writeFileSync(stamp, JSON.stringify(wanted));
console.log(`Wrote ${path.join(outDir, 'better_sqlite3.node')}`);
