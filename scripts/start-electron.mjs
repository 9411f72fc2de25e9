// npm start — the Electron app. Electron's binary is not downloaded by `npm install` (package.json
// allowScripts keeps its download script from running, so an install never fails for want of it):
// it is fetched here the first time. Where it cannot be fetched (no access to Electron's download
// host), this says so in one message and names `npm run web`, which runs the same app in a browser.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildIfChanged } from './build-if-changed.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronDir = path.join(root, 'node_modules', 'electron');

/** The Electron executable, or null when its binary is not installed. */
export function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(electronDir, 'dist');
  const binary = path.join(dist, fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

function noElectron(reason) {
  console.error(
    [
      '',
      `Fieldbench cannot start as a desktop app here: ${reason}`,
      'Run the same app in your browser instead:  npm run web',
      '(it prints a http://127.0.0.1:… address to open; your data stays on this machine).',
      "To get the desktop app, run npm start again where Electron's download site (github.com) can be reached,",
      'or point ELECTRON_MIRROR at a mirror of it.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

function ensureBinary() {
  if (!fs.existsSync(path.join(electronDir, 'package.json'))) noElectron('the electron package is not installed (run npm install).');
  if (electronBinary() !== null) return;
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) noElectron("Electron's binary is not installed, and ELECTRON_SKIP_BINARY_DOWNLOAD is set.");
  const { version } = require('electron/package.json');
  console.log(`Downloading Electron ${version} (once; about 100 MB)…`);
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { cwd: electronDir, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8', timeout: 10 * 60 * 1000 });
  if (result.status !== 0 || electronBinary() === null) {
    const detail = (result.stderr ?? '').split('\n').find((line) => /Error|ENOTFOUND|EAI_AGAIN|ECONN|ETIMEDOUT|403|404/.test(line))?.trim();
    noElectron(`Electron's binary could not be downloaded${detail ? ` (${detail.slice(0, 200)})` : result.error ? ` (${result.error.message})` : ''}.`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureBinary();
  try {
    buildIfChanged();
  } catch (error) {
    console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const native = spawnSync(process.execPath, [path.join(root, 'scripts', 'native-electron.mjs')], { cwd: root, stdio: 'inherit' });
  if (native.status !== 0) process.exit(native.status ?? 1);
  const binary = electronBinary();
  if (binary === null) noElectron("Electron's binary went missing.");
  const app = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
