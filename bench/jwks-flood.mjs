#!/usr/bin/env node
// JWKS under a forged-address flood, against the production server (server.mjs) this script starts itself on
// 127.0.0.1 with rate limits on and no trusted proxies, as when the portal is exposed directly:
//   - a flood of GET /api/accounts/{apiKey}/jwks.json from 1 000 forged X-Forwarded-For addresses (all of them really
//     127.0.0.1), bounded: BENCH_FLOOD_REQUESTS (20 000) or BENCH_FLOOD_SECONDS (30), whichever comes first;
//   - meanwhile one well-behaved client on 127.0.0.2 (all of 127.0.0.0/8 is this machine on Linux) fetches the key
//     set once every BENCH_POLL_MS (100), revalidating with its ETag as the collaboration service's cache would.
// Reports the requests per second the server answered (by status: the flood is one client, so past its limit it gets
// 429) and the well-behaved client's p50 / p99 and statuses, which should all be 304 (or 200).
// Usage: npm run build && npm run bench:jwks-flood
// Knobs: BENCH_PORT (free port by default), BENCH_FLOOD_REQUESTS, BENCH_FLOOD_SECONDS, BENCH_CONCURRENCY (32),
//   BENCH_POLL_MS. Prints a table and writes bench/results/jwks-flood.json. Timing never decides the exit code;
//   a well-behaved request that is refused or fails does.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as bench from './common.mjs';

const CONFIG = {
  floodRequests: bench.envNumber('BENCH_FLOOD_REQUESTS', 20_000),
  floodSeconds: bench.envNumber('BENCH_FLOOD_SECONDS', 30),
  concurrency: bench.envNumber('BENCH_CONCURRENCY', 32),
  pollMs: bench.envNumber('BENCH_POLL_MS', 100),
  forgedAddresses: 1000,
};
const WELL_BEHAVED_ADDRESS = '127.0.0.2';

const log = bench.logger('bench:jwks-flood');

const floodAgent = new Agent({ keepAlive: true, maxSockets: CONFIG.concurrency });
const clientAgent = new Agent({ keepAlive: true, maxSockets: 1 });

/** One request; resolves with status, headers, body and milliseconds taken. */
function send(url, { method = 'GET', headers = {}, body, agent = floodAgent, localAddress } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(url, { method, headers, agent, localAddress }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, body: text, ms: performance.now() - started }),
      );
    });
    req.once('error', reject);
    req.end(body);
  });
}

/** A forged client address, one of CONFIG.forgedAddresses (documentation and private ranges). */
function forged(index) {
  const n = index % CONFIG.forgedAddresses;
  return `10.${n >> 8}.${n & 255}.7, 203.0.113.${n % 250}`;
}

