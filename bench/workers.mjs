#!/usr/bin/env node
// RTC_DOCTOR_WORKERS on PostgreSQL (issue 18): token diagnoses and session creates per second with 1 and with 2
// worker processes sharing the port, side by side in one run. Both servers run at once on a throw-away database;
// rounds alternate between them (1, 2, 1, 2, …) so that a change in the machine's load falls on both alike.
// Each round is a closed loop: BENCH_CONCURRENCY clients, each sending its next request when the last is answered,
// for BENCH_SECONDS. The load generator runs on the same machine and takes CPU of its own: read the figures as what
// a second worker adds here, not as a ceiling.
// Usage: npm run build && TEST_DATABASE_URL=postgres://… npm run bench:workers
// Knobs: BENCH_SECONDS (8), BENCH_ROUNDS (3), BENCH_CONCURRENCY (32). Writes bench/results/workers.json.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { cpus } from 'node:os';
import { SignJWT } from 'jose';
import * as bench from './common.mjs';
import { createThrowawayDatabase } from '../lib/db/test-postgres.ts';

const CONFIG = {
  seconds: bench.envNumber('BENCH_SECONDS', 8),
  rounds: bench.envNumber('BENCH_ROUNDS', 3),
  concurrency: bench.envNumber('BENCH_CONCURRENCY', 32),
};
const log = bench.logger('bench:workers');

async function startServer(workers, databaseUrl, secret) {
  const port = await bench.freePort();
  const server = bench.startNextServer(port, {
    DATABASE_URL: databaseUrl,
    BETTER_AUTH_SECRET: secret,
    RTC_DOCTOR_WORKERS: String(workers),
    RTC_DOCTOR_LOG_FORMAT: 'json',
  });
  const baseURL = `http://127.0.0.1:${port}`;
  for (;;) {
    if (server.child.exitCode !== null)
      throw new Error(`the server exited with ${server.child.exitCode}: ${server.output()}`);
    try {
      if ((await fetch(`${baseURL}/api/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    await bench.sleep(200);
  }
  return { workers, baseURL, server };
}

const agent = new Agent({ keepAlive: true, maxSockets: 1024 });

function post(url, body) {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}

/** A closed loop of CONFIG.concurrency clients for CONFIG.seconds: requests per second and latency percentiles. */
async function closedLoop(send, expected) {
  const latencies = [];
  const unexpected = new Map();
  const until = performance.now() + CONFIG.seconds * 1000;
  let sequence = 0;
  await Promise.all(
    Array.from({ length: CONFIG.concurrency }, async () => {
      while (performance.now() < until) {
        const started = performance.now();
        const status = await send(sequence++);
        latencies.push(performance.now() - started);
        if (status !== expected) unexpected.set(status, (unexpected.get(status) ?? 0) + 1);
      }
    }),
  );
  if (unexpected.size) throw new Error(`unexpected answers: ${JSON.stringify(Object.fromEntries(unexpected))}`);
  return {
    perSecond: latencies.length / CONFIG.seconds,
    p50: bench.percentile(latencies, 0.5),
    p99: bench.percentile(latencies, 0.99),
  };
}

async function main() {
  if (!bench.hasProductionBuild()) throw new Error(bench.noBuildMessage('bench:workers'));
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('Set TEST_DATABASE_URL (a PostgreSQL server; a throw-away database is made on it).');
  const database = await createThrowawayDatabase(serverUrl, 'rtc_doctor_bench');
  const secret = randomBytes(32).toString('base64url');
  const servers = [];
  try {
    for (const workers of [1, 2]) servers.push(await startServer(workers, database.url, secret));
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwks = { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'bench' }] };
    const tokens = await Promise.all(
      Array.from({ length: 256 }, (_, index) =>
        new SignJWT({ sub: `user-${index}` })
          .setProtectedHeader({ alg: 'RS256', kid: 'bench' })
          .setIssuedAt()
          .setExpirationTime('2h')
          .sign(privateKey),
      ),
    );
    const run = randomBytes(4).toString('hex');
    const loads = {
      diagnose: (server) =>
        closedLoop(
          (index) =>
            post(
              `${server.baseURL}/api/tokens/diagnose`,
              JSON.stringify({ token: tokens[index % tokens.length], jwks }),
            ),
          200,
        ),
      'session create': (server) =>
        closedLoop(
          (index) =>
            post(
              `${server.baseURL}/api/sessions/bench-${run}-${server.workers}-${index}-${Math.random().toString(36).slice(2)}`,
              JSON.stringify({ keyHint: `hint-${index}` }),
            ),
          201,
        ),
    };
    const samples = { diagnose: { 1: [], 2: [] }, 'session create': { 1: [], 2: [] } };
    for (let round = 1; round <= CONFIG.rounds; round++)
      for (const [name, load] of Object.entries(loads))
        for (const server of servers) {
          log(`round ${round}/${CONFIG.rounds}: ${name}, ${server.workers} worker(s)`);
          samples[name][server.workers].push(await load(server));
        }

    const rows = [];
    for (const [name, byWorkers] of Object.entries(samples)) {
      const medianOf = (workers, field) => bench.median(byWorkers[workers].map((sample) => sample[field]));
      const one = medianOf(1, 'perSecond');
      const two = medianOf(2, 'perSecond');
      rows.push({
        load: name,
        '1 worker /s': bench.round(one, 0),
        '2 workers /s': bench.round(two, 0),
        'speed-up': bench.round(two / one, 2),
        'p50 ms (1 / 2)': `${bench.round(medianOf(1, 'p50'))} / ${bench.round(medianOf(2, 'p50'))}`,
        'p99 ms (1 / 2)': `${bench.round(medianOf(1, 'p99'))} / ${bench.round(medianOf(2, 'p99'))}`,
      });
    }
    console.table(rows);
    const machine = `Node ${process.version}, ${cpus().length} CPUs, load average ${bench.loadAverage().join(' ')}`;
    console.log(
      `Machine: ${machine}. Medians of ${CONFIG.rounds} rounds of ${CONFIG.seconds} s, ${CONFIG.concurrency} clients.`,
    );
    console.log(`Results: ${bench.writeResults('workers', { config: CONFIG, machine, rows, samples })}`);
  } finally {
    await Promise.all(servers.map(({ server }) => server.stop()));
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
