// ESLint rule enforcing the layer table of docs/DESIGN.md ("Layout and layers"): an allowlist per
// layer of the code it may import (folders or single modules of the repository) and of the npm
// packages it may import. Node built-ins count as packages (`NODE`). Type-only imports count too:
// a type import still ties the layer to the package. docs/DESIGN.md shows LAYER_RULES as a table,
// and test/unit/layers-rule.test.ts checks that the two agree.
import path from 'node:path';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Stands for every Node built-in module (`node:fs`, `path`, …) in a `packages` list. */
export const NODE = 'node:*';

/**
 * What each layer may import. `code`: repository paths without extension — a folder (everything
 * below it) or one module. `packages`: npm package names; `@scope/*` allows a whole scope.
 * Layers are matched by the longest folder prefix, so order does not matter.
 */
export const LAYER_RULES = {
  core: {
    code: ['core'],
    packages: ['zod', 'lexical', '@lexical/*', 'diff'],
  },
  renderer: {
    code: ['core', 'renderer'],
    packages: ['react', 'react-dom', 'react-router', 'zustand', 'd3', 'lexical', '@lexical/*', '@tanstack/react-query', 'lucide-react'],
  },
  'electron/backend': {
    code: ['core', 'electron/backend'],
    packages: [NODE, 'better-sqlite3', 'docx', 'jszip', 'mammoth', 'yaml', 'zod', '@resvg/resvg-js', 'htmlparser2', 'stemmer', 'sharp'],
  },
  // Main talks to the backend only through the messages of its utility process.
  'electron/main': {
    code: ['core', 'electron/main', 'electron/backend/worker-protocol'],
    packages: [NODE, 'electron'],
  },
  // The preload sees only the API contract: no behaviour, no Node.
  'electron/preload': {
    code: ['core/api', 'electron/preload'],
    packages: ['electron'],
  },
  'electron/web': {
    code: ['core', 'electron/backend', 'electron/web'],
    packages: [NODE],
  },
  server: {
    code: ['core', 'server'],
    packages: [NODE, 'better-sqlite3', 'pg', 'fastify', 'zod'],
  },
};

/**
 * Outside every layer and free to import anything: tests, scripts, and the build-tool
 * configuration files named here (they run in Node at build time). Any other file must belong to a
 * layer.
 */
export const EXEMPT_FOLDERS = ['test', 'scripts'];
export const EXEMPT_FILES = ['eslint.config.mjs', 'vitest.config.ts', 'renderer/vite.config.ts', 'test/e2e/playwright.config.ts', 'test/e2e-electron/playwright.config.ts'];

const LAYERS = Object.keys(LAYER_RULES).sort((a, b) => b.length - a.length);
const BUILTINS = new Set(builtinModules);
const SOURCE_EXTENSION = /\.(?:[cm]?[jt]sx?)$/;

/** The repository path of a file, with forward slashes. */
function repoPath(file) {
  return path.relative(ROOT, file).split(path.sep).join('/');
}

/** The layer a file belongs to; 'exempt' for tests, scripts and root config; null when it has none. */
export function layerOf(file) {
  const rel = repoPath(file);
  if (EXEMPT_FILES.includes(rel) || EXEMPT_FOLDERS.some((f) => rel.startsWith(`${f}/`))) return 'exempt';
  return LAYERS.find((l) => rel.startsWith(`${l}/`)) ?? null;
}

/** The npm package a bare specifier names: `@scope/name` or `name`; Node built-ins as written. */
export function packageOf(specifier) {
  if (specifier.startsWith('node:')) return specifier;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isBuiltin(specifier) {
  return specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(packageOf(specifier));
}

function packageAllowed(layer, specifier) {
  const allowed = LAYER_RULES[layer].packages;
  if (isBuiltin(specifier)) return allowed.includes(NODE);
  const name = packageOf(specifier);
  return allowed.some((p) => p === name || (p.endsWith('/*') && name.startsWith(p.slice(0, -1))));
}

/** Whether a repository path (extension already removed) lies in one of the allowed code paths. */
function codeAllowed(layer, target) {
  return LAYER_RULES[layer].code.some((p) => target === p || target.startsWith(`${p}/`));
}

function describeAllowed(layer) {
  const { code, packages } = LAYER_RULES[layer];
  return `${layer} may import ${code.join(', ')} and the packages ${packages.length === 0 ? '(none)' : packages.join(', ')}; see docs/DESIGN.md, "Layout and layers"`;
}

function check(context, node, source) {
  if (typeof source !== 'string') return;
  const from = layerOf(context.filename);
  if (from === null || from === 'exempt') return;
  if (source.startsWith('.') || source.startsWith('/')) {
    const resolved = path.resolve(path.dirname(context.filename), source);
    const to = layerOf(resolved);
    const target = repoPath(resolved).replace(SOURCE_EXTENSION, '');
    if (to === null || to === 'exempt') {
      context.report({ node, message: `${from} may not import "${source}": ${target} is outside every layer.` });
    } else if (!codeAllowed(from, target)) {
      context.report({ node, message: `${from} may not import "${source}" (${target}): ${describeAllowed(from)}.` });
    }
    return;
  }
  if (!packageAllowed(from, source)) {
    const what = isBuiltin(source) ? `the Node built-in "${source}"` : `the package "${packageOf(source)}"`;
    context.report({ node, message: `${from} may not import ${what}: ${describeAllowed(from)}.` });
  }
}

/** The string of a literal node or of a TS literal type (`import('x')` in a type position). */
function literal(node) {
  if (!node) return undefined;
  if (node.type === 'Literal') return node.value;
  if (node.type === 'TSLiteralType') return literal(node.literal);
  return undefined;
}

export const layersRule = {
  meta: { type: 'problem', docs: { description: 'enforce the layer table of docs/DESIGN.md' }, schema: [] },
  create(context) {
    return {
      Program: (node) => {
        if (layerOf(context.filename) === null) {
          context.report({ node, message: `${repoPath(context.filename)} is outside every layer: put it in ${Object.keys(LAYER_RULES).join(', ')}, test/ or scripts/.` });
        }
      },
      ImportDeclaration: (node) => check(context, node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(context, node, node.source.value),
      ExportAllDeclaration: (node) => check(context, node, node.source.value),
      ImportExpression: (node) => check(context, node, literal(node.source)),
      TSImportType: (node) => check(context, node, literal(node.argument) ?? literal(node.parameter)),
      TSExternalModuleReference: (node) => check(context, node, literal(node.expression)),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(context, node, literal(node.arguments[0]));
      },
    };
  },
};

export default { rules: { layers: layersRule } };
