// ESLint rule enforcing the layer table of ../shared/DESIGN.md: who may import whom.
// A layer is found from the file's path; relative imports are resolved to the layer they land
// in, and bare imports of platform modules (electron, node:*, better-sqlite3) are checked too.
import path from 'node:path';
import { builtinModules } from 'node:module';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

const LAYERS = ['core', 'electron/backend', 'electron/main', 'electron/preload', 'electron/web', 'renderer', 'server'];

/** Which layers each layer may import (relative imports). */
const ALLOWED = {
  core: ['core'],
  'electron/backend': ['core', 'electron/backend'],
  'electron/main': ['core', 'electron/backend', 'electron/main'],
  'electron/web': ['core', 'electron/backend', 'electron/web'],
  'electron/preload': ['core', 'electron/preload'],
  renderer: ['core', 'renderer'],
  server: ['core', 'server'],
};

/** Bare packages tied to one runtime, and the layers allowed to use them. */
const PLATFORM_PACKAGES = {
  electron: ['electron/main', 'electron/preload'],
  'better-sqlite3': ['electron/backend', 'server'],
};

const NODE_FREE = new Set(['core', 'renderer', 'electron/preload']);
const BUILTINS = new Set(builtinModules);

export function layerOf(file) {
  // Build-tool configuration (vite.config.ts, …) runs in Node at build time, outside the layers.
  if (/\.config\.[cm]?[jt]s$/.test(file)) return null;
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  return LAYERS.find((l) => rel === l || rel.startsWith(`${l}/`)) ?? null;
}

function check(context, node, source) {
  if (typeof source !== 'string') return;
  const from = layerOf(context.filename);
  if (from === null) return; // tests, scripts and config may import anything
  if (source.startsWith('.')) {
    const target = path.resolve(path.dirname(context.filename), source);
    const to = layerOf(target);
    if (to === null) {
      context.report({ node, message: `${from} may not import "${source}": it is outside every layer.` });
      return;
    }
    if (!ALLOWED[from].includes(to)) {
      context.report({ node, message: `${from} may not import ${to} ("${source}"); see the layer table in DESIGN.md.` });
      return;
    }
    // The preload sees only the API contract of core, nothing with behaviour.
    if (from === 'electron/preload' && to === 'core') {
      const rel = path.relative(path.join(ROOT, 'core'), target).split(path.sep).join('/');
      if (!rel.startsWith('api/')) context.report({ node, message: `electron/preload may import only core/api (the contract), not "${source}".` });
    }
    return;
  }
  const bare = source.startsWith('node:') ? source : source.split('/')[0].startsWith('@') ? source.split('/').slice(0, 2).join('/') : source.split('/')[0];
  if (source.startsWith('node:') || BUILTINS.has(bare)) {
    if (NODE_FREE.has(from)) context.report({ node, message: `${from} must not use Node built-in "${source}".` });
    return;
  }
  const owners = PLATFORM_PACKAGES[bare];
  if (owners && !owners.includes(from)) {
    context.report({ node, message: `${from} may not import "${bare}"; only ${owners.join(' and ')} may.` });
  }
}

export const layersRule = {
  meta: { type: 'problem', docs: { description: 'enforce the architecture layer table' }, schema: [] },
  create(context) {
    const literal = (n) => (n && n.type === 'Literal' ? n.value : undefined);
    return {
      ImportDeclaration: (node) => check(context, node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(context, node, node.source.value),
      ExportAllDeclaration: (node) => check(context, node, node.source.value),
      ImportExpression: (node) => check(context, node, literal(node.source)),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(context, node, literal(node.arguments[0]));
      },
    };
  },
};

export default { rules: { layers: layersRule } };
