#!/usr/bin/env node
// The whole suite, as `npm test` runs it: unit tests, a production build, then e2e in Debian's Chromium.
// Ends with one line, "N passed, N failed", which CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const chromiumPath = env.CHROME_PATH ?? '/usr/bin/chromium';
const totals = { passed: 0, failed: 0 };

function run(command, args) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return result.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function finish() {
  console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
  process.exit(totals.failed > 0 ? 1 : 0);
}

/** A step that broke before its runner could count anything still counts as one failure. */
function stepFailed(what) {
  console.error(`\n${what} failed.`);
  totals.failed += 1;
}

function ensureChromium() {
  if (existsSync(chromiumPath)) return true;
  console.log(`\nChromium is missing at ${chromiumPath}; installing Debian's package.`);
  const asRoot = process.getuid?.() === 0;
  const prefix = asRoot ? [] : ['sudo', '-n'];
  const apt = (...args) => {
    const [command, ...rest] = [...prefix, 'apt-get', ...args];
    return run(command, rest);
  };
  return (apt('update', '-qq') && apt('install', '-y', '-qq', 'chromium')) || existsSync(chromiumPath);
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

const unitOk = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json']);
const unit = readJson('test-results/unit.json');
if (unit) {
  totals.passed += unit.numPassedTests;
  totals.failed += unit.numFailedTests;
}
if (!unit || (!unitOk && unit.numFailedTests === 0)) stepFailed('The unit test run');

if (!ensureChromium()) {
  stepFailed(`Installing Chromium (run: apt-get install -y chromium)`);
  finish();
}
if (!run('npx', ['next', 'build'])) {
  stepFailed('The production build');
  finish();
}

const e2eOk = run('npx', ['playwright', 'test']);
const e2e = readJson('test-results/e2e.json');
if (e2e) {
  totals.passed += e2e.stats.expected + e2e.stats.flaky;
  totals.failed += e2e.stats.unexpected;
}
if (!e2e || (!e2eOk && e2e.stats.unexpected === 0)) stepFailed('The e2e run');
finish();
