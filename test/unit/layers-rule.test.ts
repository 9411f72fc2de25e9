import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { LAYER_RULES } from '../../scripts/eslint/layers.mjs';

const root = path.resolve(__dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'fieldbench/layers').map((m) => m.message);
}

describe('layer lint rule', () => {
  // Each layer: a refused relative import and a refused package (or Node built-in).
  it.each([
    ['core/x.ts', "import { a } from '../electron/backend/backend';\nexport const b = a;", /core may not import "\.\.\/electron\/backend\/backend" \(electron\/backend\/backend\)/],
    ['core/x.ts', "import fs from 'node:fs';\nexport const b = fs;", /core may not import the Node built-in "node:fs"/],
    ['core/x.ts', "import path from 'path';\nexport const b = path;", /core may not import the Node built-in "path"/],
    ['core/x.ts', "import { useState } from 'react';\nexport const b = useState;", /core may not import the package "react"/],
    ['core/x.ts', "import * as d3 from 'd3';\nexport const b = d3;", /core may not import the package "d3"/],
    ['core/x.ts', "import type { ReactNode } from 'react';\nexport type B = ReactNode;", /core may not import the package "react"/],
    ['core/x.ts', "export type B = import('react').ReactNode;", /core may not import the package "react"/],
    ['core/x.ts', "export type { ReactNode } from 'react';", /core may not import the package "react"/],
    ['core/x.ts', "export const b = () => import('d3-scale');", /core may not import the package "d3-scale"/],
    ['renderer/x.ts', "import { a } from '../electron/backend/backend';\nexport const b = a;", /renderer may not import "\.\.\/electron\/backend\/backend"/],
    ['renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const b = ipcRenderer;", /renderer may not import the package "electron"/],
    ['renderer/x.ts', "import path from 'node:path';\nexport const b = path;", /renderer may not import the Node built-in "node:path"/],
    ['renderer/x.ts', "import Database from 'better-sqlite3';\nexport const b = Database;", /renderer may not import the package "better-sqlite3"/],
    ['electron/backend/x.ts', "import { app } from 'electron';\nexport const b = app;", /electron\/backend may not import the package "electron"/],
    ['electron/backend/x.ts', "import { a } from '../main/main';\nexport const b = a;", /electron\/backend may not import "\.\.\/main\/main"/],
    ['electron/backend/x.ts', "import { a } from '../../renderer/lib/api';\nexport const b = a;", /electron\/backend may not import "\.\.\/\.\.\/renderer\/lib\/api"/],
    ['electron/backend/x.ts', "import { createRoot } from 'react-dom/client';\nexport const b = createRoot;", /electron\/backend may not import the package "react-dom"/],
    ['electron/main/x.ts', "import { createBackend } from '../backend/backend';\nexport const b = createBackend;", /electron\/main may not import "\.\.\/backend\/backend" \(electron\/backend\/backend\)/],
    ['electron/main/x.ts', "import Database from 'better-sqlite3';\nexport const b = Database;", /electron\/main may not import the package "better-sqlite3"/],
    ['electron/main/x.ts', "const z = require('zod');\nexport const b = z;", /electron\/main may not import the package "zod"/],
    ['electron/preload/x.ts', "import { a } from '../../core/text/segment';\nexport const b = a;", /electron\/preload may not import "\.\.\/\.\.\/core\/text\/segment"/],
    ['electron/preload/x.ts', "import fs from 'node:fs';\nexport const b = fs;", /electron\/preload may not import the Node built-in "node:fs"/],
    ['electron/web/x.ts', "import { a } from '../main/main';\nexport const b = a;", /electron\/web may not import "\.\.\/main\/main"/],
    ['electron/web/x.ts', "import { app } from 'electron';\nexport const b = app;", /electron\/web may not import the package "electron"/],
    ['server/x.ts', "import { a } from '../renderer/lib/api';\nexport const b = a;", /server may not import "\.\.\/renderer\/lib\/api"/],
    ['server/x.ts', "import { app } from 'electron';\nexport const b = app;", /server may not import the package "electron"/],
    ['core/x.ts', "import { a } from '../test/helpers/backend';\nexport const b = a;", /test\/helpers\/backend is outside every layer/],
    ['shared/x.ts', 'export const b = 1;', /shared\/x\.ts is outside every layer/],
    // Only the root configuration files are exempt: a config file inside a layer is checked.
    ['core/tool.config.ts', "import fs from 'node:fs';\nexport const b = fs;", /core may not import the Node built-in "node:fs"/],
  ])('%s: refuses %s', async (file, code, message) => {
    const errors = await layerErrors(file, code);
    expect(errors.join('\n')).toMatch(message);
  });

  // Each layer: an allowed relative import and an allowed package.
  it.each([
    ['core/x.ts', "import { z } from 'zod';\nimport { $getRoot } from 'lexical';\nimport { $convertFromMarkdownString } from '@lexical/markdown';\nimport { pick } from './i18n';\nexport const b = [z, $getRoot, $convertFromMarkdownString, pick];"],
    ['renderer/x.ts', "import { useState } from 'react';\nimport { createRoot } from 'react-dom/client';\nimport { LexicalComposer } from '@lexical/react/LexicalComposer';\nimport * as d3 from 'd3';\nimport { pick } from '../core/i18n';\nexport const b = [useState, createRoot, LexicalComposer, d3, pick];"],
    ['electron/backend/x.ts', "import fs from 'node:fs';\nimport path from 'path';\nimport Database from 'better-sqlite3';\nimport { pick } from '../../core/i18n';\nimport { a } from './repos/json';\nexport const b = [fs, path, Database, pick, a];"],
    ['electron/main/x.ts', "import { app } from 'electron';\nimport fs from 'node:fs';\nimport type { WorkerInit } from '../backend/worker-protocol';\nimport { IPC_CALL } from '../../core/api/ipc';\nexport const b: [unknown, unknown, WorkerInit | null, string] = [app, fs, null, IPC_CALL];"],
    ['electron/preload/x.ts', "import { contextBridge } from 'electron';\nimport type { Bridge } from '../../core/api/bridge';\nimport { a } from './y';\nexport const b: [unknown, Bridge | null, unknown] = [contextBridge, null, a];"],
    ['electron/web/x.ts', "import http from 'node:http';\nimport { createBackend } from '../backend/backend';\nimport { pick } from '../../core/i18n';\nexport const b = [http, createBackend, pick];"],
    ['server/x.ts', "import http from 'node:http';\nimport Database from 'better-sqlite3';\nimport { pick } from '../core/i18n';\nexport const b = [http, Database, pick];"],
    ['test/unit/x.test.ts', "import { app } from 'electron';\nimport { createBackend } from '../../electron/backend/backend';\nexport const b = [app, createBackend];"],
    ['scripts/x.mjs', "import { build } from 'esbuild';\nexport const b = build;"],
    ['renderer/vite.config.ts', "import path from 'node:path';\nimport { defineConfig } from 'vite';\nexport const b = [path, defineConfig];"],
  ])('%s: allows legal imports', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});

describe('docs/DESIGN.md', () => {
  /** The rows of the "Layers" table: layer → [code, packages] as written in the document. */
  function designTable(): Map<string, [string[], string[]]> {
    const text = fs.readFileSync(path.join(root, 'docs', 'DESIGN.md'), 'utf8');
    const start = text.indexOf('| layer | may import (code) | may import (packages) |');
    expect(start, 'docs/DESIGN.md has the layer table').toBeGreaterThan(-1);
    const rows = new Map<string, [string[], string[]]>();
    for (const line of text.slice(start).split('\n').slice(2)) {
      if (!line.startsWith('|')) break;
      const [layer = '', code = '', packages = ''] = line.split('|').slice(1, -1).map((cell) => cell.trim());
      const list = (cell: string): string[] => (cell === '—' ? [] : cell.split(',').map((item) => item.trim().replaceAll('`', '')));
      rows.set(layer.replaceAll('`', ''), [list(code), list(packages)]);
    }
    return rows;
  }

  it('shows the layer table exactly as the lint rule enforces it', () => {
    const expected = new Map(Object.entries(LAYER_RULES).map(([layer, rule]) => [layer, [[...rule.code], [...rule.packages]]]));
    expect(designTable()).toEqual(expected);
  });
});
