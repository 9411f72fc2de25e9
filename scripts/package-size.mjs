// npm run package:size — the files electron-builder would put into the app, and their size,
// computed without running electron-builder (it needs the Electron binary, which cannot be
// downloaded here). It follows electron-builder's own rules (app-builder-lib 26): the `files` globs
// of electron-builder.yml select our files, with its default exclusions; the production
// dependencies — package.json `dependencies` and what they depend on, resolved through
// package-lock.json — are copied from node_modules minus its default exclusions and the `!` globs
// of `files`; `extraResources` go beside the app.
//
// It also checks what decides those files, and exits 1 with one line per problem:
// - every package the shipped Node bundles (scripts/node-bundles.mjs, the outputs that `files`
//   selects) require at run time is a production dependency;
// - package.json `dependencies` lists nothing else: the renderer's libraries are bundled by Vite
//   and belong in devDependencies, like every build and test tool;
// - no file those bundles load at run time (followed through node_modules by esbuild) is left out
//   by a `!` glob.
// test/unit/package-size.test.ts runs these checks; the CLI prints the figures.
import { build } from 'esbuild';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Minimatch } from 'minimatch';
import ts from 'typescript';
import YAML from 'yaml';
import { bundleOptions, ENTRIES } from './node-bundles.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// electron-builder's default exclusions (app-builder-lib 26: fileMatcher.js, NodeModuleCopyHelper.js,
// appFileCopier.js). Keep them in step when electron-builder is upgraded.
const EXCLUDED_NAMES = '.git,.hg,.svn,CVS,RCS,SCCS,__pycache__,.DS_Store,thumbs.db,.gitignore,.gitkeep,.gitattributes,.npmignore,.idea,.vs,.flowconfig,.jshintrc,.eslintrc,.circleci,.yarn-integrity,.yarn-metadata.json,yarn-error.log,yarn.lock,package-lock.json,npm-debug.log,pnpm-lock.yaml,bun.lock,bun.lockb,appveyor.yml,.travis.yml,circle.yml,.nyc_output,.husky,.github,electron-builder.env';
const EXCLUDED_EXTS = 'iml,hprof,orig,pyc,pyo,rbc,swp,csproj,sln,suo,xproj,cc,d.ts,mk,a,o,obj,forge-meta';
const MODULE_EXCLUDED_NAMES = new Set(['.DS_Store', 'node_modules', 'CHANGELOG.md', 'ChangeLog', 'changelog.md', 'Changelog.md', 'Changelog', 'binding.gyp', '.npmignore', 'node_gyp_bins', ...EXCLUDED_NAMES.split(',')]);
const MODULE_TOP_EXCLUDED = new Set(['karma.conf.js', '.coveralls.yml', 'README.md', 'readme.markdown', 'README', 'readme.md', 'Readme.md', 'Readme', 'readme', 'test', 'tests', '__tests__', 'powered-test', 'example', 'examples', '.bin']);
// Packaging on Linux or macOS, as here; a Windows build keeps .dll and .exe files.
const MODULE_EXCLUDED_EXTS = ['.o', '.obj', ...EXCLUDED_EXTS.split(',').map((e) => `.${e}`), '.pdb', ...(process.platform === 'win32' ? [] : ['.dll', '.exe'])];

const BUILTINS = new Set(builtinModules);

/** The npm package a bare specifier names (`@scope/name` or `name`), or null for a Node built-in. */
function packageName(specifier) {
  if (specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0])) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The package a path below node_modules belongs to (the innermost one), or null. */
function packageOfPath(relative) {
  const cut = relative.lastIndexOf('node_modules/');
  if (cut === -1) return null;
  return packageName(relative.slice(cut + 'node_modules/'.length));
}

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** package.json, package-lock.json and electron-builder.yml of a project folder. */
export function loadProject(root = ROOT) {
  return {
    root,
    manifest: readJson(path.join(root, 'package.json')),
    lock: readJson(path.join(root, 'package-lock.json')),
    builder: YAML.parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')),
  };
}

// ---------------------------------------------------------------------------------------------
// Globs, applied as electron-builder applies them: in order, a later pattern re-includes or
// excludes; directories match partially so that a walk can prune them.

function compile(patterns) {
  const out = [];
  for (const raw of patterns) {
    const pattern = path.posix.normalize(raw.startsWith('./') ? raw.slice(2) : raw);
    const matcher = new Minimatch(pattern, { dot: true });
    out.push(matcher);
    // A plain folder name ("dist") means the folder and everything in it.
    if (!pattern.includes('.') && matcher.set.length === 1 && matcher.set[0].every((p) => typeof p === 'string')) {
      out.push(new Minimatch(`${pattern}/**/*`, { dot: true }));
    }
  }
  return out;
}

