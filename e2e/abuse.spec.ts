import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { PEER_ADDRESS_HEADER, RATE_LIMITS } from '../lib/http/rate-limit';
import { expect, test } from './fixtures';
import { startServer, type ServerProcess } from './server-process';

// A production server of this file's own with rate limits on and no trusted proxies, as when it is exposed directly:
// whatever X-Forwarded-For (or the peer header server.mjs sets) a request claims, it comes from 127.0.0.1. A second,
// well-behaved client connects from 127.0.0.2 (all of 127.0.0.0/8 is this machine on Linux) to show that the limits
// hold per client and not for everyone together. Every flood here is bounded in count and stays on this machine.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 93;
const OTHER_CLIENT = '127.0.0.2';
const KEY_CHECK_LIMIT = RATE_LIMITS.keyCheck.points;
const JWKS_LIMIT = RATE_LIMITS.jwks.points;
/** A few hundred past the JWKS allowance of one client in one window. */
const FLOOD = JWKS_LIMIT + 100;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const floodAgent = new Agent({ keepAlive: true, maxSockets: 16 });
const otherAgent = new Agent({ keepAlive: true, maxSockets: 1 });

/** One request over node:http, which (unlike fetch) can choose the address the connection comes from. */
function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; from?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: options.from ? otherAgent : floodAgent,
        localAddress: options.from,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.once('error', reject);
    req.end(options.body);
  });
}

/** Forged header values: a different documentation address each time, now and then a long or broken one. */
function forgedHeaders(index: number): Record<string, string> {
  const address = `${['192.0.2', '198.51.100', '203.0.113'][index % 3]}.${index % 250}`;
  if (index % 50 === 7)
    return { 'x-forwarded-for': `${'9'.repeat(300)}, ${address}`, [PEER_ADDRESS_HEADER]: 'not-an-address' };
  return { 'x-forwarded-for': `${address}, 10.0.${index % 256}.1`, [PEER_ADDRESS_HEADER]: address };
}

/** Runs `count` calls of `task`, `concurrency` at a time, and returns their results in order. */
async function inParallel<T>(count: number, concurrency: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await task(index);
      }
    }),
  );
  return results;
}

const tally = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {});

