// npm run test:security-mutations
//
// Can the security tests fail? Each entry of test/security/mutations.json is a one-line break of
// security code (a header dropped, a check emptied, a fuse flipped). This script copies the
// repository to a scratch folder (node_modules linked, the working tree never touched), checks that
// the listed tests pass there as it is, then applies each mutation alone and runs its tests: at
// least one must fail. A mutation whose search text is not found exactly once is an error too, so
// the list keeps up as the code moves. Prints each outcome and "N of N mutations caught"; writes
// test-results/security-mutations.json (npm test counts each mutation as one test); exits 1 when any
// mutation survived or could not be applied.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { mutations } = JSON.parse(fs.readFileSync(path.join(root, 'test', 'security', 'mutations.json'), 'utf8'));
const only = process.argv.slice(2);
const chosen = only.length > 0 ? mutations.filter((m) => only.includes(m.id)) : mutations;

/** The repository's files as git sees them (tracked and new, not ignored), copied; node_modules linked. */
function scratchCopy() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-mutations-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root }).toString('utf8').split('\0').filter(Boolean);
  for (const rel of files) {
    const from = path.join(root, rel);
    if (!fs.existsSync(from)) continue; // deleted in the working tree
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.copyFileSync(from, path.join(dir, rel));
  }
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

function runTests(dir, tests) {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--reporter=dot', ...tests], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { passed: r.status === 0, output: `${r.stdout}\n${r.stderr}` };
}

const started = Date.now();
const dir = scratchCopy();
const results = [];
try {
  const allTests = [...new Set(chosen.flatMap((m) => m.tests))];
  const baseline = runTests(dir, allTests);
  if (!baseline.passed) {
    console.log(baseline.output.slice(-3000));
    console.log('The listed tests fail without any mutation: fix them first.');
    process.exitCode = 1;
  } else {
    for (const m of chosen) {
      const file = path.join(dir, m.file);
      const original = fs.readFileSync(file, 'utf8');
      const count = original.split(m.search).length - 1;
      if (count !== 1) {
        results.push({ id: m.id, outcome: 'invalid', detail: `search text found ${count} times in ${m.file}` });
        console.log(`INVALID   ${m.id}: search text found ${count} times in ${m.file}`);
        continue;
      }
      fs.writeFileSync(file, original.replace(m.search, m.replace));
      try {
        const run = runTests(dir, m.tests);
        const outcome = run.passed ? 'survived' : 'caught';
        results.push({ id: m.id, outcome, why: m.why });
        console.log(`${outcome === 'caught' ? 'caught   ' : 'SURVIVED '} ${m.id} — ${m.why} (${m.tests.join(', ')})`);
      } finally {
        fs.writeFileSync(file, original);
      }
    }
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
const caught = results.filter((r) => r.outcome === 'caught').length;
fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
fs.writeFileSync(path.join(root, 'test-results', 'security-mutations.json'), `${JSON.stringify({ total: chosen.length, caught, results }, null, 2)}\n`);
console.log(`${caught} of ${chosen.length} mutations caught (${((Date.now() - started) / 1000).toFixed(0)} s)`);
if (caught !== chosen.length) process.exitCode = 1;
