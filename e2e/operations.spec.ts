import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { E2E_METRICS_TOKEN } from '../playwright.config';
import { createThrowawayDatabase, POSTGRES_SKIP_REASON } from '../lib/db/test-postgres';
import { expect, test } from './fixtures';
import { serverLogFile, startServer } from './server-process';
import { createSession, openEventStream, testAddress } from './session-clients';

// What an operator's probes, log collector and Prometheus read of the suite's own server (embedded database).

test('liveness and readiness answer without rate limits, naming each part checked', async ({ request }) => {
  const live = await request.get('/api/health/live');
  expect([live.status(), await live.json()]).toEqual([200, { status: 'live' }]);
  expect(live.headers()['cache-control']).toBe('no-store');
  // More probes than any rate limit allows in a minute from one address: none is refused.
  const statuses = await Promise.all(Array.from({ length: 150 }, () => request.get('/api/health/ready')));
  expect(new Set(statuses.map((response) => response.status()))).toEqual(new Set([200]));
  expect(await statuses[0]!.json()).toEqual({
    status: 'ready',
    checks: { shutdown: 'ok', database: 'ok', migrations: 'ok', listener: 'not used' },
  });
});

test('every answer carries a request id: the one the proxy sent, or a new one', async ({ request }) => {
  const chosen = await request.get('/api/clock', { headers: { 'x-request-id': 'edge-7f3a' } });
  expect(chosen.headers()['x-request-id']).toBe('edge-7f3a');
  const made = await request.get('/docs');
  expect(made.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  const log = readFileSync(serverLogFile(Number(process.env.E2E_PORT ?? 3100)), 'utf8');
  const line = log.split('\n').find((text) => text.includes('"requestId":"edge-7f3a"'));
  expect(JSON.parse(line!)).toMatchObject({ method: 'GET', route: '/api/clock', status: 200, msg: 'request' });
});

test('metrics: 401 without the token; with it, requests, diagnoses, refusals, races and streams by name', async ({
  request,
  baseURL,
}) => {
  expect((await request.get('/api/metrics')).status()).toBe(401);
  expect((await request.get('/api/metrics', { headers: { authorization: 'Bearer nope' } })).status()).toBe(401);

  const diagnosed = await request.post('/api/tokens/diagnose', { data: { token: 'not.a.token' } });
  expect(diagnosed.status()).toBe(200);
  const documentId = `metrics-${Date.now()}`;
  await createSession(baseURL!, documentId, 'hint-a', testAddress(2, 71));
  await createSession(baseURL!, documentId, 'hint-b', testAddress(2, 72));
  // One client over the key-check limit (60 a minute): its 61st request is refused.
  const address = testAddress(1, 213);
  const checks = await Promise.all(
    Array.from({ length: 61 }, () =>
      request.post('/api/keys/check', { data: { key: '{}' }, headers: { 'x-forwarded-for': address } }),
    ),
  );
  expect(checks.some((response) => response.status() === 429)).toBe(true);
  const stream = openEventStream(baseURL!, `${documentId}-watched`, testAddress(2, 73));
  await stream.subscribed;

  const scraped = await request.get('/api/metrics', { headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` } });
  expect(scraped.status()).toBe(200);
  const text = await scraped.text();
  stream.close();
  expect(text).toMatch(
    /rtc_doctor_http_requests_total\{method="POST",route="\/api\/tokens\/diagnose",status="200"\} \d+/,
  );
  expect(text).toMatch(
    /rtc_doctor_http_request_duration_seconds_bucket\{le="0\.1",method="GET",route="\/api\/health\/ready",status="200"\} \d+/,
  );
  expect(text).toMatch(/rtc_doctor_diagnosis_errors_total\{code="TOKEN_[A-Z0-9_]+"\} [1-9]/);
  expect(text).toMatch(/rtc_doctor_rate_limit_refusals_total\{limit="keyCheck"\} [1-9]/);
  expect(text).toMatch(/rtc_doctor_session_creates_total\{outcome="won"\} [1-9]/);
  expect(text).toMatch(/rtc_doctor_session_creates_total\{outcome="lost"\} [1-9]/);
  expect(text).toMatch(/rtc_doctor_event_streams_open [1-9]/);
  // Route patterns, never a document id.
  expect(text).not.toContain(documentId);
});

test.describe('readiness on PostgreSQL @postgres', () => {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  test.skip(!databaseUrl, POSTGRES_SKIP_REASON);

  test('ready with the listener up; 503 naming the database when it goes away', async () => {
    test.setTimeout(180_000);
    const database = await createThrowawayDatabase(databaseUrl!);
    const server = await startServer(Number(process.env.E2E_PORT ?? 3100) + 45, {
      DATABASE_URL: database.url,
      BETTER_AUTH_SECRET: randomBytes(32).toString('base64url'),
    });
    try {
      const ready = await fetch(`${server.url}/api/health/ready`);
      expect([ready.status, await ready.json()]).toEqual([
        200,
        { status: 'ready', checks: { shutdown: 'ok', database: 'ok', migrations: 'ok', listener: 'ok' } },
      ]);
      await database.drop();
      const gone = await fetch(`${server.url}/api/health/ready`);
      const body = await gone.json();
      expect(gone.status).toBe(503);
      expect(body).toMatchObject({ status: 'unavailable' });
      expect(body.failing).toContain('database');
      expect(JSON.stringify(body)).not.toContain(database.url);
      expect((await fetch(`${server.url}/api/health/live`)).status).toBe(200);
    } finally {
      await server.kill();
      await database.drop().catch(() => undefined);
    }
  });
});

test.describe('two workers sharing the port on PostgreSQL @postgres', () => {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  test.skip(!databaseUrl, POSTGRES_SKIP_REASON);

  test('both serve, one creator wins a race across them, metrics add both up, and SIGTERM stops them all with 0', async () => {
    test.setTimeout(180_000);
    const database = await createThrowawayDatabase(databaseUrl!);
    const port = Number(process.env.E2E_PORT ?? 3100) + 46;
    const token = 'workers-metrics-token-0123456789';
    const server = await startServer(port, {
      DATABASE_URL: database.url,
      BETTER_AUTH_SECRET: randomBytes(32).toString('base64url'),
      RTC_DOCTOR_WORKERS: '2',
      RTC_DOCTOR_METRICS_TOKEN: token,
    });
    try {
      // The launcher waited on /api/clock; these are the only liveness probes.
      const probes = await Promise.all(Array.from({ length: 40 }, () => fetch(`${server.url}/api/health/live`)));
      expect(probes.every((response) => response.ok)).toBe(true);
      const documentId = `workers-${Date.now()}`;
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          createSession(server.url, documentId, `hint-${index}`, testAddress(0, 100 + index)),
        ),
      );
      expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
      expect(new Set(answers.map((answer) => answer.keyHint)).size).toBe(1);
      // Whichever worker answers the scrape, it reports both workers' requests.
      for (let scrape = 0; scrape < 3; scrape++) {
        const text = await (
          await fetch(`${server.url}/api/metrics`, { headers: { authorization: `Bearer ${token}` } })
        ).text();
        expect(text).toContain('rtc_doctor_http_requests_total{method="GET",route="/api/health/live",status="200"} 40');
        expect(text).toContain('rtc_doctor_session_creates_total{outcome="won"} 1');
        expect(text).toContain('rtc_doctor_session_creates_total{outcome="lost"} 19');
      }
      const log = readFileSync(serverLogFile(port), 'utf8');
      for (const worker of [1, 2])
        expect(log).toMatch(new RegExp(`"worker":${worker},[^\\n]*"route":"/api/health/live"`));
      const exited = new Promise<number | null>((resolve) => server.process.once('exit', resolve));
      server.process.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      await server.kill();
      await database.drop();
    }
  });
});
