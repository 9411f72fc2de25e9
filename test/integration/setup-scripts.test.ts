import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFingerprint } from '../../scripts/build-if-changed.mjs';
import { makeTempDir } from '../helpers/temp-dir';

/**
 * The set-up commands of the README: `npm start` where Electron's binary is missing says so once
 * and names `npm run web` (never a stack trace from node_modules/electron); `npm run web` and the
 * benchmarks build only when a source changed since the last build.
 */

const root = path.resolve(__dirname, '..', '..');

describe('npm start without Electron', () => {
  it('says the desktop app cannot start here and that npm run web runs the same app, without building anything', () => {
    const empty = makeTempDir('fieldbench-no-electron-');
    try {
      const result = spawnSync(process.execPath, ['scripts/start-electron.mjs'], {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
        // No binary where Electron looks for it, and no download attempt: nothing leaves the machine.
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty.dir, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('Fieldbench cannot start as a desktop app here');
      expect(result.stderr).toContain('npm run web');
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stdout).not.toContain('build');
    } finally {
      empty.cleanup();
    }
  });
});

describe('building only when a source changed', () => {
  it('changes the fingerprint when a source file changes and gives it back when the file is as before', () => {
    const file = path.join(root, 'core', 'i18n.ts');
    // A whole second, which utimes can set back exactly.
    const mtime = new Date(Math.floor(fs.statSync(file).mtimeMs / 1000) * 1000);
    fs.utimesSync(file, mtime, mtime);
    const original = sourceFingerprint();
    expect(sourceFingerprint()).toBe(original);
    try {
      fs.utimesSync(file, mtime, new Date(mtime.getTime() + 5_000));
      expect(sourceFingerprint()).not.toBe(original);
    } finally {
      fs.utimesSync(file, mtime, mtime);
    }
    expect(sourceFingerprint()).toBe(original);
  });

  it('is what npm run web, npm start and the benchmarks that need the built app run first', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.web).toMatch(/^node scripts\/build-if-changed\.mjs && /);
    expect(pkg.scripts.start).toBe('node scripts/start-electron.mjs');
    for (const bench of ['bench:assessment', 'bench:proposal']) expect(pkg.scripts[bench], bench).toMatch(/^node scripts\/build-if-changed\.mjs && /);
  });
});
