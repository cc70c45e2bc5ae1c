// Helpers the benchmark scripts share. Plain ESM so the .mjs benches run with bare node; the .ts ones import it
// through tsx (types in common.d.mts, since tsconfig does not read JavaScript).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname;

export const envNumber = (name, fallback) => Number(process.env[name] ?? fallback);

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const round = (value, digits = 1) => (Number.isFinite(value) ? +value.toFixed(digits) : value);
export const loadAverage = () => loadavg().map((value) => round(value, 2));
/** Progress goes to stderr so stdout holds only the results. */
export const logger = (name) => (message) => process.stderr.write(`[${name}] ${message}\n`);

const sortedCopy = (values) => Array.from(values).sort((a, b) => a - b);

/** Nearest rank, `fraction` in (0, 1]: the figure reported is always a measured sample, never a blend of two. */
export function percentile(values, fraction) {
  const sorted = sortedCopy(values);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

/** Of an even count, the upper of the two middle samples: like percentile, always a measured one. */
export const median = (values) => sortedCopy(values)[Math.floor(values.length / 2)];

// BENCH_PORT pins the first port, for machines where ports are handed out; each further server takes the next one.
let pinnedPort = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : undefined;

export function freePort() {
  if (pinnedPort !== undefined) return Promise.resolve(pinnedPort++);
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------- detached servers

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
function killAllOnExit() {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.once('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));
}

/**
 * Starts a long-running process in its own group. Rate limits are off because the load is meant to measure the
 * server, not its limiter. `output()` is the tail of stdout and stderr, for error messages; `stop()` asks the
 * process to end and kills it after five seconds; `kill()` kills it at once.
 */
export function startDetached(command, args, env = {}) {
  killAllOnExit();
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
export function startNextServer(port, env = {}) {
  return startDetached(process.execPath, [join(ROOT, 'server.mjs')], {
    NODE_ENV: 'production',
    ...env,
    PORT: String(port),
    HOSTNAME: '127.0.0.1',
  });
}