test.describe('a server exposed directly, with rate limits on', () => {
  test.describe.configure({ mode: 'serial', timeout: 120_000 });
  let dataDir: string;
  let server: ServerProcess;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'rtc-doctor-abuse-'));
    server = await startServer(PORT, {
      RTC_DOCTOR_DATA_DIR: dataDir,
      DATABASE_URL: '',
      RTC_DOCTOR_RATE_LIMITS: 'on',
      RTC_DOCTOR_TRUSTED_PROXIES: '',
    });
  });

  test.afterAll(async () => {
    floodAgent.destroy();
    otherAgent.destroy();
    await server?.kill();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('forged X-Forwarded-For and peer headers do not get a client more requests', async () => {
    const check = (index: number, from?: string) =>
      send(`${server.url}/api/keys/check`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(from ? {} : forgedHeaders(index)) },
        body: JSON.stringify({ key: '{}' }),
        from,
      });
    const statuses: number[] = [];
    for (let index = 0; index <= KEY_CHECK_LIMIT; index++) statuses.push((await check(index)).status);
    expect(statuses.slice(0, KEY_CHECK_LIMIT)).toEqual(new Array(KEY_CHECK_LIMIT).fill(200));
    expect(statuses[KEY_CHECK_LIMIT]).toBe(429);
    // The limit is this client's, not everybody's: another address is still served.
    expect((await check(0, OTHER_CLIENT)).status).toBe(200);
  });

  test('the batch route counts tokens, not requests: the third batch of 40% of a minute’s allowance is refused', async () => {
    const perBatch = Math.floor(RATE_LIMITS.diagnoseBatch.points * 0.4);
    // Bare one-character "tokens": each a structural finding, cheap to diagnose, and each counted.
    const body = 'a\n'.repeat(perBatch);
    const batch = () =>
      send(`${server.url}/api/tokens/diagnose-batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson' },
        body,
      });
    const first = await batch();
    expect(first.status).toBe(200);
    expect(first.body.trim().split('\n')).toHaveLength(perBatch);
    expect((await batch()).status).toBe(200);
    const third = await batch();
    expect(third.status).toBe(429);
    expect(JSON.parse(third.body)).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
  });

  test('an oversized sign-up is refused at once, declared or streamed, and the server keeps answering meanwhile', async () => {
    const signUpUrl = new URL('/api/auth/sign-up/email', server.url);
    // On connections of their own: the server closes them after refusing, and a shared keep-alive socket would die with them.
    const declared = await new Promise<number>((resolve, reject) => {
      const upload = httpRequest(
        signUpUrl,
        {
          method: 'POST',
          agent: false,
          headers: { 'content-type': 'application/json', 'content-length': String(150 * 1024 * 1024) },
        },
        (response) => {
          resolve(response.statusCode ?? 0);
          response.resume();
          upload.destroy();
        },
      );
      // The server may refuse and close before this first write lands: EPIPE or a reset then comes before (or
      // instead of) the answer, and only a close without any answer is a failure.
      upload.on('error', (error: NodeJS.ErrnoException) =>
        upload.destroyed || error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error),
      );
      upload.on('close', () => reject(new Error('the connection closed without an answer')));
      upload.write('{"name":"');
    });
    expect(declared).toBe(413);

    // 50 MB in 1 MB chunks with no Content-Length: the answer must come long before the body would end.
    const streamed = new Promise<number>((resolve, reject) => {
      const upload = httpRequest(
        signUpUrl,
        { method: 'POST', agent: false, headers: { 'content-type': 'application/json', origin: server.url } },
        (response) => {
          resolve(response.statusCode ?? 0);
          response.resume();
          upload.destroy();
        },
      );
      upload.on('error', (error) => (upload.destroyed ? undefined : reject(error)));
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 50 && !upload.destroyed) {
          sent++;
          if (!upload.write(sent === 1 ? Buffer.concat([Buffer.from('{"name":"'), chunk]) : chunk))
            return void upload.once('drain', pump);
        }
        if (!upload.destroyed) upload.end('"}');
      };
      pump();
    });
    const clock = await send(`${server.url}/api/clock`, { from: OTHER_CLIENT });
    expect(clock.status).toBe(200);
    expect(await streamed).toBe(413);
  });

  test('the JWKS endpoint answers a well-behaved client 200 while a few hundred forged requests flood it', async ({
    request,
  }) => {
    const origin = { origin: server.url };
    const signUp = await request.post(`${server.url}/api/auth/sign-up/email`, {
      data: {
        name: 'Flo Owner',
        email: `flo-${crypto.randomUUID().slice(0, 8)}@example.test`,
        password: 'a long enough password',
      },
      headers: origin,
    });
    expect(signUp.status()).toBe(200);
    const apiKey = /rtc_[A-Za-z0-9_-]{24}/.exec(await (await request.get(`${server.url}/account`)).text())?.[0];
    expect(apiKey).toBeDefined();
    const jwk = {
      ...generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' }),
      kid: 'flood-test',
      alg: 'RS256',
    };
    const upload = await request.post(`${server.url}/api/accounts/${apiKey}/keys`, {
      data: { key: JSON.stringify(jwk) },
      headers: origin,
    });
    expect(upload.status()).toBe(201);
    const url = `${server.url}/api/accounts/${apiKey}/jwks.json`;

    // The well-behaved client revalidates with its ETag, as the collaboration service's cache would.
    const first = await send(url, { from: OTHER_CLIENT });
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body).keys.map((key: { kid: string }) => key.kid)).toEqual(['flood-test']);
    const etag = String(first.headers.etag);

    let flooding = true;
    const polled: number[] = [];
    const poller = (async () => {
      while (flooding || polled.length < 5) {
        polled.push((await send(url, { from: OTHER_CLIENT, headers: { 'if-none-match': etag } })).status);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const flood = await inParallel(
      FLOOD,
      16,
      async (index) => (await send(url, { headers: forgedHeaders(index) })).status,
    ).finally(() => (flooding = false));
    await poller;

    // All of the flood is one client, 127.0.0.1, however it dresses up: its own limit, then 429; never an error.
    expect(tally(flood)).toEqual({ 200: JWKS_LIMIT, 429: FLOOD - JWKS_LIMIT });
    expect(new Set(polled)).toEqual(new Set([304]));
  });
  test('sign-ups from one address are limited per minute, whatever X-Forwarded-For says', async () => {
    const third = '127.0.0.3';
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= RATE_LIMITS.signUp.points; attempt++) {
      const body = JSON.stringify({
        name: 'Many',
        email: `many-${attempt}-${crypto.randomUUID().slice(0, 8)}@example.test`,
        password: 'a long enough password',
      });
      const answer = await send(`${server.url}/api/auth/sign-up/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url, ...forgedHeaders(attempt) },
        body,
        from: third,
      });
      statuses.push(answer.status);
    }
    expect(statuses.slice(0, RATE_LIMITS.signUp.points)).toEqual(new Array(RATE_LIMITS.signUp.points).fill(200));
    expect(statuses.at(-1)).toBe(429);
  });
});
