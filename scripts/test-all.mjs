// npm test: typecheck, lint, vitest, then the Playwright e2e suite against the browser host.
// Every step runs even if an earlier one failed, and the last line sums them all:
// "N passed, N failed" (typecheck and lint count as one test each).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function run(title, command, args, env = {}) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${title}: exit ${r.status ?? r.signal} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return r.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const suites = [];
const single = (name, ok) => suites.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });

single('typecheck', run('typecheck', bin('tsc'), ['-b']));
single('lint', run('lint', bin('eslint'), ['.']));

const vitestJson = path.join(results, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
const vitestOk = run('vitest', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
const v = readJson(vitestJson);
if (v) suites.push({ name: 'vitest', passed: v.numPassedTests, failed: v.numFailedTests + (vitestOk || v.numFailedTests > 0 ? 0 : 1), skipped: v.numPendingTests + v.numTodoTests });
else suites.push({ name: 'vitest (no report)', passed: 0, failed: 1, skipped: 0 });

if (process.env.FIELDBENCH_SKIP_E2E === '1') {
  console.log('\n=== e2e: skipped (FIELDBENCH_SKIP_E2E=1)');
} else {
  const built = run('build', 'npm', ['run', 'build']);
  if (!built) single('build for e2e', false);
  else {
    const e2eJson = path.join(results, 'e2e.json');
    fs.rmSync(e2eJson, { force: true });
    const e2eOk = run('e2e', bin('playwright'), ['test', '-c', 'test/e2e/playwright.config.ts'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson });
    const e = readJson(e2eJson);
    if (e?.stats) {
      const failed = e.stats.unexpected + e.stats.flaky;
      suites.push({ name: 'e2e', passed: e.stats.expected, failed: failed + (e2eOk || failed > 0 ? 0 : 1), skipped: e.stats.skipped });
    } else suites.push({ name: 'e2e (no report)', passed: 0, failed: 1, skipped: 0 });
  }
}

console.log('\nsuite                passed  failed  skipped');
for (const s of suites) console.log(`${s.name.padEnd(20)} ${String(s.passed).padStart(6)}  ${String(s.failed).padStart(6)}  ${String(s.skipped).padStart(7)}`);
const total = suites.reduce((t, s) => ({ passed: t.passed + s.passed, failed: t.failed + s.failed, skipped: t.skipped + s.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 ? 1 : 0);
