import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { lineProblem } from '../scripts/scan-server-logs.mjs';
import { createLogger, requestIdOf, traceRequest } from './request-log.mjs';
import { BUILD_FILES_ROUTE, routeMatcher, UNMATCHED_ROUTE } from './route-patterns.mjs';
import { DEFAULT_SHUTDOWN_GRACE_SECONDS, serverSettings } from './settings.mjs';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEifQ.c2lnbmF0dXJl';

describe('server settings', () => {
  it('defaults to one process on 0.0.0.0:3000 with a 10 s grace period, JSON logs off a terminal', () => {
    expect(serverSettings({}, false)).toEqual({
      port: 3000,
      hostname: '0.0.0.0',
      workers: 1,
      graceMs: DEFAULT_SHUTDOWN_GRACE_SECONDS * 1000,
      logFormat: 'json',
    });
    expect(serverSettings({}, true).logFormat).toBe('pretty');
    expect(serverSettings({ RTC_DOCTOR_LOG_FORMAT: 'json' }, true).logFormat).toBe('json');
  });

  it('names a wrong setting and its value', () => {
    expect(() => serverSettings({ PORT: 'eighty' })).toThrow(
      'PORT must be a port number from 0 to 65535, not "eighty".',
    );
    expect(() => serverSettings({ RTC_DOCTOR_WORKERS: 'many', DATABASE_URL: 'postgres://db/x' })).toThrow(
      'RTC_DOCTOR_WORKERS must be "auto" or a whole number from 1 to 64, not "many".',
    );
    expect(() => serverSettings({ RTC_DOCTOR_SHUTDOWN_GRACE_SECONDS: '0' })).toThrow(
      'RTC_DOCTOR_SHUTDOWN_GRACE_SECONDS must be a number of seconds from 1 to 600, not "0".',
    );
    expect(() => serverSettings({ RTC_DOCTOR_LOG_FORMAT: 'xml' })).toThrow(
      'RTC_DOCTOR_LOG_FORMAT must be "json" or "pretty"',
    );
  });

  it('refuses several workers on the embedded database, and allows them with DATABASE_URL', () => {
    expect(() => serverSettings({ RTC_DOCTOR_WORKERS: '2' })).toThrow(
      'RTC_DOCTOR_WORKERS=2 needs DATABASE_URL: the embedded database can be opened by one process only.',
    );
    expect(serverSettings({ RTC_DOCTOR_WORKERS: '2', DATABASE_URL: 'postgres://db/x' }).workers).toBe(2);
    expect(serverSettings({ RTC_DOCTOR_WORKERS: 'auto', DATABASE_URL: 'postgres://db/x' }).workers).toBeGreaterThan(0);
  });
});

describe('route patterns', () => {
  const routeOf = routeMatcher({
    staticRoutes: [{ page: '/' }, { page: '/api/tokens/diagnose' }, { page: '/docs' }],
    dynamicRoutes: [
      { page: '/api/sessions/[documentId]/events', regex: '^/api/sessions/([^/]+?)/events(?:/)?$' },
      { page: '/api/sessions/[documentId]', regex: '^/api/sessions/([^/]+?)(?:/)?$' },
    ],
  });

  it('names a path by its pattern, never by its values or query', () => {
    expect(routeOf('/api/sessions/doc-123/events?token=abc')).toBe('/api/sessions/[documentId]/events');
    expect(routeOf(`/api/sessions/${TOKEN}`)).toBe('/api/sessions/[documentId]');
    expect(routeOf('/api/tokens/diagnose?x=1')).toBe('/api/tokens/diagnose');
    expect(routeOf('/docs/')).toBe('/docs');
    expect(routeOf('/')).toBe('/');
    expect(routeOf('/_next/static/chunks/abc.js')).toBe(BUILD_FILES_ROUTE);
    expect(routeOf(`/no/such/${TOKEN}`)).toBe(UNMATCHED_ROUTE);
  });
});

/** A request and response as node:http hands them over, enough for traceRequest. */
function exchange(url, headers = {}) {
  const req = { method: 'POST', url, headers: { ...headers } };
  const res = Object.assign(new EventEmitter(), {
    statusCode: 201,
    writableFinished: true,
    headers: {},
    setHeader(name, value) {
      this.headers[name.toLowerCase()] = value;
    },
  });
  return { req, res };
}

function capture() {
  const lines = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, logger: createLogger('json', destination) };
}

describe('request log', () => {
  it('logs one JSON line per request: time, id, method, route pattern, status and duration, and nothing else', () => {
    const { lines, logger } = capture();
    const samples = [];
    const { req, res } = exchange(`/api/sessions/doc-1?token=${TOKEN}`, {
      'x-request-id': 'edge-42',
      cookie: 'better-auth.session_token=secret',
      authorization: `Bearer ${TOKEN}`,
    });
    traceRequest(req, res, {
      logger,
      routeOf: () => '/api/sessions/[documentId]',
      observe: (sample) => samples.push(sample),
    });
    res.emit('finish');
    res.emit('close');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]);
    expect(Object.keys(entry).sort()).toEqual([
      'durationMs',
      'level',
      'method',
      'msg',
      'requestId',
      'route',
      'status',
      'time',
    ]);
    expect(entry).toMatchObject({
      requestId: 'edge-42',
      method: 'POST',
      route: '/api/sessions/[documentId]',
      status: 201,
    });
    expect(Date.parse(entry.time)).not.toBeNaN();
    expect(res.headers['x-request-id']).toBe('edge-42');
    expect(samples).toEqual([
      { method: 'POST', route: '/api/sessions/[documentId]', status: 201, seconds: expect.any(Number) },
    ]);
    expect(lineProblem(lines[0])).toBeUndefined();
    expect(lines[0]).not.toContain(TOKEN.split('.')[2]);
  });

  it('makes a request id when the client sent none or an implausible one, and passes it on to the app', () => {
    const made = requestIdOf({ headers: {} });
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf({ headers: { 'x-request-id': 'has spaces and "quotes"' } })).not.toContain(' ');
    const { req, res } = exchange('/');
    traceRequest(req, res, { logger: capture().logger, routeOf: () => '/' });
    expect(req.headers['x-request-id']).toBe(res.headers['x-request-id']);
  });

  it('marks a request whose client went away before the answer was done', () => {
    const { lines, logger } = capture();
    const { req, res } = exchange('/api/sessions/doc/events');
    res.writableFinished = false;
    traceRequest(req, res, { logger, routeOf: () => '/api/sessions/[documentId]/events' });
    res.emit('close');
    expect(JSON.parse(lines[0])).toMatchObject({ aborted: true });
  });
});
