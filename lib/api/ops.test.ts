import { afterEach, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeOnBackends, storeSuite } from '@/lib/db/test-databases';
import { readiness, type ReadinessSources } from '@/lib/ops/health';
import { countDiagnosis, metrics } from '@/lib/ops/metrics';
import { liveness, metricsResponse } from './ops';

const TOKEN = 'metrics-token-for-the-unit-tests';
const scrape = (authorization?: string) =>
  metricsResponse(new Request('http://portal.test/api/metrics', { headers: authorization ? { authorization } : {} }));

afterEach(() => vi.unstubAllEnvs());

it('answers liveness while the process runs', async () => {
  const response = liveness();
  expect([response.status, await response.json()]).toEqual([200, { status: 'live' }]);
});

it('has no metrics endpoint without RTC_DOCTOR_METRICS_TOKEN, and asks for the token with it', async () => {
  vi.stubEnv('RTC_DOCTOR_METRICS_TOKEN', '');
  expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(404);
  vi.stubEnv('RTC_DOCTOR_METRICS_TOKEN', TOKEN);
  for (const wrong of [undefined, 'Bearer wrong', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
    const refused = await scrape(wrong);
    expect(refused.status, wrong).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('Bearer');
  }
});

it('serves the Prometheus text with the counters the API keeps', async () => {
  vi.stubEnv('RTC_DOCTOR_METRICS_TOKEN', TOKEN);
  countDiagnosis({ ok: false, errors: [{ code: 'TOKEN_EXPIRED' }, { code: 'TOKEN_EXPIRED' }] as never });
  metrics.sessionCreates.inc({ outcome: 'lost' });
  metrics.requests.inc({ method: 'GET', route: '/api/clock', status: '200' });
  const response = await scrape(`Bearer ${TOKEN}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  const text = await response.text();
  expect(text).toMatch(/rtc_doctor_diagnoses_total\{result="invalid"\} [1-9]/);
  // Each distinct code once per diagnosis.
  expect(text).toMatch(/rtc_doctor_diagnosis_errors_total\{code="TOKEN_EXPIRED"\} 1\n/);
  expect(text).toMatch(/rtc_doctor_session_creates_total\{outcome="lost"\} [1-9]/);
  expect(text).toContain('rtc_doctor_http_requests_total{method="GET",route="/api/clock",status="200"} 1');
  for (const name of [
    'rtc_doctor_event_streams_open',
    'rtc_doctor_process_cpu_user_seconds_total',
    'rtc_doctor_http_request_duration_seconds',
  ])
    expect(text).toContain(`# TYPE ${name}`);
});

describeOnBackends('readiness', (backend) => {
  const suite = storeSuite(backend);
  const sources = (overrides: Partial<ReadinessSources> = {}): ReadinessSources => ({
    database: async () => suite.opened,
    listening: async () => undefined,
    draining: () => false,
    ...overrides,
  });

  it('is ready with the database answering and every migration applied', async () => {
    expect(await readiness(sources())).toEqual({
      ready: true,
      checks: {
        shutdown: 'ok',
        database: 'ok',
        migrations: 'ok',
        listener: backend.name === 'postgres' ? 'ok' : 'not used',
      },
      failing: [],
    });
  });

  it('names each failing part: shutting down, an unreachable database, the listener', async () => {
    expect((await readiness(sources({ draining: () => true }))).failing).toEqual(['shutdown']);
    const gone = await readiness(sources({ database: () => Promise.reject(new Error('postgres://user:secret@db')) }));
    expect(gone.failing).toEqual(['database', 'migrations', 'listener']);
    expect(JSON.stringify(gone)).not.toContain('secret');
    if (backend.name === 'postgres') {
      const deaf = await readiness(sources({ listening: () => Promise.reject(new Error('LISTEN failed')) }));
      expect(deaf.failing).toEqual(['listener']);
    }
  });

  it('is not ready while a migration is missing', async () => {
    const { db } = suite.opened;
    await db.execute(
      sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`,
    );
    const result = await readiness(sources());
    expect(result.failing).toEqual(['migrations']);
    expect(result.checks.migrations).toMatch(/^(\d+) of \d+ applied$/);
  });
});
