#!/usr/bin/env node
// The whole suite, as `npm test` runs it: unit tests, a production build, then e2e in Debian's Chromium.
// Ends with one line, "N passed, N failed, N skipped", which CI reads.
//
//   npm test                                   everything; PostgreSQL suites too when TEST_DATABASE_URL is set
//   npm test -- --postgres [--reuse-build]     only the PostgreSQL suites and the standalone smoke test (needs
//                                              TEST_DATABASE_URL)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { CHROMIUM_PATH } from './chromium.cjs';
import { PYTHON_CANDIDATES, PYTHON_PACKAGES, pythonWithPyJwt } from './python.cjs';

const flags = new Set(process.argv.slice(2));
const unknown = [...flags].filter((flag) => !['--postgres', '--reuse-build'].includes(flag));
if (unknown.length > 0) {
  console.error(`Unknown option ${unknown.join(' ')}. Usage: npm test [-- --postgres [--reuse-build]]`);
  process.exit(2);
}
const postgresOnly = flags.has('--postgres');

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
// Tests choose their databases themselves (embedded, or TEST_DATABASE_URL); a DATABASE_URL left in the shell
// must never point them at a real database.
if (env.DATABASE_URL) {
  console.log('DATABASE_URL is set in this shell; the tests ignore it (PostgreSQL suites use TEST_DATABASE_URL).');
  delete env.DATABASE_URL;
}
if (postgresOnly && !env.TEST_DATABASE_URL) {
  console.error(
    '--postgres runs the PostgreSQL suites, which need TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test).',
  );
  process.exit(2);
}
const chromiumPath = CHROMIUM_PATH;
const totals = { passed: 0, failed: 0, skipped: 0 };

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
  if (!env.TEST_DATABASE_URL)
    console.log('\nPostgreSQL suites were skipped: set TEST_DATABASE_URL to run them (see README, "Tests").');
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(totals.failed > 0 ? 1 : 0);
}

/** A step that broke before its runner could count anything still counts as one failure. */
function stepFailed(what) {
  console.error(`\n${what} failed.`);
  totals.failed += 1;
}

/** Installs Debian packages as root or through password-less sudo; says why not when it cannot. */
function aptInstall(packages, what) {
  const asRoot = process.getuid?.() === 0;
  const prefix = asRoot ? [] : ['sudo', '-n'];
  if (!asRoot && spawnSync('sudo', ['-n', 'true']).status !== 0) {
    console.error(`Installing ${what} needs root, and sudo cannot run here without a password.`);
    return false;
  }
  const apt = (...args) => {
    const [command, ...rest] = [...prefix, 'apt-get', ...args];
    return run(command, rest);
  };
  return apt('update', '-qq') && apt('install', '-y', '-qq', ...packages);
}

function ensureChromium() {
  if (existsSync(chromiumPath)) return true;
  if (env.CHROME_PATH) {
    console.error(
      `CHROME_PATH is ${env.CHROME_PATH}, which does not exist. Point it at a Chromium binary, or unset it to use Debian's.`,
    );
    return false;
  }
  console.log(`\nChromium is missing at ${chromiumPath}; installing Debian's package.`);
  return aptInstall(['chromium'], 'Chromium') || existsSync(chromiumPath);
}

/** The Python token endpoint runs where PyJWT can be had; without it that one test is skipped, never failed. */
function ensurePyJwt() {
  if (pythonWithPyJwt()) return;
  console.log(`\nNo ${PYTHON_CANDIDATES.join(' or ')} imports PyJWT; installing ${PYTHON_PACKAGES.join(' and ')}.`);
  if (!aptInstall(PYTHON_PACKAGES, 'PyJWT') || !pythonWithPyJwt())
    console.log('PyJWT could not be installed, so the Python token endpoint test will be skipped.');
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

if (!postgresOnly) ensurePyJwt();

// PostgreSQL suites are named "… on postgres" (lib/db/test-databases.ts) and tagged @postgres in e2e.
const unitFilter = postgresOnly ? ['-t', 'on postgres'] : [];
const unitOk = run('npx', [
  'vitest',
  'run',
  ...unitFilter,
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/unit.json',
]);
const unit = readJson('test-results/unit.json');
if (unit) {
  totals.passed += unit.numPassedTests;
  totals.failed += unit.numFailedTests;
  // With a name filter, the tests it leaves out are not "skipped" in any sense a reader cares about.
  if (!postgresOnly) totals.skipped += unit.numPendingTests + unit.numTodoTests;
}
if (!unit || (!unitOk && unit.numFailedTests === 0)) stepFailed('The unit test run');

// Known-vulnerable dependencies, lint findings (the lib/ boundary among them) and unformatted files each fail
// the run like a test (scripts/audit.mjs: npm audit, else the pinned snapshot).
if (!postgresOnly) {
  const checks = [
    ['The dependency audit', 'node', ['scripts/audit.mjs']],
    ['ESLint', 'npx', ['eslint', '--max-warnings=0', '.']],
    ['The Prettier check', 'npx', ['prettier', '--check', '.']],
  ];
  for (const [what, command, args] of checks) {
    if (run(command, args)) totals.passed += 1;
    else stepFailed(what);
  }
}

if (!ensureChromium()) {
  stepFailed(
    `Installing Chromium (install it with: sudo apt-get install -y chromium, or set CHROME_PATH to a Chromium binary)`,
  );
  finish();
}
if (flags.has('--reuse-build') && existsSync('.next/BUILD_ID')) {
  console.log('\nReusing the production build in .next (--reuse-build).');
} else if (!run('npx', ['next', 'build'])) {
  stepFailed('The production build');
  finish();
}

const e2eOk = run('npx', ['playwright', 'test', ...(postgresOnly ? ['--grep', '@postgres'] : [])]);
const e2e = readJson('test-results/e2e.json');
if (e2e) {
  totals.passed += e2e.stats.expected + e2e.stats.flaky;
  totals.failed += e2e.stats.unexpected;
  totals.skipped += e2e.stats.skipped;
}
if (!e2e || (!e2eOk && e2e.stats.unexpected === 0)) stepFailed('The e2e run');

// Every server the e2e run started logged to test-results/server-*.log: no line may hold a token, a key, a cookie,
// a query string or a body.
if (run('node', ['scripts/scan-server-logs.mjs', 'test-results'])) totals.passed += 1;
else stepFailed('The server log scan');

// With PostgreSQL: what the Dockerfile does (clean install, standalone build, an unprivileged start, readiness, a
// diagnosis, SIGTERM), since CI has no container tools.
if (postgresOnly) {
  console.log('\n$ npx tsx scripts/standalone-smoke.ts');
  const smoke = spawnSync('npx', ['tsx', 'scripts/standalone-smoke.ts'], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(smoke.stdout ?? '');
  const counted = /standalone smoke: (\d+) passed, (\d+) failed/.exec(smoke.stdout ?? '');
  if (counted) {
    totals.passed += Number(counted[1]);
    totals.failed += Number(counted[2]);
  }
  if (!counted || (smoke.status !== 0 && Number(counted[2]) === 0)) stepFailed('The standalone smoke test');
}
finish();
