#!/usr/bin/env node
// Token-diagnosis benchmarks (contract section 1), each against a bare baseline doing the least the job needs:
//   1. POST /api/tokens/diagnose on the production server vs a bare node:http + jose.jwtVerify server (requests/s)
//   2. the CLI batch mode (`rtc-doctor diagnose - --json`) vs a plain jose.jwtVerify loop (tokens/s, wall clock)
//   3. decodeToken on a ~4 KB token, the per-keystroke cost in the browser (mean and p99, microseconds)
// Usage: npm run build && npm run bench:tokens
// Prints a table and writes bench/results/tokens.json. Timing never decides the exit code; only a crash does.
// Knobs (environment): BENCH_CONCURRENCY (16), BENCH_REQUESTS (2000), BENCH_WARMUP (300), BENCH_API_TOKENS (200),
//   BENCH_CLI_TOKENS (10000), BENCH_CLI_RUNS (3), BENCH_DECODE_ITERATIONS (20000), BENCH_DECODE_WARMUP (2000), BENCH_PORT (free port).
import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  envNumber,
  freePort,
  hasProductionBuild,
  loadAverage,
  logger,
  median,
  noBuildMessage,
  percentile,
  ROOT,
  round,
  sleep,
  startBaseline,
  startNextServer,
  writeResults,
} from './common.mjs';

const CONFIG = {
  concurrency: envNumber('BENCH_CONCURRENCY', 16),
  requests: envNumber('BENCH_REQUESTS', 2000),
  warmup: envNumber('BENCH_WARMUP', 300),
  apiTokens: envNumber('BENCH_API_TOKENS', 200),
  cliTokens: envNumber('BENCH_CLI_TOKENS', 10000),
  cliRuns: envNumber('BENCH_CLI_RUNS', 3),
  decodeIterations: envNumber('BENCH_DECODE_ITERATIONS', 20000),
  decodeWarmup: envNumber('BENCH_DECODE_WARMUP', 2000),
  decodeTargetChars: 4096,
};
const GOALS = { apiRatio: 0.8, cliRatio: 0.5, decodeUs: 1000 };

const log = logger('bench:tokens');

// ---------------------------------------------------------------- fixtures (node:crypto only)

const b64url = (value) => Buffer.from(value).toString('base64url');

function makeKeys() {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwks = {
    keys: [
      { ...rsa.publicKey.export({ format: 'jwk' }), kid: 'bench-rsa', alg: 'RS256', use: 'sig' },
      { ...ec.publicKey.export({ format: 'jwk' }), kid: 'bench-ec', alg: 'ES256', use: 'sig' },
    ],
  };
  return { rsa: rsa.privateKey, ec: ec.privateKey, jwks };
}

function signToken(keys, alg, payload) {
  const header = { alg, typ: 'JWT', kid: alg === 'RS256' ? 'bench-rsa' : 'bench-ec' };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const signature =
    alg === 'RS256'
      ? sign('sha256', Buffer.from(input), keys.rsa)
      : sign('sha256', Buffer.from(input), { key: keys.ec, dsaEncoding: 'ieee-p1363' });
  return `${input}.${b64url(signature)}`;
}

/** The accepted set both sides run with: the service's RS256 plus ES256, which a deployment may add. */
const WIDENED = ['RS256', 'ES256'];

/** Distinct valid tokens, alternating RS256 and ES256, expiring in ten years. */
function makeTokens(keys, count) {
  const iat = Math.floor(Date.now() / 1000);
  const tokens = [];
  for (let i = 0; i < count; i++) {
    const alg = i % 2 === 0 ? 'RS256' : 'ES256';
    tokens.push(
      signToken(keys, alg, {
        sub: `user-${i}`,
        iss: 'https://bench.example',
        aud: 'rtc',
        iat,
        exp: iat + 10 * 365 * 86400,
        jti: randomUUID(),
        room: `room-${i % 17}`,
      }),
    );
  }
  return tokens;
}

/** A realistic-looking RS256 token of about `targetChars` characters: ordinary claims plus padding claims. */
function makeLargeToken(keys, targetChars) {
  const iat = Math.floor(Date.now() / 1000);
  const payload = {
    sub: 'user-large',
    iss: 'https://bench.example',
    aud: 'rtc',
    iat,
    exp: iat + 3600,
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    roles: ['editor', 'commenter'],
  };
  let token = signToken(keys, 'RS256', payload);
  for (let n = 0; token.length < targetChars; n++) {
    payload[`pad_${String(n).padStart(2, '0')}`] = `${'lorem ipsum dolor sit amet '.repeat(3)}${n}`;
    token = signToken(keys, 'RS256', payload);
  }
  return { token, now: iat + 60 };
}

