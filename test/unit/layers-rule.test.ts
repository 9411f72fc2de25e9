import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'fieldbench/layers').map((m) => m.message);
}

describe('layer lint rule', () => {
  it.each([
    ['core/x.ts', "import { a } from '../electron/backend/backend';\nexport const b = a;", /core may not import electron\/backend/],
    ['core/x.ts', "import fs from 'node:fs';\nexport const b = fs;", /must not use Node built-in/],
    ['renderer/x.ts', "import { a } from '../electron/backend/backend';\nexport const b = a;", /renderer may not import electron\/backend/],
    ['renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const b = ipcRenderer;", /may not import "electron"/],
    ['electron/backend/x.ts', "import { app } from 'electron';\nexport const b = app;", /may not import "electron"/],
    ['electron/backend/x.ts', "import { a } from '../main/main';\nexport const b = a;", /electron\/backend may not import electron\/main/],
    ['electron/preload/x.ts', "import { a } from '../../core/text/segment';\nexport const b = a;", /only core\/api/],
    ['server/x.ts', "import { a } from '../renderer/lib/api';\nexport const b = a;", /server may not import renderer/],
    ['electron/web/x.ts', "import { a } from '../main/main';\nexport const b = a;", /electron\/web may not import electron\/main/],
  ])('%s: rejects %s', async (file, code, message) => {
    const errors = await layerErrors(file, code);
    expect(errors.join('\n')).toMatch(message);
  });

  it.each([
    ['core/x.ts', "import { z } from 'zod';\nimport { pick } from './i18n';\nexport const b = [z, pick];"],
    ['electron/backend/x.ts', "import fs from 'node:fs';\nimport { pick } from '../../core/i18n';\nexport const b = [fs, pick];"],
    ['electron/main/x.ts', "import { app } from 'electron';\nimport { createBackend } from '../backend/backend';\nexport const b = [app, createBackend];"],
    ['electron/preload/x.ts', "import { contextBridge } from 'electron';\nimport type { Bridge } from '../../core/api/bridge';\nexport const b: [unknown, Bridge | null] = [contextBridge, null];"],
    ['renderer/x.ts', "import { pick } from '../core/i18n';\nexport const b = pick;"],
  ])('%s: allows legal imports', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
