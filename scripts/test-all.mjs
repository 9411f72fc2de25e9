// npm test: typecheck, lint, vitest, then the Playwright e2e suite against the browser host.
// Every step runs even when an earlier one failed, so one run reports everything. Typecheck and
// lint count as one test each; vitest and Playwright counts come from their JSON reports. The last
// line is exactly "N passed, N failed" (", N skipped" when any were skipped) — CI reads it.
// FIELDBENCH_SKIP_E2E=1 leaves out the build and the e2e suite for quick local runs;
// FIELDBENCH_SKIP_MUTATIONS=1 leaves out the security mutation check.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, 'test-results');
fs.mkdirSync(resultsDir, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

/** Runs one step with its output streamed; returns true when it exited 0. */
function run(title, command, args, env = {}) {
  console.log(`\n=== ${title}: ${[path.basename(command), ...args].join(' ')}`);
  const started = Date.now();
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (r.error) console.log(`=== ${title}: could not start (${r.error.message})`);
  else console.log(`=== ${title}: ${r.status === 0 ? 'ok' : `exit ${r.status ?? r.signal}`} in ${seconds} s`);
  return r.status === 0;
}

/** A report written by this run, or null when the step left none (or an unreadable one). */
function readReport(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const suites = [];
const add = (name, passed, failed, skipped = 0, note = '') => suites.push({ name, passed, failed, skipped, note });
const single = (name, ok, note = '') => add(name, ok ? 1 : 0, ok ? 0 : 1, 0, note);

// (a) typecheck
single('typecheck', run('typecheck', bin('tsc'), ['-b']));

// (b) lint
const eslintConfigs = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];
if (eslintConfigs.some((f) => fs.existsSync(path.join(root, f)))) {
  single('lint', run('lint', bin('eslint'), ['.']));
} else {
  console.log('\n=== lint: WARNING: no eslint.config.js in the repository root; counting lint as failed.');
  single('lint', false, 'no eslint config');
}

// (c) vitest
const vitestJson = path.join(resultsDir, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
const vitestOk = run('vitest', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
const vitest = readReport(vitestJson);
if (vitest && typeof vitest.numTotalTests === 'number') {
  const failed = vitest.numFailedTests;
  // A file that fails to load fails the run without failing any test: count it so it cannot pass silently.
  const unexplained = !vitestOk && failed === 0 ? 1 : 0;
  add('vitest', vitest.numPassedTests, failed + unexplained, vitest.numPendingTests + vitest.numTodoTests, unexplained ? 'failed outside any test (see output)' : '');
} else {
  add('vitest', 0, 1, 0, 'no report');
}

// (d) build + Playwright e2e in Debian's Chromium against the browser host
if (process.env.FIELDBENCH_SKIP_E2E === '1') {
  console.log('\n=== e2e: skipped (FIELDBENCH_SKIP_E2E=1); the build and the e2e suite were not run and count as nothing.');
} else if (!run('build', 'npm', ['run', 'build'])) {
  single('build (for e2e)', false, 'e2e not run');
} else {
  // The config writes its JSON report here (test/e2e/playwright.config.ts).
  const e2eJson = path.join(resultsDir, 'e2e.json');
  fs.rmSync(e2eJson, { force: true });
  const e2eOk = run('e2e', bin('playwright'), ['test', '-c', 'test/e2e/playwright.config.ts']);
  const e2e = readReport(e2eJson);
  if (e2e?.stats) {
    const failed = e2e.stats.unexpected + e2e.stats.flaky;
    // Errors outside tests (config, fixtures that could not start) fail the run with no failed test.
    const unexplained = !e2eOk && failed === 0 ? 1 : 0;
    add('e2e', e2e.stats.expected, failed + unexplained, e2e.stats.skipped, unexplained ? 'failed outside any test (see output)' : '');
  } else {
    add('e2e', 0, 1, 0, 'no report');
  }
}

// (e) security mutations: each one-line break of security code must make a test fail (scripts/security-mutations.mjs)
if (process.env.FIELDBENCH_SKIP_MUTATIONS === '1') {
  console.log('\n=== security mutations: skipped (FIELDBENCH_SKIP_MUTATIONS=1).');
} else {
  const mutationsJson = path.join(resultsDir, 'security-mutations.json');
  fs.rmSync(mutationsJson, { force: true });
  const mutationsOk = run('security mutations', process.execPath, ['scripts/security-mutations.mjs']);
  const report = readReport(mutationsJson);
  if (report && typeof report.total === 'number') {
    // Each mutation counts as one test: caught passes, survived or not applicable fails.
    const failed = report.total - report.caught;
    add('security mutations', report.caught, failed + (!mutationsOk && failed === 0 ? 1 : 0), 0, failed > 0 ? 'a mutation survived (see output)' : '');
  } else {
    add('security mutations', 0, 1, 0, 'no report');
  }
}

const total = suites.reduce((t, s) => ({ passed: t.passed + s.passed, failed: t.failed + s.failed, skipped: t.skipped + s.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log('\nsuite                passed  failed  skipped');
for (const s of suites) {
  console.log(`${s.name.padEnd(20)} ${String(s.passed).padStart(6)}  ${String(s.failed).padStart(6)}  ${String(s.skipped).padStart(7)}${s.note ? `  (${s.note})` : ''}`);
}
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped > 0 ? `, ${total.skipped} skipped` : ''}`);
// exitCode rather than exit(): lets stdout flush when it is a pipe (CI tees it).
process.exitCode = total.failed > 0 ? 1 : 0;