// ---------------------------------------------------------------- processes

/** Runs a command to completion; resolves with its exit code, captured output and wall-clock milliseconds (start-up included). */
function run(command, args, { stdin = 'ignore', captureStdout = false } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: [stdin, captureStdout ? 'pipe' : 'ignore', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: performance.now() - started }));
  });
}

/** Source files changed after the production build: the API figures then describe older code than the CLI and decode figures. */
function sourcesNewerThanBuild() {
  const built = statSync(join(ROOT, '.next/BUILD_ID')).mtimeMs;
  const newer = [];
  const walk = (dir) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (
        /\.(ts|tsx|mdx?)$/.test(entry.name) &&
        !/\.test\.tsx?$/.test(entry.name) &&
        statSync(join(ROOT, path)).mtimeMs > built
      )
        newer.push(path);
    }
  };
  for (const dir of ['app', 'lib', 'components']) if (existsSync(join(ROOT, dir))) walk(dir);
  return newer;
}

// ---------------------------------------------------------------- load generator

/** Sends `count` requests with a fixed number in flight; every answer must be 200 with {ok: true}. */
async function drive(url, bodies, count, concurrency, offset = 0) {
  let next = 0;
  let failures = 0;
  let firstFailure;
  const latencies = new Float64Array(count);
  async function worker() {
    for (;;) {
      const index = next++;
      if (index >= count) return;
      const body = bodies[(offset + index) % bodies.length];
      const t0 = performance.now();
      try {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        const json = await response.json();
        if (response.status !== 200 || json.ok !== true) {
          failures++;
          firstFailure ??= `HTTP ${response.status}: ${JSON.stringify(json).slice(0, 300)}`;
        }
      } catch (error) {
        failures++;
        firstFailure ??= String(error);
      }
      latencies[index] = performance.now() - t0;
    }
  }
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return {
    requests: count,
    concurrency,
    seconds: round(seconds, 3),
    rps: round(count / seconds),
    p50Ms: round(percentile(latencies, 0.5), 2),
    p99Ms: round(percentile(latencies, 0.99), 2),
    failures,
    ...(firstFailure ? { firstFailure } : {}),
  };
}

async function waitForAnswer(url, body, server, what) {
  for (let attempt = 0; attempt < 240; attempt++) {
    if (server.child.exitCode !== null) throw new Error(`${what} exited early:\n${server.output()}`);
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const json = await response.json();
      if (response.status !== 200 || json.ok !== true)
        throw new Error(
          `${what} does not accept a valid token: HTTP ${response.status} ${JSON.stringify(json).slice(0, 500)}`,
        );
      return;
    } catch (error) {
      if (error instanceof Error && error.message.includes('does not accept')) throw error;
      await sleep(500); // not listening yet
    }
  }
  throw new Error(`${what} did not answer within two minutes:\n${server.output()}`);
}

async function measureServer(label, url, bodies, server) {
  await waitForAnswer(url, bodies[0], server, label);
  log(
    `${label}: warm-up ${CONFIG.warmup} requests, then ${CONFIG.requests} measured (concurrency ${CONFIG.concurrency})`,
  );
  const loadBefore = loadAverage();
  const warmup = await drive(url, bodies, CONFIG.warmup, CONFIG.concurrency);
  const measured = await drive(url, bodies, CONFIG.requests, CONFIG.concurrency, CONFIG.warmup);
  return { ...measured, warmupFailures: warmup.failures, loadBefore, loadAfter: loadAverage() };
}

// ---------------------------------------------------------------- the three benchmarks

async function benchApi(keys, tokens, work) {
  if (!hasProductionBuild()) {
    const message = noBuildMessage('bench:tokens');
    log(message);
    return { skipped: message };
  }
  const staleSources = sourcesNewerThanBuild();
  if (staleSources.length)
    log(`API: warning: the build predates changes to ${staleSources.join(', ')}; the API figures describe the build`);
  // ES256 is not in the service's set: widen this check so both sides verify every token.
  const bodies = tokens
    .slice(0, CONFIG.apiTokens)
    .map((token) => JSON.stringify({ token, jwks: keys.jwks, algorithms: WIDENED }));
  const jwksFile = join(work, 'jwks.json');

  // The two servers run one after the other, never together.
  log('API: starting the baseline server (node:http + jose.jwtVerify)');
  const { server: baselineServer, url: baselineUrl } = await startBaseline('bench/tokens-baseline-server.mjs', [
    jwksFile,
  ]);
  let baseline;
  try {
    baseline = await measureServer('baseline', baselineUrl, bodies, baselineServer);
  } finally {
    await baselineServer.stop();
  }

  const port = await freePort();
  log(`API: starting the production server (next start) on 127.0.0.1:${port}`);
  const nextServer = startNextServer(port);
  let subject;
  try {
    subject = await measureServer('next', `http://127.0.0.1:${port}/api/tokens/diagnose`, bodies, nextServer);
  } finally {
    await nextServer.stop();
  }
  return {
    distinctTokens: bodies.length,
    baseline,
    subject,
    ratio: round(subject.rps / baseline.rps, 3),
    staleSources,
  };
}

