import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lineProblem, scanLogs } from './scan-server-logs.mjs';

const clean = JSON.stringify({
  level: 30,
  time: '2026-12-06T10:00:00.000Z',
  requestId: 'a1',
  method: 'GET',
  route: '/api/sessions/[documentId]',
  status: 200,
  durationMs: 1.2,
  msg: 'request',
});

describe('the server log scan', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rtc-doctor-log-scan-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes a request line and finds every kind of leak', () => {
    expect(lineProblem(clean)).toBeUndefined();
    const leaks = {
      'a JWT': 'Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1In0.c2ln',
      'a PEM block': '-----BEGIN PRIVATE KEY-----',
      'a full API key': 'apiKey rtc_AF4D837ZR_6h5zyJPLMzsY-U',
      'a session cookie': 'cookie: better-auth.session_token=abc',
      'a private JWK member': '{"kty":"RSA","d":"c2VjcmV0LXByaXZhdGUtZXhwb25lbnQ"}',
      'a query string': '{"route":"/api/clock?token=abc"}',
    };
    for (const [what, line] of Object.entries(leaks)) expect(lineProblem(line), what).toBe(`holds ${what}`);
    expect(lineProblem(JSON.stringify({ msg: 'request', body: '{"helpful":true}' }))).toBe(
      'has fields no server log line may have: body',
    );
  });

  it('reads every server log of a run and names the file and line, never the secret', () => {
    writeFileSync(path.join(dir, 'server-3100.log'), `${clean}\n${clean}\n`);
    writeFileSync(path.join(dir, 'server-3101.log'), `${clean}\nfailed for -----BEGIN PRIVATE KEY-----\n`);
    writeFileSync(path.join(dir, 'unit.json'), 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1In0.c2ln');
    expect(scanLogs(dir)).toEqual({ files: 2, requests: 3, problems: ['server-3101.log:2 holds a PEM block'] });
  });
});