const tally = (statuses) =>
  statuses.reduce((counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {});

// ---------------------------------------------------------------- set-up

async function startServer(dataDir) {
  const port = await bench.freePort();
  const server = bench.startNextServer(port, {
    RTC_DOCTOR_DATA_DIR: dataDir,
    DATABASE_URL: '',
    RTC_DOCTOR_RATE_LIMITS: 'on',
    RTC_DOCTOR_TRUSTED_PROXIES: '',
  });
  const baseURL = `http://127.0.0.1:${port}`;
  for (;;) {
    if (server.child.exitCode !== null)
      throw new Error(`server.mjs exited with ${server.child.exitCode}: ${server.output()}`);
    try {
      if ((await fetch(`${baseURL}/api/clock`)).ok) break;
    } catch {
      // not listening yet
    }
    await bench.sleep(200);
  }
  return { baseURL, server };
}

/** An owner signs up (which makes the account), then uploads one RS256 public key through the API. */
async function createAccountWithKey(baseURL) {
  const origin = { origin: baseURL, 'content-type': 'application/json' };
  const signUp = await send(`${baseURL}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: origin,
    body: JSON.stringify({
      name: 'Bench Owner',
      email: `bench-${process.pid}@example.test`,
      password: 'a long enough bench password',
    }),
  });
  if (signUp.status !== 200) throw new Error(`sign-up answered ${signUp.status}: ${signUp.body.slice(0, 300)}`);
  const cookie = []
    .concat(signUp.headers['set-cookie'] ?? [])
    .map((line) => line.split(';')[0])
    .join('; ');
  const page = await send(`${baseURL}/account`, { headers: { cookie } });
  const apiKey = /rtc_[A-Za-z0-9_-]{24}/.exec(page.body)?.[0];
  if (!apiKey) throw new Error(`the account page (${page.status}) shows no API key`);
  const jwk = {
    ...generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' }),
    kid: 'bench-flood',
    alg: 'RS256',
  };
  const upload = await send(`${baseURL}/api/accounts/${apiKey}/keys`, {
    method: 'POST',
    headers: { ...origin, cookie },
    body: JSON.stringify({ key: JSON.stringify(jwk) }),
  });
  if (upload.status !== 201) throw new Error(`the key upload answered ${upload.status}: ${upload.body.slice(0, 300)}`);
  return apiKey;
}

// ---------------------------------------------------------------- the flood and the well-behaved client

async function flood(url) {
  const statuses = [];
  const started = performance.now();
  const deadline = started + CONFIG.floodSeconds * 1000;
  let sent = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: CONFIG.concurrency }, async () => {
      while (sent < CONFIG.floodRequests && performance.now() < deadline) {
        const index = sent++;
        try {
          statuses.push(
            (await send(url, { headers: { 'x-forwarded-for': forged(index), 'x-rtc-doctor-peer': '198.51.100.1' } }))
              .status,
          );
        } catch {
          errors++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    requests: statuses.length,
    errors,
    seconds: bench.round(seconds, 2),
    perSecond: bench.round(statuses.length / seconds),
    statuses: tally(statuses),
  };
}

async function wellBehaved(url, isFlooding) {
  const first = await send(url, { agent: clientAgent, localAddress: WELL_BEHAVED_ADDRESS });
  if (first.status !== 200)
    throw new Error(`the well-behaved client's first fetch answered ${first.status}: ${first.body.slice(0, 300)}`);
  const etag = first.headers.etag;
  const samples = [];
  const statuses = [];
  while (isFlooding()) {
    const next = performance.now() + CONFIG.pollMs;
    try {
      const answer = await send(url, {
        agent: clientAgent,
        localAddress: WELL_BEHAVED_ADDRESS,
        headers: { 'if-none-match': etag },
      });
      samples.push(answer.ms);
      statuses.push(answer.status);
    } catch (error) {
      statuses.push(`error: ${error.code ?? error.message}`);
    }
    await bench.sleep(Math.max(0, next - performance.now()));
  }
  return {
    requests: statuses.length,
    p50Ms: samples.length ? bench.round(bench.percentile(samples, 0.5), 2) : null,
    p99Ms: samples.length ? bench.round(bench.percentile(samples, 0.99), 2) : null,
    maxMs: samples.length ? bench.round(Math.max(...samples), 2) : null,
    statuses: tally(statuses),
  };
}

// ---------------------------------------------------------------- main

async function main() {
  if (!bench.hasProductionBuild()) {
    console.error(bench.noBuildMessage('bench:jwks-flood'));
    process.exit(2);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'rtc-doctor-bench-jwks-flood-'));
  let started;
  try {
    log('starting the production server (server.mjs) on 127.0.0.1, rate limits on, no trusted proxies');
    started = await startServer(dataDir);
    const apiKey = await createAccountWithKey(started.baseURL);
    const url = `${started.baseURL}/api/accounts/${apiKey}/jwks.json`;
    log(
      `flooding ${url} from ${CONFIG.forgedAddresses} forged addresses: up to ${CONFIG.floodRequests} requests or ${CONFIG.floodSeconds} s, ${CONFIG.concurrency} at a time`,
    );
    const loadBefore = bench.loadAverage();
    let flooding = true;
    const client = wellBehaved(url, () => flooding);
    const floodResult = await flood(url).finally(() => (flooding = false));
    const clientResult = await client;
    const results = {
      config: CONFIG,
      cpus: cpus().length,
      loadBefore,
      loadAfter: bench.loadAverage(),
      flood: floodResult,
      wellBehaved: clientResult,
    };

    console.log(
      `\nJWKS flood: ${floodResult.requests} requests in ${floodResult.seconds} s from ${CONFIG.forgedAddresses} forged addresses (${floodResult.errors} failed to connect)`,
    );
    console.table({
      flood: {
        'answered/s': floodResult.perSecond,
        requests: floodResult.requests,
        statuses: JSON.stringify(floodResult.statuses),
      },
      'well-behaved client': {
        'p50 ms': clientResult.p50Ms,
        'p99 ms': clientResult.p99Ms,
        'max ms': clientResult.maxMs,
        requests: clientResult.requests,
        statuses: JSON.stringify(clientResult.statuses),
      },
    });
    console.log(`Load average (1 min): ${loadBefore[0]} → ${results.loadAfter[0]} on ${results.cpus} cores.`);
    bench.writeResults('jwks-flood', results);

    const refused = Object.keys(clientResult.statuses).filter((status) => status !== '200' && status !== '304');
    if (refused.length) {
      console.error(`The well-behaved client was not always served: ${JSON.stringify(clientResult.statuses)}`);
      process.exitCode = 1;
    }
  } finally {
    floodAgent.destroy();
    clientAgent.destroy();
    await started?.server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