async function benchCli(tokens, work) {
  const tokensFile = join(work, 'tokens.txt');
  const jwksFile = join(work, 'jwks.json');
  const cli = async () => {
    const fd = openSync(tokensFile, 'r');
    try {
      const result = await run(
        'npm',
        [
          'run',
          '--silent',
          'rtc-doctor',
          '--',
          'diagnose',
          '-',
          '--jwks',
          jwksFile,
          '--algorithms',
          WIDENED.join(','),
          '--json',
        ],
        { stdin: fd },
      );
      if (result.code !== 0)
        throw new Error(
          `the CLI exited ${result.code ?? result.signal} (0 means every token valid): ${result.stderr.slice(0, 1000)}`,
        );
      return result.ms;
    } finally {
      closeSync(fd);
    }
  };
  const joseLoop = async () => {
    const result = await run(process.execPath, ['bench/tokens-jose-loop.mjs', tokensFile, jwksFile], {
      captureStdout: true,
    });
    if (result.code !== 0)
      throw new Error(`the jose loop exited ${result.code ?? result.signal}: ${result.stderr.slice(0, 1000)}`);
    const counts = JSON.parse(result.stdout);
    if (counts.verified !== tokens.length)
      throw new Error(`the jose loop verified ${counts.verified} of ${tokens.length} tokens`);
    return result.ms;
  };

  const loadBefore = loadAverage();
  const cliMs = [];
  const joseMs = [];
  // Alternate the two so slow spells on a shared machine hit both alike; report the median of each.
  for (let runIndex = 0; runIndex < CONFIG.cliRuns; runIndex++) {
    log(`CLI: run ${runIndex + 1}/${CONFIG.cliRuns} (${tokens.length} tokens each)`);
    joseMs.push(await joseLoop());
    cliMs.push(await cli());
  }
  const perSecond = (ms) => round(tokens.length / (ms / 1000));
  const cliMedian = median(cliMs);
  const joseMedian = median(joseMs);
  return {
    tokens: tokens.length,
    runs: CONFIG.cliRuns,
    cli: { medianMs: round(cliMedian), tokensPerSecond: perSecond(cliMedian), runsMs: cliMs.map((ms) => round(ms)) },
    joseLoop: {
      medianMs: round(joseMedian),
      tokensPerSecond: perSecond(joseMedian),
      runsMs: joseMs.map((ms) => round(ms)),
    },
    ratio: round(joseMedian / cliMedian, 3),
    loadBefore,
    loadAfter: loadAverage(),
  };
}

async function benchDecode(keys, work) {
  const { token, now } = makeLargeToken(keys, CONFIG.decodeTargetChars);
  const tokenFile = join(work, 'large-token.txt');
  writeFileSync(tokenFile, token);
  log(
    `decode: ${token.length}-character token, ${CONFIG.decodeWarmup} warm-up + ${CONFIG.decodeIterations} timed calls`,
  );
  const loadBefore = loadAverage();
  const result = await run(
    join(ROOT, 'node_modules/.bin/tsx'),
    ['bench/tokens-decode.ts', tokenFile, String(now), String(CONFIG.decodeIterations), String(CONFIG.decodeWarmup)],
    { captureStdout: true },
  );
  if (result.code !== 0) throw new Error(`the decode benchmark failed: ${result.stderr.slice(0, 2000)}`);
  const { sink: _sink, ...measured } = JSON.parse(result.stdout);
  return {
    ...Object.fromEntries(
      Object.entries(measured).map(([key, value]) => [key, key.endsWith('Us') ? round(value, 2) : value]),
    ),
    tokenBytes: Buffer.byteLength(token),
    loadBefore,
    loadAfter: loadAverage(),
  };
}

// ---------------------------------------------------------------- main

