#!/usr/bin/env node
// Session API benchmarks (contract section 4), against the production server(s) this script starts itself:
//   1. latency of a single create (one request at a time, a fresh document each) vs 200 concurrent creators of
//      one document (p50, p99 over several rounds); goal: the race's p99 under 10x the single create's p50
//   2. SSE fan-out: 1 000 subscribers wait on one document; time from the create being answered (and being sent) to
//      the last of them receiving `session-available` (median of rounds; "after the 201" is negative when the
//      announcement, sent by the database on commit, beats the HTTP answer to the creator)
// Runs on the embedded database, then on PostgreSQL when TEST_DATABASE_URL (a throw-away database is created and
// dropped) or DATABASE_URL (used as is) is set: one process, then two processes sharing it (creators and
// subscribers split between them).
// Usage: npm run build && npm run bench:sessions
// Knobs: BENCH_PORT (first port; free ports by default), BENCH_SINGLE (300), BENCH_WARMUP (50), BENCH_CREATORS (200),
//   BENCH_ROUNDS (10), BENCH_SUBSCRIBERS (1000), BENCH_FANOUT_ROUNDS (3).
// Prints a table and writes bench/results/sessions.json. Timing never decides the exit code; a broken protocol does.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import * as bench from './common.mjs';

const CONFIG = {
  single: bench.envNumber('BENCH_SINGLE', 300),
  warmup: bench.envNumber('BENCH_WARMUP', 50),
  creators: bench.envNumber('BENCH_CREATORS', 200),
  rounds: bench.envNumber('BENCH_ROUNDS', 10),
  subscribers: bench.envNumber('BENCH_SUBSCRIBERS', 1000),
  fanoutRounds: bench.envNumber('BENCH_FANOUT_ROUNDS', 3),
};
const GOAL_RATIO = 10;

const log = bench.logger('bench:sessions');

// ---------------------------------------------------------------- servers

async function startServer(databaseEnv) {
  const port = await bench.freePort();
  const server = bench.startNextServer(port, {
    BETTER_AUTH_SECRET: randomBytes(32).toString('base64url'),
    ...databaseEnv,
  });
  const baseURL = `http://127.0.0.1:${port}`;
  for (;;) {
    if (server.child.exitCode !== null)
      throw new Error(`next start exited with ${server.child.exitCode}: ${server.output()}`);
    try {
      if ((await fetch(`${baseURL}/api/clock`)).ok) break;
    } catch {
      // not listening yet
    }
    await bench.sleep(200);
  }
  // Killed outright: its data is thrown away, so a graceful stop would only add waiting.
  return { baseURL, port, stop: server.kill };
}

// ---------------------------------------------------------------- clients

// Keep-alive for creators, so the race measures the server rather than TCP handshakes; one socket per subscriber.
const createAgent = new Agent({ keepAlive: true, maxSockets: 256 });
const streamAgent = new Agent({ keepAlive: false, maxSockets: Infinity });

function create(server, documentId, keyHint) {
  const body = JSON.stringify({ keyHint, content: `initial content encrypted with ${keyHint}` });
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(
      `${server.baseURL}/api/sessions/${documentId}`,
      {
        method: 'POST',
        agent: createAgent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            keyHint: JSON.parse(text).keyHint,
            ms: performance.now() - started,
            at: performance.now(),
          }),
        );
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}

/** GET /api/clock: an empty route handler, the framework's own floor for the same load. */
function clock(server) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(`${server.baseURL}/api/clock`, { agent: createAgent }, (res) => {
      res.resume();
      res.on('end', () => resolve(performance.now() - started));
    });
    req.once('error', reject);
    req.end();
  });
}

async function clockBaseline(servers) {
  const single = [];
  for (let index = 0; index < CONFIG.single; index++) single.push(await clock(servers[index % servers.length]));
  const burst = [];
  for (let roundIndex = 0; roundIndex < CONFIG.rounds; roundIndex++) {
    burst.push(
      ...(await Promise.all(
        Array.from({ length: CONFIG.creators }, (_, index) => clock(servers[index % servers.length])),
      )),
    );
  }
  return {
    single: { p50: bench.percentile(single, 0.5), p99: bench.percentile(single, 0.99) },
    burst: { p50: bench.percentile(burst, 0.5), p99: bench.percentile(burst, 0.99) },
  };
}

