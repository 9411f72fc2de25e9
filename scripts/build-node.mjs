// npm run build:node — bundles the Node-side entry points with esbuild.
// Our TypeScript (core/, electron/*) is bundled in, so nothing loads .ts at run time; npm packages
// stay external and load from node_modules (better-sqlite3 is native and must).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleOptions, ENTRIES } from './node-bundles.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * `packages: 'external'` keeps every bare import external. Our own code is imported by relative
 * path, so it is bundled — unless someone imports it by a bare or absolute path; catch that here
 * rather than at run time on a user's machine.
 */
function runtimeSourceImports(metafile) {
  const bad = [];
  for (const [output, info] of Object.entries(metafile.outputs)) {
    for (const imp of info.imports) {
      if (imp.external && (/\.(c|m)?tsx?$/.test(imp.path) || imp.path.startsWith('.') || path.isAbsolute(imp.path))) {
        bad.push(`${path.relative(root, output)} requires "${imp.path}" at run time`);
      }
    }
  }
  return bad;
}

async function buildEntry(entry, out) {
  const result = await build(bundleOptions(entry, out));
  return runtimeSourceImports(result.metafile);
}

const present = ENTRIES.filter(([entry]) => {
  if (fs.existsSync(path.join(root, entry))) return true;
  console.warn(`build-node: warning: ${entry} does not exist yet; skipping it.`);
  return false;
});

let problems = [];
try {
  problems = (await Promise.all(present.map(([entry, out]) => buildEntry(entry, out)))).flat();
} catch {
  // esbuild has already printed the errors with file and line.
  console.error('build-node: the bundle failed (see the errors above).');
  process.exit(1);
}
if (problems.length > 0) {
  console.error(`build-node: bundles must not load sources at run time:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`build-node: built ${present.map(([, out]) => out).join(', ')}`);
