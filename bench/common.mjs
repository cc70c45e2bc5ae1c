// Helpers the benchmark scripts share (the server launcher is scripts/server-launcher.cjs, shared with e2e). Plain ESM so the .mjs benches run with bare node; the .ts ones import it
// through tsx (types in common.d.mts, since tsconfig does not read JavaScript).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { ROOT, startDetached } from '../scripts/server-launcher.cjs';

export { ROOT, startDetached, startNextServer } from '../scripts/server-launcher.cjs';

/** Whether `npm run build` has made the production build the server benches start. */
export const hasProductionBuild = () => existsSync(join(ROOT, '.next/BUILD_ID'));

export const noBuildMessage = (script) =>
  `No production build (.next/BUILD_ID is missing): run \`npm run build\` first, then \`npm run ${script}\`.`;

/** Writes a bench's figures to bench/results/NAME.json and returns the file's path. */
export function writeResults(name, data) {
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  const file = join(ROOT, 'bench/results', `${name}.json`);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

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

/**
 * Starts one of the bare baseline servers (`node SCRIPT ...args`), which print {"port": N} once listening, and
 * resolves with the process and its URL; stops it and rejects when no port is printed within ten seconds.
 */
export async function startBaseline(script, args) {
  const server = startDetached(process.execPath, [script, ...args]);
  let port;
  for (let attempt = 0; attempt < 100 && !port; attempt++) {
    port = /"port":(\d+)/.exec(server.output())?.[1];
    if (!port) await sleep(100);
  }
  if (!port) {
    await server.stop();
    throw new Error(`${script} did not start:\n${server.output()}`);
  }
  return { server, url: `http://127.0.0.1:${port}/` };
}
