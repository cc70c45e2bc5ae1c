#!/usr/bin/env node
// Batch diagnosis throughput (contract §7, issue 17's goal): tokens per second through
// POST /api/tokens/diagnose-batch on the production server, against a bare node:http + jose.jwtVerify server taking
// one token per request (bench/tokens-baseline-server.mjs: the goal's yardstick), and against a bare verifier taking
// the same NDJSON batches (bench/batch-baseline-server.mjs: what the diagnosis itself costs). One after the other, in
// one run.
// Usage: npm run build && npm run bench:batch
// Knobs: BENCH_BATCH_TOKENS (20000 per side), BENCH_BATCH_SIZE (1000 tokens per batch), BENCH_BATCH_CONCURRENCY (2),
//   BENCH_CONCURRENCY (16, the baseline's requests in flight). Writes bench/results/batch.json; timing never fails it.
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  envNumber,
  freePort,
  hasProductionBuild,
  loadAverage,
  logger,
  noBuildMessage,
  round,
  sleep,
  startBaseline,
  startNextServer,
  writeResults,
} from './common.mjs';

const CONFIG = {
  tokens: envNumber('BENCH_BATCH_TOKENS', 20000),
  batchSize: envNumber('BENCH_BATCH_SIZE', 1000),
  batchConcurrency: envNumber('BENCH_BATCH_CONCURRENCY', 2),
  concurrency: envNumber('BENCH_CONCURRENCY', 16),
};
const GOAL = 0.8;
const log = logger('bench:batch');
const b64url = (value) => Buffer.from(value).toString('base64url');

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwks = { keys: [{ ...rsa.publicKey.export({ format: 'jwk' }), kid: 'bench-rsa', alg: 'RS256', use: 'sig' }] };
const iat = Math.floor(Date.now() / 1000);
// Every measured token distinct, so that no cache on either side can answer one twice.
const tokens = Array.from({ length: CONFIG.tokens }, (_, i) => {
  const input = `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'bench-rsa' }))}.${b64url(
    JSON.stringify({ sub: `user-${i}`, iat, exp: iat + 8 * 3600, jti: randomUUID() }),
  )}`;
  return `${input}.${b64url(sign('sha256', Buffer.from(input), rsa.privateKey))}`;
});

/** Runs `count` tasks with `concurrency` in flight; returns the seconds taken. */
async function timed(count, concurrency, task) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let index = next++; index < count; index = next++) await task(index);
    }),
  );
  return (performance.now() - started) / 1000;
}

async function untilAnswering(check, server, what) {
  for (let attempt = 0; attempt < 240; attempt++) {
    if (server.child.exitCode !== null) throw new Error(`${what} exited early:\n${server.output()}`);
    try {
      await check();
      return;
    } catch {
      await sleep(500);
    }
  }
  throw new Error(`${what} did not answer within two minutes:\n${server.output()}`);
}

/** The JWK set file both bare servers build their key set from. */
function jwksFileIn(work) {
  const file = join(work, 'jwks.json');
  writeFileSync(file, JSON.stringify(jwks));
  return file;
}

async function baseline(work) {
  const { server, url } = await startBaseline('bench/tokens-baseline-server.mjs', [jwksFileIn(work)]);
  try {
    let failures = 0;
    const one = async (index) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: tokens[index % tokens.length], jwks }),
      });
      if ((await response.json()).ok !== true) failures++;
    };
    await untilAnswering(() => one(0), server, 'the baseline server');
    await timed(Math.min(2000, CONFIG.tokens), CONFIG.concurrency, one);
    const seconds = await timed(CONFIG.tokens, CONFIG.concurrency, one);
    return {
      tokens: CONFIG.tokens,
      seconds: round(seconds, 3),
      tokensPerSecond: round(CONFIG.tokens / seconds),
      failures,
    };
  } finally {
    await server.stop();
  }
}

/** The same batches through `url`: the batch route, or the bare batch verifier. */
async function batches(url, server, what) {
  const line = (index) => JSON.stringify({ token: tokens[index % tokens.length], jwks });
  const count = Math.ceil(CONFIG.tokens / CONFIG.batchSize);
  let failures = 0;
  const one = async (batch) => {
    const body = Array.from({ length: CONFIG.batchSize }, (_, i) => line(batch * CONFIG.batchSize + i)).join('\n');
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
    const results = (await response.text()).trim().split('\n');
    failures += results.filter((result) => !result.startsWith('{"ok":true')).length;
    if (response.status !== 200 || results.length !== CONFIG.batchSize)
      throw new Error(`HTTP ${response.status}, ${results.length} lines: ${results[0]?.slice(0, 300)}`);
  };
  await untilAnswering(() => one(0), server, what);
  await timed(2, CONFIG.batchConcurrency, one);
  const seconds = await timed(count, CONFIG.batchConcurrency, one);
  const tokenCount = count * CONFIG.batchSize;
  return {
    tokens: tokenCount,
    batchSize: CONFIG.batchSize,
    seconds: round(seconds, 3),
    tokensPerSecond: round(tokenCount / seconds),
    failures,
  };
}

async function batchRoute() {
  const port = await freePort();
  const server = startNextServer(port, { RTC_DOCTOR_RATE_LIMITS: 'off' });
  try {
    return await batches(`http://127.0.0.1:${port}/api/tokens/diagnose-batch`, server, 'the production server');
  } finally {
    await server.stop();
  }
}

async function bareBatches(work) {
  const { server, url } = await startBaseline('bench/batch-baseline-server.mjs', [jwksFileIn(work)]);
  try {
    return await batches(url, server, 'the bare batch verifier');
  } finally {
    await server.stop();
  }
}

if (!hasProductionBuild()) {
  log(noBuildMessage('bench:batch'));
  process.exit(0);
}
const work = mkdtempSync(join(tmpdir(), 'rtc-doctor-bench-batch-'));
try {
  const loadBefore = loadAverage();
  log(`baseline: ${CONFIG.tokens} single-token requests, ${CONFIG.concurrency} in flight`);
  const bare = await baseline(work);
  log(`batch route: ${CONFIG.tokens} tokens in batches of ${CONFIG.batchSize}, ${CONFIG.batchConcurrency} in flight`);
  const batch = await batchRoute();
  log('bare batch verifier: the same batches, jose.jwtVerify per line and nothing else');
  const bareBatch = await bareBatches(work);
  const ratio = round(batch.tokensPerSecond / bare.tokensPerSecond, 3);
  const ratioToBareBatch = round(batch.tokensPerSecond / bareBatch.tokensPerSecond, 3);
  const results = {
    date: new Date().toISOString(),
    cpus: cpus().length,
    loadBefore,
    loadAfter: loadAverage(),
    config: CONFIG,
    baseline: bare,
    batch,
    ratio,
    goal: GOAL,
  };
  console.table([
    { side: 'bare node:http + jose.jwtVerify', tokensPerSecond: bare.tokensPerSecond, failures: bare.failures },
    { side: 'POST /api/tokens/diagnose-batch', tokensPerSecond: batch.tokensPerSecond, failures: batch.failures },
    {
      side: 'bare batch verifier (same NDJSON)',
      tokensPerSecond: bareBatch.tokensPerSecond,
      failures: bareBatch.failures,
    },
  ]);
  console.log(
    `batch route / bare one-token server: ${ratio} (goal ${GOAL}×); / bare batch verifier: ${ratioToBareBatch}`,
  );
  writeResults('batch', results);
} finally {
  rmSync(work, { recursive: true, force: true });
}
