import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** The packaged app's Electron fuses, as electron-builder flips them (electron-builder.yml `electronFuses`). */
describe('Electron fuses', () => {
  const config = parse(fs.readFileSync(path.join(__dirname, '..', '..', 'electron-builder.yml'), 'utf8')) as { electronFuses?: Record<string, unknown>; asar?: unknown };

  it('turn off running as Node, Node options and the inspector; turn on cookie encryption and asar-only, integrity-checked loading; no file:// privileges', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // Integrity validation and asar-only loading mean nothing without an asar.
    expect(config.asar).toBe(true);
  });

  it('packages the Electron that package.json pins, and npm install does not download its binary', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { devDependencies: Record<string, string>; allowScripts: Record<string, boolean> };
    expect((config as { electronVersion?: unknown }).electronVersion).toBe(pkg.devDependencies.electron);
    // npm start fetches it the first time (scripts/start-electron.mjs); an install never fails for want of it.
    expect(pkg.allowScripts.electron).toBe(false);
  });

  it('names only fuses this electron-builder knows', () => {
    const typings = fs.readFileSync(path.join(__dirname, '..', '..', 'node_modules', 'app-builder-lib', 'out', 'configuration.d.ts'), 'utf8');
    const known = typings.slice(typings.indexOf('export interface FuseOptionsV1'));
    for (const name of Object.keys(config.electronFuses ?? {})) expect(known, name).toMatch(new RegExp(`\\b${name}\\?:`));
  });
});
