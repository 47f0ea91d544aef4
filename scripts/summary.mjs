// Totals over every suite test.sh ran. A suite that crashed or reported
// nothing counts as one failure, so an empty run can never look green.
// Prints per-suite lines, then `N passed, N failed` last; exits 1 on any failure.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? '.reports';
const read = (file) => {
  try {
    return fs.readFileSync(path.join(dir, file), 'utf8').trim();
  } catch {
    return null;
  }
};
const readJson = (file) => {
  const text = read(file);
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

const suites = [];
for (const name of ['typecheck', 'lint', 'build']) {
  const status = read(`${name}.status`);
  suites.push({ name, passed: status === 'passed' ? 1 : 0, failed: status === 'passed' ? 0 : 1, note: status ?? 'did not run' });
}

const vitest = readJson('vitest.json');
if (vitest && typeof vitest.numPassedTests === 'number' && vitest.numTotalTests > 0) {
  // Skipped and todo tests count as failures: a skipped test kept green hides a defect.
  const skipped = (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  const crashed = read('vitest.exit') !== '0' && vitest.numFailedTests === 0 ? 1 : 0;
  const failed = vitest.numFailedTests + skipped + crashed;
  suites.push({ name: 'unit+integration', passed: vitest.numPassedTests, failed, note: `${vitest.numTotalTests} tests` });
} else suites.push({ name: 'unit+integration', passed: 0, failed: 1, note: 'crashed or reported no tests' });

const pw = readJson('playwright.json');
if (pw && pw.stats && pw.stats.expected + pw.stats.unexpected + pw.stats.flaky > 0) {
  const { expected, unexpected, flaky, skipped } = pw.stats;
  // A skipped e2e test is a failure here: e2e is never skipped.
  const failed = unexpected + skipped + (read('playwright.exit') === '0' || unexpected ? 0 : 1);
  const flakyNames = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) for (const t of spec.tests ?? []) if (t.status === 'flaky') flakyNames.push(spec.title);
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of pw.suites ?? []) walk(suite);
  const flakyNote = flakyNames.length ? `; flaky (passed on retry): ${flakyNames.join(' | ')}` : '';
  suites.push({ name: 'e2e', passed: expected + flaky, failed, note: `${expected + unexpected + flaky + skipped} tests${flakyNote}` });
} else suites.push({ name: 'e2e', passed: 0, failed: 1, note: 'crashed or reported no tests' });

// The benchmark smoke run (.ci/run adds it after the README's test command).
const bench = read('bench.status');
if (bench !== null) suites.push({ name: 'bench --quick', passed: bench === 'passed' ? 1 : 0, failed: bench === 'passed' ? 0 : 1, note: bench });

for (const suite of suites) console.log(`  ${suite.name.padEnd(18)} ${suite.passed} passed, ${suite.failed} failed (${suite.note})`);
const passed = suites.reduce((sum, s) => sum + s.passed, 0);
const failed = suites.reduce((sum, s) => sum + s.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
