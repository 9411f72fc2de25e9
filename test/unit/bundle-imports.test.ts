import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The renderer and Electron main need a few limits and event names from the contract, never its
 * schemas: importing them from core/api/calls or core/api/contract would pull zod and every schema
 * into those bundles. This bundles both (without writing files) and checks what they reach.
 */

const ROOT = path.resolve(__dirname, '..', '..');

async function reach(entry: string, platform: 'node' | 'browser'): Promise<{ inputs: string[]; packages: string[] }> {
  const result = await build({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    write: false,
    metafile: true,
    platform,
    format: 'esm',
    packages: 'external',
    jsx: 'automatic',
    loader: { '.css': 'empty', '.svg': 'empty', '.png': 'empty' },
    logLevel: 'silent',
  });
  const metafile: Metafile = result.metafile;
  const inputs = Object.keys(metafile.inputs);
  const packages = [...new Set(Object.values(metafile.inputs).flatMap((input) => input.imports.filter((i) => i.external).map((i) => i.path)))];
  return { inputs, packages };
}

describe('bundles reach only what they need of the contract', () => {
  it('Electron main pulls no schema and no zod', async () => {
    const { inputs, packages } = await reach('electron/main/main.ts', 'node');
    expect(packages).not.toContain('zod');
    expect(inputs.filter((i) => i.startsWith('core/api/calls/') || i === 'core/api/contract.ts')).toEqual([]);
  });

  it('the renderer pulls no zod and no schema (only the types of the contract)', async () => {
    const { inputs, packages } = await reach('renderer/main.tsx', 'browser');
    expect(inputs.length).toBeGreaterThan(100);
    expect(packages).not.toContain('zod');
    expect(inputs.filter((i) => i.startsWith('core/api/calls/') || i === 'core/api/contract.ts' || i === 'core/content/schemas.ts')).toEqual([]);
  });
});
