// The one way the e2e suite and the benchmarks start the production server (server.mjs, as `npm start` runs it).
// CommonJS, which both the .mjs benches (bare node) and Playwright's TypeScript loader can import; types in
// server-launcher.d.cts.
'use strict';
const { spawn } = require('node:child_process');
const { createWriteStream } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');

// Servers run in their own process groups, so that one signal also reaches any processes they start. A terminal's
// Ctrl+C misses those groups, and a crash skips the scripts' clean-up: whatever is still running when this process
// exits is killed here. Only SIGKILL will do then: an exiting process cannot wait for a graceful stop.
const running = new Set();

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function killAll() {
  for (const server of running) server.kill();
}

let cleanupInstalled = false;
let signalsHandled = false;
/** `onSignals`: also end this process on Ctrl+C or SIGTERM (a bench script); a test runner's worker handles its own. */
function killAllOnExit(onSignals) {
  if (!cleanupInstalled) process.once('exit', killAll);
  cleanupInstalled = true;
  if (!onSignals || signalsHandled) return;
  signalsHandled = true;
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));
}

/**
 * Starts a long-running process in its own group. Rate limits are off because the load is meant to measure the
 * server, not its limiter. `output()` is the tail of stdout and stderr, for error messages; with `logFile`, all of
 * it is appended there too (the e2e run's server logs, which scripts/scan-server-logs.mjs reads). `stop()` asks the
 * process to end and kills it after five seconds; `kill()` kills it at once.
 */
function startDetached(command, args, env = {}, { onSignals = true, logFile } = {}) {
  killAllOnExit(onSignals);
  const child = spawn(command, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', RTC_DOCTOR_RATE_LIMITS: 'off', ...env },
  });
  let output = '';
  const keep = (chunk) => (output = (output + chunk).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  if (logFile) {
    const log = createWriteStream(logFile, { flags: 'a' });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    // 'close' comes after both streams have ended.
    child.once('close', () => log.end());
  }
  const server = {
    child,
    output: () => output,
    kill() {
      running.delete(server);
      signalGroup(child, 'SIGKILL');
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        signalGroup(child, 'SIGTERM');
        let timer;
        await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 5000)))]);
        clearTimeout(timer);
      }
      server.kill(); // for whatever in the group ignored SIGTERM or outlived its leader
    },
  };
  running.add(server);
  return server;
}

/** The production server (server.mjs, as `npm start` runs it) of the build in .next, on 127.0.0.1. */
function startNextServer(port, env = {}, options = {}) {
  return startDetached(
    process.execPath,
    [join(ROOT, 'server.mjs')],
    { NODE_ENV: 'production', ...env, PORT: String(port), HOSTNAME: '127.0.0.1' },
    options,
  );
}

/** Resolves once `url` answers 200; rejects when the server exits first. */
async function waitUntilAnswering(server, url) {
  for (;;) {
    if (server.child.exitCode !== null)
      throw new Error(`${url} never answered: the server exited with ${server.child.exitCode}: ${server.output()}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(5_000) })).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

module.exports = { ROOT, startDetached, startNextServer, waitUntilAnswering };