const work = mkdtempSync(join(tmpdir(), 'rtc-doctor-bench-tokens-'));
const startedAt = new Date().toISOString();
const loadAtStart = loadAverage();
try {
  log(`making keys and ${CONFIG.cliTokens} signed tokens (RS256 and ES256, alternating)`);
  const keys = makeKeys();
  const tokens = makeTokens(keys, Math.max(CONFIG.cliTokens, CONFIG.apiTokens));
  writeFileSync(join(work, 'jwks.json'), JSON.stringify(keys.jwks));
  writeFileSync(join(work, 'tokens.txt'), `${tokens.slice(0, CONFIG.cliTokens).join('\n')}\n`);

  const api = await benchApi(keys, tokens, work);
  const cli = await benchCli(tokens.slice(0, CONFIG.cliTokens), work);
  const decode = await benchDecode(keys, work);

  const summary = [
    {
      benchmark: 'API diagnose vs bare jose server',
      goal: `>= ${GOALS.apiRatio}x`,
      measured: api.skipped ? 'skipped (no build)' : `${api.ratio}x`,
      detail: api.skipped ? api.skipped : `${api.subject.rps} vs ${api.baseline.rps} req/s`,
      meetsGoal: api.skipped ? null : api.ratio >= GOALS.apiRatio,
    },
    {
      benchmark: 'CLI batch vs plain jose loop',
      goal: `>= ${GOALS.cliRatio}x`,
      measured: `${cli.ratio}x`,
      detail: `${cli.cli.tokensPerSecond} vs ${cli.joseLoop.tokensPerSecond} tokens/s`,
      meetsGoal: cli.ratio >= GOALS.cliRatio,
    },
    {
      benchmark: `decodeToken, ${decode.tokenChars}-char token (mean)`,
      goal: `< ${GOALS.decodeUs} µs`,
      measured: `${decode.meanUs} µs`,
      detail: `p50 ${decode.p50Us} µs, max ${decode.maxUs} µs`,
      meetsGoal: decode.meanUs < GOALS.decodeUs,
    },
    {
      benchmark: `decodeToken, ${decode.tokenChars}-char token (p99)`,
      goal: `< ${GOALS.decodeUs} µs`,
      measured: `${decode.p99Us} µs`,
      detail: `${decode.iterations} calls after ${decode.warmup} warm-up`,
      meetsGoal: decode.p99Us < GOALS.decodeUs,
    },
  ];
  const machine = {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    loadAtStart,
    loadAtEnd: loadAverage(),
  };

  const withoutLoad = ({ loadBefore: _before, loadAfter: _after, ...rest }) => rest;
  const loadNote = (section) =>
    console.log(
      `Load average (1/5/15 min): ${section.loadBefore.join(' / ')} before, ${section.loadAfter.join(' / ')} after.`,
    );
  console.log('\nToken diagnosis benchmarks (goal vs measured; a shared or loaded machine skews the absolute figures)');
  console.table(summary);
  if (!api.skipped) {
    console.log('\n1. POST /api/tokens/diagnose vs bare node:http + jose.jwtVerify (loopback, fetch client)');
    console.table({ baseline: withoutLoad(api.baseline), 'next start': withoutLoad(api.subject) });
    console.log(
      `Load average (1 min): baseline ${api.baseline.loadBefore[0]} → ${api.baseline.loadAfter[0]}, next start ${api.subject.loadBefore[0]} → ${api.subject.loadAfter[0]}.`,
    );
    if (api.staleSources.length)
      console.log(
        `Note: .next was built before these files last changed, so this row measures the older build: ${api.staleSources.join(', ')}`,
      );
  }
  console.log(`\n2. ${cli.tokens} tokens, wall clock including start-up (median of ${cli.runs} alternating runs)`);
  console.table({ 'rtc-doctor diagnose - --json': cli.cli, 'plain jose loop': cli.joseLoop });
  loadNote(cli);
  console.log('\n3. decodeToken on a large token (microseconds)');
  console.table({ decodeToken: withoutLoad(decode) });
  loadNote(decode);
  console.log(
    `\nMachine: Node ${machine.node}, ${machine.cpus} CPUs, load average ${machine.loadAtStart.join(' / ')} at start, ${machine.loadAtEnd.join(' / ')} at end.`,
  );
  if (machine.loadAtStart[0] > machine.cpus * 0.5 || machine.loadAtEnd[0] > machine.cpus * 0.5) {
    console.log(
      'Caveat: other work was running on this machine during the benchmark; treat the figures as rough and rerun on an idle machine.',
    );
  }

  writeResults('tokens', { date: startedAt, machine, config: CONFIG, goals: GOALS, summary, api, cli, decode });
  console.log('\nWrote bench/results/tokens.json');
} finally {
  rmSync(work, { recursive: true, force: true });
}
