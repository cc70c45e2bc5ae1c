// GET /api/health/live, /api/health/ready and /api/metrics: what an operator's probes and Prometheus read.
import { timingSafeEqual } from 'node:crypto';
import { readEnvironment } from '@/lib/config/env';
import { apiError, NO_STORE } from '@/lib/http/json';
import { readiness } from '@/lib/ops/health';
import { renderMetrics } from '@/lib/ops/metrics';
import { opsBridge } from '@/server/bridge.mjs';

/** GET /api/health/live: 200 while the process answers at all. */
export function liveness(): Response {
  return Response.json({ status: 'live' }, { headers: NO_STORE });
}

/**
 * GET /api/health/ready: 200 when the database answers, every migration is applied and (on PostgreSQL) the session
 * listener is connected; 503 naming the failing parts otherwise, and from the moment the server starts to stop.
 */
export async function readinessResponse(): Promise<Response> {
  const { ready, checks, failing } = await readiness();
  return Response.json(ready ? { status: 'ready', checks } : { status: 'unavailable', failing, checks }, {
    status: ready ? 200 : 503,
    headers: NO_STORE,
  });
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * GET /api/metrics: the Prometheus text format, for `Authorization: Bearer <RTC_DOCTOR_METRICS_TOKEN>`. Without that
 * setting there is no such endpoint (404); a missing or wrong token gets 401. In a worker of several, every
 * worker's metrics, summed by the primary process.
 */
export async function metricsResponse(request: Request): Promise<Response> {
  const token = readEnvironment().RTC_DOCTOR_METRICS_TOKEN;
  if (!token) return apiError('NOT_FOUND', 'Metrics are off: set RTC_DOCTOR_METRICS_TOKEN to turn them on.');
  const given = /^Bearer (.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
  if (!sameToken(given, token))
    return apiError('UNAUTHENTICATED', 'Send the metrics token: Authorization: Bearer <RTC_DOCTOR_METRICS_TOKEN>.', {
      headers: { 'WWW-Authenticate': 'Bearer realm="metrics"', ...NO_STORE },
    });
  const clusterMetrics = opsBridge().shell?.clusterMetrics;
  const { contentType, body } = clusterMetrics ? await clusterMetrics() : await renderMetrics();
  return new Response(body, { headers: { 'Content-Type': contentType, ...NO_STORE } });
}