function matchAll(relative, matchers, isDirectory) {
  let match = false;
  for (const m of matchers) {
    if (match !== m.negate) continue;
    match = m.match(relative, isDirectory && !m.negate);
  }
  return match;
}

const filePatterns = (builder) => (builder.files ?? []).filter((p) => typeof p === 'string');

/** The patterns electron-builder applies to our own files (getMainFileMatchers, getFileMatchers). */
function appPatterns(builder) {
  const files = filePatterns(builder);
  const patterns = files.length === 0 || files.every((p) => p.startsWith('!')) ? ['**/*', ...files] : [...files];
  if (!patterns.includes('package.json')) patterns.push('package.json');
  const output = builder.directories?.output ?? 'dist';
  const first = ['!**/node_modules/**', `!${builder.directories?.buildResources ?? 'build'}{,/**/*}`, `!${output}{,/**/*}`];
  const lastCatchAll = patterns.findLastIndex((p) => p.startsWith('**/'));
  patterns.splice(lastCatchAll + 1, 0, ...first);
  patterns.push(`!**/*.{${EXCLUDED_EXTS},pdb}`, '!**/._*', '!**/electron-builder.{yaml,yml,json,json5,toml,ts}', `!**/{${EXCLUDED_NAMES}}`, '!.yarn{,/**/*}', '!.editorconfig', '!.yarnrc.yml', `!${output}/*-unpacked{,/**/*}`);
  return patterns;
}

/** Whether electron-builder would put a project path (forward slashes) into the app. */
export function appFileFilter(project) {
  const matchers = compile(appPatterns(project.builder));
  return (relative, isDirectory = false) => matchAll(relative, matchers, isDirectory);
}

/**
 * Whether electron-builder would copy a path inside a shipped package (NodeModuleCopyHelper):
 * its default exclusions, then everything but the `!` patterns of `files` (getNodeModuleFileMatcher).
 */
function moduleEntryFilter(project) {
  const matchers = compile(['**/*', ...filePatterns(project.builder).filter((p) => p.startsWith('!'))]);
  return (packageRoot, relative, isDirectory) => {
    const name = path.posix.basename(relative);
    const parent = path.posix.dirname(relative);
    if (MODULE_EXCLUDED_NAMES.has(name) || name.startsWith('._')) return false;
    if (parent === packageRoot && MODULE_TOP_EXCLUDED.has(name)) return false;
    if (!isDirectory && MODULE_EXCLUDED_EXTS.some((ext) => name.endsWith(ext))) return false;
    if (parent.endsWith('build') && (name === 'gyp-mac-tool' || name === 'Makefile' || /\.(mk|gypi|Makefile)$/.test(name))) return false;
    if (parent.endsWith('Release') && (name === '.deps' || name === 'obj.target')) return false;
    return matchAll(relative, matchers, isDirectory);
  };
}

function walk(dir, relative, accept, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = relative === '' ? entry.name : `${relative}/${entry.name}`;
    const isDirectory = entry.isDirectory();
    if (!accept(rel, isDirectory)) continue;
    if (isDirectory) walk(path.join(dir, entry.name), rel, accept, out);
    else out.push({ file: rel, bytes: fs.lstatSync(path.join(dir, entry.name)).size });
  }
  return out;
}

/** Our own files in the app: what the `files` globs select from the project folder. */
export function appFiles(project) {
  const filter = appFileFilter(project);
  return walk(project.root, '', (rel, isDirectory) => !(isDirectory && /(^|\/)(node_modules|\.git)$/.test(rel)) && filter(rel, isDirectory), []);
}

// ---------------------------------------------------------------------------------------------
// Production dependencies, resolved through package-lock.json the way Node resolves them.

/** The lock path a package named `name` resolves to from the package at `from` ('' = the project). */
function resolveInLock(lock, from, name) {
  let base = from;
  for (;;) {
    const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (base === '') return null;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut === -1 ? '' : base.slice(0, cut);
  }
}

/**
 * Every package electron-builder would copy for package.json `dependencies`, by lock path:
 * `{ name, version, via }` (via: the chain of names that pulls it in), and the problems found.
 * Like electron-builder (the `_dependencies` of `npm ls --omit dev`) it follows dependencies and
 * installed optional dependencies, not peer dependencies: a peer that the code loads must be a
 * dependency itself, and the check of loaded files says so.
 */