/** A subscriber: resolves `subscribed` on `: subscribed`, records when `session-available` arrives. */
function subscribe(server, documentId) {
  let resolveSubscribed;
  let resolveEvent;
  let rejectAll;
  const subscribed = new Promise((resolve, reject) => ((resolveSubscribed = resolve), (rejectAll = reject)));
  const event = new Promise((resolve) => (resolveEvent = resolve));
  const req = request(
    `${server.baseURL}/api/sessions/${documentId}/events`,
    { agent: streamAgent, headers: { accept: 'text/event-stream' } },
    (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        buffer += chunk;
        if (buffer.includes(': subscribed\n\n')) resolveSubscribed();
        const at = buffer.indexOf('event: session-available\ndata: ');
        if (at >= 0 && buffer.indexOf('\n\n', at) > 0) {
          const line = buffer.slice(at).split('\n')[1];
          resolveEvent({ at: performance.now(), keyHint: JSON.parse(line.slice('data: '.length)).keyHint });
          buffer = '';
        }
      });
    },
  );
  req.once('error', (error) => rejectAll(error));
  req.end();
  return { subscribed, event, close: () => req.destroy() };
}

// ---------------------------------------------------------------- measures

let documentCounter = 0;
const newDocument = (label) => `bench-${label}-${process.pid}-${documentCounter++}`;

async function singleCreates(servers, label, count) {
  const latencies = [];
  for (let index = 0; index < count; index++) {
    const answer = await create(servers[index % servers.length], newDocument(label), `single-${index}`);
    if (answer.status !== 201) throw new Error(`a lone creator got ${answer.status}`);
    latencies.push(answer.ms);
  }
  return latencies;
}

async function races(servers, label) {
  const latencies = [];
  for (let roundIndex = 0; roundIndex < CONFIG.rounds; roundIndex++) {
    const documentId = newDocument(`${label}-race`);
    const answers = await Promise.all(
      Array.from({ length: CONFIG.creators }, (_, index) =>
        create(servers[index % servers.length], documentId, `racer-${index}`),
      ),
    );
    const winners = answers.filter((answer) => answer.status === 201);
    const hints = new Set(answers.map((answer) => answer.keyHint));
    if (
      winners.length !== 1 ||
      hints.size !== 1 ||
      answers.some((answer) => answer.status !== 201 && answer.status !== 409)
    ) {
      throw new Error(`race broke the protocol: ${winners.length} winners, ${hints.size} key hints`);
    }
    latencies.push(...answers.map((answer) => answer.ms));
  }
  return latencies;
}

async function fanOut(servers, label) {
  const results = [];
  for (let roundIndex = 0; roundIndex < CONFIG.fanoutRounds; roundIndex++) {
    const documentId = newDocument(`${label}-fanout`);
    const subscribers = Array.from({ length: CONFIG.subscribers }, (_, index) =>
      subscribe(servers[index % servers.length], documentId),
    );
    const subscribeStarted = performance.now();
    await Promise.all(subscribers.map((subscriber) => subscriber.subscribed));
    const subscribeMs = performance.now() - subscribeStarted;
    const sent = performance.now();
    const answer = await create(servers[0], documentId, 'fan-out-winner');
    const events = await Promise.all(subscribers.map((subscriber) => subscriber.event));
    for (const subscriber of subscribers) subscriber.close();
    if (answer.status !== 201 || events.some((event) => event.keyHint !== 'fan-out-winner'))
      throw new Error('fan-out: a subscriber heard the wrong key hint');
    const last = Math.max(...events.map((event) => event.at));
    results.push({ subscribeMs, fromAnswerMs: last - answer.at, fromRequestMs: last - sent, createMs: answer.ms });
    await bench.sleep(500);
  }
  const median = (key) =>
    bench.percentile(
      results.map((result) => result[key]),
      0.5,
    );
  return {
    rounds: results,
    fromAnswerMs: median('fromAnswerMs'),
    fromRequestMs: median('fromRequestMs'),
    createMs: median('createMs'),
    subscribeMs: median('subscribeMs'),
  };
}

