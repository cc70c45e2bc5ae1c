import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { createThrowawayDatabase, POSTGRES_SKIP_REASON } from '../lib/db/test-postgres';
import { expect, test } from './fixtures';
import { startServer, type ServerProcess } from './server-process';

// Every API route of the production server, fed random and hostile input: no 500, no hang, and no secret-sized
// piece of the input echoed in an error. Bounded: RUNS requests per route, each with its own timeout.
const RUNS = 150;
const REQUEST_TIMEOUT_MS = 30_000;
const FIRST_PORT = Number(process.env.E2E_PORT ?? 3100) + 80;

/** Put into inputs; a 4xx that contains it echoed input. Longer than any name an error may quote back. */
const MARKER = `zQx${randomBytes(12).toString('base64url')}`;
let sessionCalls = 0;

const hostileText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.constantFrom(
    '\u0000',
    '%',
    '%E0%A4%A',
    '../../etc/passwd',
    '{"__proto__":{"x":1}}',
    '\uD800',
    'null',
    '[]',
    `${MARKER}\u0000`,
    '\r\nX-Injected: 1',
  ),
  fc.constant(MARKER),
  fc.constant(`${'['.repeat(2000)}${']'.repeat(2000)}`),
);
const jsonValue = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  hostileText,
  fc.constant({ keys: [{ kty: 'RSA', n: MARKER, e: 'AQAB', d: MARKER }] }),
);
const bodyText = fc.oneof(
  jsonValue.map((value) => JSON.stringify(value) ?? 'null'),
  hostileText,
  fc
    .record(
      {
        token: fc.oneof(hostileText, fc.constant(`eyJhbGciOiJSUzI1NiJ9.${MARKER}.x`)),
        jwks: jsonValue,
        algorithms: fc.oneof(jsonValue, fc.constant(['HS256', MARKER])),
      },
      { requiredKeys: [] },
    )
    .map((body) => JSON.stringify(body)),
  fc
    .record(
      {
        key: fc.oneof(hostileText, fc.constant(`-----BEGIN PRIVATE KEY-----\n${MARKER}\n-----END PRIVATE KEY-----`)),
        algorithms: jsonValue,
      },
      { requiredKeys: [] },
    )
    .map((body) => JSON.stringify(body)),
  fc.record({ keyHint: hostileText, content: hostileText }, { requiredKeys: [] }).map((body) => JSON.stringify(body)),
  fc
    .record(
      { email: fc.oneof(hostileText, fc.constant(`${MARKER}@example.test`)), password: hostileText, name: hostileText },
      { requiredKeys: [] },
    )
    .map((body) => JSON.stringify(body)),
);
// encodeURIComponent refuses lone surrogates; the raw segments below send malformed escapes on purpose.
const segment = fc.oneof(
  hostileText.map((text) =>
    encodeURIComponent((text as string & { toWellFormed(): string }).toWellFormed()).slice(0, 300),
  ),
  fc.constantFrom('%', '%ZZ', '%E0%A4%A', '%00', 'rtc_AAAAAAAAAAAAAAAAAAAAAAAA', 'doc-1'),
  fc.string({ maxLength: 40 }),
);
const headerValue = fc.oneof(
  fc.string({ maxLength: 300 }).map((text) => text.replace(/[^\x20-\x7e]/g, '')),
  fc.constant('a'.repeat(300)),
);