export function productionPackages(project) {
  const { lock } = project;
  const shipped = new Map();
  const problems = [];
  const queue = Object.keys(project.manifest.dependencies ?? {}).map((name) => ({ from: '', name, via: [], optional: false }));
  while (queue.length > 0) {
    const { from, name, via, optional } = queue.shift();
    const at = resolveInLock(lock, from, name);
    const chain = [...via, name];
    if (at === null || !fs.existsSync(path.join(project.root, at))) {
      if (!optional) problems.push(`"${name}" (${chain.join(' → ')}) is not installed or not in package-lock.json: run npm install.`);
      continue;
    }
    if (shipped.has(at)) continue;
    const entry = lock.packages[at];
    shipped.set(at, { name, version: entry.version, via: chain });
    for (const dep of Object.keys(entry.dependencies ?? {})) queue.push({ from: at, name: dep, via: chain, optional: false });
    for (const dep of Object.keys(entry.optionalDependencies ?? {})) queue.push({ from: at, name: dep, via: chain, optional: true });
  }
  return { shipped, problems };
}

/** Whether a file below node_modules would be copied into the app, given the shipped packages. */
function shippedModuleFile(shipped, accept, relative) {
  const packageRoot = [...shipped.keys()].filter((p) => relative.startsWith(`${p}/`)).sort((a, b) => b.length - a.length)[0];
  if (packageRoot === undefined) return false;
  const parts = relative.slice(packageRoot.length + 1).split('/');
  return parts.every((_, i) => accept(packageRoot, [packageRoot, ...parts.slice(0, i + 1)].join('/'), i < parts.length - 1));
}

// ---------------------------------------------------------------------------------------------
// What the code imports and loads.

/** The Node bundles electron-builder ships: the ENTRIES whose output the `files` globs select. */
function shippedEntries(project) {
  const shippedFile = appFileFilter(project);
  return ENTRIES.filter(([entry, out]) => shippedFile(out) && fs.existsSync(path.join(project.root, entry)));
}

/**
 * For each shipped Node bundle: the npm packages it requires (esbuild's externals, as built), and
 * every file below node_modules it loads at run time (the same entry bundled with its packages,
 * which follows their requires). `.node` binaries load through `bindings`/`nativeBinding`, not
 * through a require that esbuild can follow.
 */
export async function runtimeCode(project) {
  const requires = new Map();
  const loaded = new Map();
  for (const [entry, out] of shippedEntries(project)) {
    const base = { ...bundleOptions(entry, out), entryPoints: [path.join(project.root, entry)], absWorkingDir: project.root, write: false, sourcemap: false, logLevel: 'error' };
    const asBuilt = await build(base);
    for (const output of Object.values(asBuilt.metafile.outputs)) {
      for (const imp of output.imports) {
        const name = imp.external ? packageName(imp.path) : null;
        if (name && name !== 'electron') requires.set(name, [...new Set([...(requires.get(name) ?? []), out])]);
      }
    }
    const followed = await build({ ...base, packages: undefined, external: ['electron'], loader: { '.node': 'empty' } });
    for (const input of Object.keys(followed.metafile.inputs)) {
      if (input.startsWith('node_modules/') && !loaded.has(input)) loaded.set(input, out);
    }
  }
  return { requires, loaded };
}

/**
 * npm packages the renderer's sources import (Vite bundles them into dist/renderer). Read with
 * TypeScript's import scanner rather than by bundling: esbuild's resolver takes snippet.ts and
 * Snippet.tsx in one folder for the same file.
 */
export function rendererImports(project) {
  const names = new Set();
  const sources = walk(path.join(project.root, 'renderer'), 'renderer', (rel, isDirectory) => isDirectory || /\.tsx?$/.test(rel), []);
  for (const { file } of sources) {
    if (file === 'renderer/vite.config.ts') continue;
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(path.join(project.root, file), 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      const name = fileName.startsWith('.') ? null : packageName(fileName);
      if (name) names.add(name);
    }
  }
  return names;
}

// ---------------------------------------------------------------------------------------------

/** Problems with what electron-builder would ship, given what the code requires and loads. */
export function placementProblems(project, code, renderer) {
  const problems = [];
  const manifestDeps = project.manifest.dependencies ?? {};
  const lockDeps = project.lock.packages?.['']?.dependencies ?? {};
  if (JSON.stringify(Object.entries(manifestDeps).sort()) !== JSON.stringify(Object.entries(lockDeps).sort())) {
    problems.push('package-lock.json does not list the same "dependencies" as package.json: run npm install.');
  }
  const { shipped, problems: missing } = productionPackages(project);
  problems.push(...missing);
  const shippedNames = new Set([...shipped.values()].map((p) => p.name));
  for (const [name, outputs] of code.requires) {
    if (!shippedNames.has(name)) problems.push(`${outputs.join(', ')} require${outputs.length === 1 ? 's' : ''} "${name}" at run time, but electron-builder would not ship it: add it to package.json "dependencies".`);
  }
  for (const name of Object.keys(manifestDeps)) {
    if (code.requires.has(name)) continue;
    const why = renderer.has(name) ? 'only the renderer imports it and Vite bundles it' : 'no shipped bundle requires it at run time';
    problems.push(`"${name}" would be shipped in the app, but ${why}: move it to package.json "devDependencies".`);
  }
  const accept = moduleEntryFilter(project);
  const reported = new Set();
  for (const [file, output] of code.loaded) {
    const name = packageOfPath(file);
    if (reported.has(name) || !shippedNames.has(name) || shippedModuleFile(shipped, accept, file)) continue;
    reported.add(name);
    problems.push(`${output} loads ${file} at run time, but the "files" globs of electron-builder.yml leave it out of the app.`);
  }
  return problems;
}

