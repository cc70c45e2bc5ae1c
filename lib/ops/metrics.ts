// The Prometheus metrics (prom-client's default registry, which the server shell's cluster primary aggregates).
// Each metric is made once per process, whichever copy of this module the bundler loads first: the others find it
// in the registry by name.
import prometheus from 'prom-client';
import type { Diagnosis } from '@/lib/jwt/types';
import { databaseIfOpen } from '@/lib/db';
import { openEventStreams } from '@/lib/http/sse';

const registry = prometheus.register;
const PREFIX = 'rtc_doctor_';

function existing<T>(name: string): T | undefined {
  return registry.getSingleMetric(name) as T | undefined;
}

function counter<L extends string>(name: string, help: string, labelNames: readonly L[]) {
  return existing<prometheus.Counter<L>>(name) ?? new prometheus.Counter({ name, help, labelNames });
}

function gauge(
  name: string,
  help: string,
  labelNames: readonly string[],
  collect: (gauge: prometheus.Gauge) => void | Promise<void>,
) {
  return (
    existing<prometheus.Gauge>(name) ??
    new prometheus.Gauge({
      name,
      help,
      labelNames,
      collect() {
        return collect(this);
      },
    })
  );
}

if (!existing(`${PREFIX}process_cpu_user_seconds_total`)) prometheus.collectDefaultMetrics({ prefix: PREFIX });

export const metrics = {
  requests: counter(`${PREFIX}http_requests_total`, 'HTTP requests answered, by method, route pattern and status.', [
    'method',
    'route',
    'status',
  ]),
  requestSeconds:
    existing<prometheus.Histogram<'method' | 'route' | 'status'>>(`${PREFIX}http_request_duration_seconds`) ??
    new prometheus.Histogram({
      name: `${PREFIX}http_request_duration_seconds`,
      help: 'How long requests took, from arrival to the last byte (an event stream: until it closed).',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
  diagnoses: counter(`${PREFIX}diagnoses_total`, 'Tokens diagnosed by the API, by result (valid or invalid).', [
    'result',
  ]),
  diagnosisErrors: counter(`${PREFIX}diagnosis_errors_total`, 'Errors the API found in tokens, by error code.', [
    'code',
  ]),
  rateLimitRefusals: counter(`${PREFIX}rate_limit_refusals_total`, 'Requests refused with 429, by rate limit.', [
    'limit',
  ]),
  sessionCreates: counter(
    `${PREFIX}session_creates_total`,
    'Collaboration session creates by outcome: won (the session was created) or lost (409, another creator won).',
    ['outcome'],
  ),
  eventStreams: gauge(`${PREFIX}event_streams_open`, 'Event streams this process holds open.', [], (open) =>
    open.set(openEventStreams()),
  ),
  poolConnections: gauge(
    `${PREFIX}db_pool_connections`,
    'PostgreSQL pool connections by state (total, idle, waiting clients); absent on the embedded database.',
    ['state'],
    (gauge) => {
      const pool = databaseIfOpen()?.pool;
      if (!pool) return;
      gauge.set({ state: 'total' }, pool.totalCount);
      gauge.set({ state: 'idle' }, pool.idleCount);
      gauge.set({ state: 'waiting' }, pool.waitingCount);
    },
  ),
};

/** Counts one answered diagnosis and each distinct error code it found. */
export function countDiagnosis(diagnosis: Pick<Diagnosis, 'ok' | 'errors'>): void {
  metrics.diagnoses.inc({ result: diagnosis.ok ? 'valid' : 'invalid' });
  for (const code of new Set(diagnosis.errors.map((error) => error.code))) metrics.diagnosisErrors.inc({ code });
}

/** This process's metrics in the Prometheus text format. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}