/** `quotesInput`: the answer is about the input itself (a page address), so quoting it back is the point. */
const ROUTES: {
  name: string;
  method: 'GET' | 'POST' | 'DELETE';
  path: (segment: string) => string;
  body: boolean;
  quotesInput?: true;
}[] = [
  { name: 'POST /api/tokens/diagnose', method: 'POST', path: () => '/api/tokens/diagnose', body: true },
  { name: 'POST /api/keys/check', method: 'POST', path: () => '/api/keys/check', body: true },
  {
    name: 'GET /api/secure-context',
    method: 'GET',
    path: (value) => `/api/secure-context?url=${value}`,
    body: false,
    quotesInput: true,
  },
  {
    name: 'POST /api/sessions/{documentId}',
    method: 'POST',
    // A fresh document each call: fast-check replays inputs while shrinking, and a second create of one document is
    // answered 409 with the first creator's keyHint (contract §4), which is stored data, not this request echoed.
    path: (value) => `/api/sessions/${value}${(sessionCalls += 1)}`,
    body: true,
  },
  {
    name: 'GET /api/accounts/{apiKey}/keys',
    method: 'GET',
    path: (value) => `/api/accounts/${value}/keys`,
    body: false,
  },
  {
    name: 'POST /api/accounts/{apiKey}/keys',
    method: 'POST',
    path: (value) => `/api/accounts/${value}/keys`,
    body: true,
  },
  {
    name: 'DELETE /api/accounts/{apiKey}/keys/{keyId}',
    method: 'DELETE',
    path: (value) => `/api/accounts/${value}/keys/${value}`,
    body: false,
  },
  {
    name: 'GET /api/accounts/{apiKey}/audit',
    method: 'GET',
    path: (value) => `/api/accounts/${value}/audit`,
    body: false,
  },
  {
    name: 'GET /api/accounts/{apiKey}/jwks.json',
    method: 'GET',
    path: (value) => `/api/accounts/${value}/jwks.json`,
    body: false,
  },
  { name: 'POST /api/auth/sign-in/email', method: 'POST', path: () => '/api/auth/sign-in/email', body: true },
  { name: 'POST /api/auth/sign-up/email', method: 'POST', path: () => '/api/auth/sign-up/email', body: true },
  { name: 'GET /api/clock', method: 'GET', path: () => '/api/clock', body: false },
];

interface Backend {
  name: string;
  skipReason?: string;
  prepare(): Promise<{ env: Record<string, string>; dispose(): Promise<void> }>;
}

const postgresUrl = process.env.TEST_DATABASE_URL;
const backends: Backend[] = [
  {
    name: 'the embedded database',
    async prepare() {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rtc-doctor-fuzz-'));
      return {
        env: { RTC_DOCTOR_DATA_DIR: dataDir, DATABASE_URL: '' },
        dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'PostgreSQL @postgres',
    skipReason: postgresUrl ? undefined : POSTGRES_SKIP_REASON,
    async prepare() {
      const database = await createThrowawayDatabase(postgresUrl!, 'rtc_doctor_fuzz');
      return {
        env: { DATABASE_URL: database.url, BETTER_AUTH_SECRET: randomBytes(32).toString('base64url') },
        dispose: database.drop,
      };
    },
  },
];

test.describe.configure({ mode: 'serial' });

backends.forEach((backend, index) => {
  test.describe(`every API route under fuzzed input on ${backend.name}`, () => {
    test.skip(Boolean(backend.skipReason), backend.skipReason);
    let server: ServerProcess;
    let dispose: () => Promise<void>;

    test.beforeAll(async () => {
      test.setTimeout(120_000);
      const prepared = await backend.prepare();
      dispose = prepared.dispose;
      server = await startServer(FIRST_PORT + index, prepared.env);
      // The first request to touch the database and sign-in opens and migrates them: slow, but not a hang.
      await fetch(`${server.url}/api/accounts/rtc_warm/keys`, { signal: AbortSignal.timeout(90_000) });
    });
    test.afterAll(async () => {
      await server?.kill();
      await dispose?.();
    });

    for (const route of ROUTES) {
      test(`${route.name}: never a 500, never a hang${route.quotesInput ? '' : ', never the input echoed in an error'}`, async () => {
        test.setTimeout(RUNS * REQUEST_TIMEOUT_MS);
        await fc.assert(
          fc.asyncProperty(
            segment,
            bodyText,
            headerValue,
            fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', ''),
            async (value, body, forwarded, type) => {
              const path = route.path(value);
              const response = await fetch(`${server.url}${path}`, {
                method: route.method,
                headers: {
                  ...(type ? { 'content-type': type } : {}),
                  'x-forwarded-for': forwarded,
                  origin: server.url,
                },
                body: route.body ? body : undefined,
                signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
              });
              const text = await response.text();
              expect(response.status, `${route.method} ${path.slice(0, 120)} → ${text.slice(0, 200)}`).toBeLessThan(
                500,
              );
              if (response.status >= 400 && !route.quotesInput)
                expect(text.includes(MARKER), `${route.name} echoed input: ${text.slice(0, 300)}`).toBe(false);
            },
          ),
          { numRuns: RUNS },
        );
      });
    }
  });
});