const sumBytes = (files) => files.reduce((total, f) => total + f.bytes, 0);

/** Everything electron-builder would package, with sizes, and the problems. */
export async function packagePlan(project = loadProject()) {
  const code = await runtimeCode(project);
  const renderer = rendererImports(project);
  const problems = placementProblems(project, code, renderer);
  const app = appFiles(project);
  const accept = moduleEntryFilter(project);
  const { shipped } = productionPackages(project);
  const loadedNames = new Set([...code.loaded.keys()].map(packageOfPath));
  const packages = [...shipped.entries()].map(([lockPath, p]) => {
    const files = walk(path.join(project.root, lockPath), lockPath, (rel, isDirectory) => accept(lockPath, rel, isDirectory), []);
    return { name: p.name, version: p.version, lockPath, via: p.via, loaded: loadedNames.has(p.name), files: files.length, bytes: sumBytes(files) };
  });
  const extras = (project.builder.extraResources ?? []).map((r) => {
    const from = typeof r === 'string' ? r : r.from;
    const to = typeof r === 'string' ? r : (r.to ?? r.from);
    const full = path.join(project.root, from);
    if (!fs.existsSync(full)) return { from, to, present: false, files: 0, bytes: 0 };
    const files = fs.statSync(full).isDirectory() ? walk(full, '', () => true, []) : [{ file: from, bytes: fs.statSync(full).size }];
    return { from, to, present: true, files: files.length, bytes: sumBytes(files) };
  });
  const moduleFiles = packages.reduce((n, p) => n + p.files, 0);
  const moduleBytes = packages.reduce((n, p) => n + p.bytes, 0);
  return {
    requires: [...code.requires.keys()].sort(),
    renderer: [...renderer].sort(),
    app: { files: app.length, bytes: sumBytes(app), fileList: app.map((f) => f.file), built: shippedEntries(project).every(([, out]) => app.some((f) => f.file === out)) && app.some((f) => f.file.startsWith('dist/renderer/')) },
    packages: packages.sort((a, b) => b.bytes - a.bytes),
    asar: { files: app.length + moduleFiles, bytes: sumBytes(app) + moduleBytes, moduleFiles, moduleBytes },
    extras,
    problems,
  };
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The figures as printed by `npm run package:size`. */
export function formatPlan(plan) {
  const row = (label, files, bytes, note = '') => `  ${label.padEnd(18)}${String(files).padStart(6)} files ${mb(bytes).padStart(9)}${note}`;
  const unloaded = plan.packages.filter((p) => !p.loaded);
  const lines = [
    `package-size: what electron-builder would put into the app (${process.platform}, asar)`,
    row('our files', plan.app.files, plan.app.bytes, plan.app.built ? '' : '  (dist/ is not fully built: npm run build)'),
    row('node_modules', plan.asar.moduleFiles, plan.asar.moduleBytes, `  in ${plan.packages.length} packages`),
    row('app.asar', plan.asar.files, plan.asar.bytes),
    ...plan.extras.map((e) => (e.present ? row(`resources/${e.to}`, e.files, e.bytes) : `  resources/${e.to}: not built yet (${e.from}; npm run dist builds it)`)),
    `  largest packages: ${plan.packages.slice(0, 6).map((p) => `${p.name} ${mb(p.bytes)}`).join(', ')}`,
    `  required at run time: ${plan.requires.join(', ')}`,
    `  shipped but never loaded: ${unloaded.length === 0 ? 'none' : `${[...new Set(unloaded.map((p) => p.name))].join(', ')} (${mb(unloaded.reduce((n, p) => n + p.bytes, 0))})`}`,
  ];
  if (plan.problems.length > 0) lines.push('', `package-size: ${plan.problems.length} problem(s):`, ...plan.problems.map((p) => `  - ${p}`));
  return lines.join('\n');
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const plan = await packagePlan();
  console.log(formatPlan(plan));
  process.exitCode = plan.problems.length > 0 ? 1 : 0;
}