async function measure(label, servers) {
  log(`${label}: warming up`);
  await singleCreates(servers, `${label}-warmup`, CONFIG.warmup);
  log(`${label}: ${CONFIG.single} single creates`);
  const single = await singleCreates(servers, label, CONFIG.single);
  log(`${label}: ${CONFIG.rounds} races of ${CONFIG.creators} creators`);
  const race = await races(servers, label);
  log(`${label}: the same load on an empty route (GET /api/clock)`);
  const baseline = await clockBaseline(servers);
  log(`${label}: fan-out to ${CONFIG.subscribers} subscribers, ${CONFIG.fanoutRounds} rounds`);
  const fanout = await fanOut(servers, label);
  const singleP50 = bench.percentile(single, 0.5);
  const raceP99 = bench.percentile(race, 0.99);
  return {
    label,
    processes: servers.length,
    single: { samples: single.length, p50: singleP50, p99: bench.percentile(single, 0.99) },
    race: { samples: race.length, p50: bench.percentile(race, 0.5), p99: raceP99 },
    ratio: raceP99 / singleP50,
    baseline,
    fanout,
  };
}

// ---------------------------------------------------------------- main

async function withServers(count, databaseEnv, label, results) {
  const servers = [];
  try {
    for (let index = 0; index < count; index++) servers.push(await startServer(databaseEnv));
    results.push(await measure(label, servers));
  } finally {
    for (const server of servers) server.stop();
  }
}

async function main() {
  if (!bench.hasProductionBuild()) throw new Error(bench.noBuildMessage('bench:sessions'));
  const results = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'rtc-doctor-bench-sessions-'));
  try {
    await withServers(1, { DATABASE_URL: '', RTC_DOCTOR_DATA_DIR: dataDir }, 'embedded', results);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  const testUrl = process.env.TEST_DATABASE_URL;
  let databaseUrl = testUrl ? undefined : process.env.DATABASE_URL;
  let drop;
  if (testUrl) {
    const name = `rtc_doctor_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: testUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const parsed = new URL(testUrl);
    parsed.pathname = `/${name}`;
    databaseUrl = parsed.toString();
    drop = async () => {
      const cleaner = new pg.Client({ connectionString: testUrl });
      await cleaner.connect();
      await cleaner.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleaner.end();
    };
  }
  if (databaseUrl) {
    try {
      await withServers(1, { DATABASE_URL: databaseUrl }, 'postgres', results);
      await withServers(2, { DATABASE_URL: databaseUrl }, 'postgres-2-processes', results);
    } finally {
      await drop?.();
    }
  } else {
    log('PostgreSQL skipped: set TEST_DATABASE_URL or DATABASE_URL');
  }

  const machine = { cpus: cpus().length, load: bench.loadAverage(), node: process.version };
  bench.writeResults('sessions', { at: new Date().toISOString(), config: CONFIG, machine, results });

  const rows = results.map((result) => ({
    database: result.label,
    'single p50 ms': bench.round(result.single.p50),
    'single p99 ms': bench.round(result.single.p99),
    [`race of ${CONFIG.creators} p50 ms`]: bench.round(result.race.p50),
    [`race p99 ms`]: bench.round(result.race.p99),
    'race p99 / single p50': `${bench.round(result.ratio)}x (goal < ${GOAL_RATIO}x)`,
    [`empty route: single p50, ${CONFIG.creators} at once p99 ms`]: `${bench.round(result.baseline.single.p50)}, ${bench.round(result.baseline.burst.p99)}`,
    // Negative when the last subscriber hears of the session before its creator has read the 201.
    [`last of ${CONFIG.subscribers} told, ms after the 201`]: bench.round(result.fanout.fromAnswerMs),
    'ms after the create was sent': bench.round(result.fanout.fromRequestMs),
  }));
  console.table(rows);
  console.log(`Machine: ${machine.cpus} CPUs, load ${machine.load.join(' ')}. Written to bench/results/sessions.json.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
