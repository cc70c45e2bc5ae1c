import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAuth, type Auth } from '@/lib/auth/server';
import { Store } from '@/lib/db/store';
import { describeOnBackends } from '@/lib/db/test-databases';
import {
  clientAddress,
  clientKey,
  consumeRateLimit,
  createLockout,
  createRateLimiter,
  limitSignIn,
  lockoutSeconds,
  MAX_ADDRESS_LENGTH,
  parseTrustedProxies,
  PEER_ADDRESS_HEADER,
  RATE_LIMITS,
  SIGN_IN_BODY_LIMIT,
  SIGN_IN_LOCKOUT,
  signInAccount,
  withLockout,
  type LockoutPolicy,
  type TrustedProxies,
} from './rate-limit';

function trust(setting: string): TrustedProxies {
  const parsed = parseTrustedProxies(setting);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.trust;
}

/** A request as server.mjs hands it on: `peer` is the socket's address (absent: not through server.mjs). */
function requestFrom(peer: string | undefined, forwardedFor?: string): Request {
  const headers: Record<string, string> = {};
  if (peer !== undefined) headers[PEER_ADDRESS_HEADER] = peer;
  if (forwardedFor !== undefined) headers['x-forwarded-for'] = forwardedFor;
  return new Request('http://localhost/api/x', { headers });
}

const LONG_HEADER = `${'1'.repeat(150)}.${'2'.repeat(149)}`;

describe('clientAddress', () => {
  it.each([
    // [setting, peer, X-Forwarded-For, client]
    ['', '192.0.2.1', undefined, '192.0.2.1'],
    ['', '192.0.2.1', '203.0.113.9, 198.51.100.4', '192.0.2.1'],
    ['', undefined, '203.0.113.9', 'unknown'],
    ['', 'not-an-address', undefined, 'invalid'],
    ['10.0.0.0/8, 192.168.1.1', '10.0.0.5', '203.0.113.9', '203.0.113.9'],
    ['10.0.0.0/8, 192.168.1.1', '10.0.0.5', '198.51.100.1, 203.0.113.9, 192.168.1.1, 10.9.8.7', '203.0.113.9'],
    ['10.0.0.0/8', '192.0.2.1', '203.0.113.9', '192.0.2.1'],
    ['10.0.0.0/8', '10.0.0.5', '10.1.1.1, 10.2.2.2', '10.1.1.1'],
    ['10.0.0.0/8', '10.0.0.5', undefined, '10.0.0.5'],
    ['10.0.0.0/8', '10.0.0.5', 'garbage, 203.0.113.9', '203.0.113.9'],
    ['10.0.0.0/8', '10.0.0.5', '203.0.113.9, garbage', 'invalid'],
    ['10.0.0.0/8', undefined, '203.0.113.9', 'unknown'],
    ['10.0.0.5', '10.0.0.5', '203.0.113.7:4711', '203.0.113.7'],
    ['hops:1', '10.0.0.5', '198.51.100.66, 203.0.113.9', '203.0.113.9'],
    ['hops:2', '10.0.0.5', '198.51.100.66, 203.0.113.9, 10.0.0.1', '203.0.113.9'],
    ['hops:3', '10.0.0.5', '203.0.113.9, 10.0.0.1', '203.0.113.9'],
    ['hops:1', '10.0.0.5', undefined, '10.0.0.5'],
    ['hops:1', undefined, '203.0.113.9', '203.0.113.9'],
    ['hops:1', undefined, undefined, 'unknown'],
    ['', '2001:DB8:0:0:0:0:0:1', undefined, '2001:db8::1'],
    ['2001:db8:aa::/48', '2001:db8:aa::2', '2001:db8:bb::7, 2001:db8:aa::1', '2001:db8:bb::7'],
    ['2001:db8:aa::/48', '2001:db8:aa::2', '[2001:DB8:BB::7]:443', '2001:db8:bb::7'],
    ['', '::ffff:192.0.2.1', undefined, '192.0.2.1'],
    ['127.0.0.1', '::ffff:127.0.0.1', '203.0.113.9', '203.0.113.9'],
    ['::ffff:10.0.0.0/104', '10.2.3.4', '203.0.113.9', '203.0.113.9'],
    ['10.0.0.0/8', '10.0.0.5', '::ffff:203.0.113.9', '203.0.113.9'],
    ['', LONG_HEADER, undefined, 'invalid'],
    ['10.0.0.0/8', '10.0.0.5', LONG_HEADER, 'invalid'],
    ['hops:1', '10.0.0.5', LONG_HEADER, 'invalid'],
  ])(
    'with RTC_DOCTOR_TRUSTED_PROXIES=%j, peer %j and X-Forwarded-For %j, the client is %j',
    (setting, peer, forwardedFor, client) => {
      expect(clientAddress(requestFrom(peer, forwardedFor), trust(setting))).toBe(client);
    },
  );

  it('ignores X-Real-IP, which a client can send as easily as X-Forwarded-For', () => {
    expect(
      clientAddress(
        new Request('http://localhost/', {
          headers: { 'x-real-ip': '198.51.100.2', [PEER_ADDRESS_HEADER]: '192.0.2.1' },
        }),
      ),
    ).toBe('192.0.2.1');
  });

  it('counts an IPv6 client by its /64, where one host has addresses to spare', () => {
    expect(clientKey(requestFrom('2001:db8:1:2:aaaa::1'))).toBe('2001:db8:1:2::/64');
    expect(clientKey(requestFrom('2001:db8:1:2:bbbb::9'))).toBe('2001:db8:1:2::/64');
    expect(clientKey(requestFrom('2001:db8:1:3::1'))).toBe('2001:db8:1:3::/64');
    expect(clientKey(requestFrom('192.0.2.1'))).toBe('192.0.2.1');
  });

  it('answers a short address, unknown or invalid for any header content, and never throws', () => {
    const headerText = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF:.,[]/% -xyz'), maxLength: 400 });
    const setting = fc.constantFrom('', '10.0.0.0/8, 2001:db8::/32', 'hops:1', 'hops:3', '0.0.0.0/1, 128.0.0.0/1');
    fc.assert(
      fc.property(
        setting,
        fc.option(headerText, { nil: undefined }),
        fc.option(headerText, { nil: undefined }),
        (value, peer, forwardedFor) => {
          const address = clientAddress(requestFrom(peer, forwardedFor), trust(value));
          expect(address.length).toBeLessThanOrEqual(MAX_ADDRESS_LENGTH);
          expect(clientKey(requestFrom(peer, forwardedFor), trust(value)).length).toBeLessThanOrEqual(
            MAX_ADDRESS_LENGTH + 3,
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('parseTrustedProxies', () => {
  it('reads nothing, a hop count, or a list of addresses and ranges', () => {
    expect(parseTrustedProxies(undefined)).toEqual({ trust: { kind: 'none' } });
    expect(parseTrustedProxies('  ')).toEqual({ trust: { kind: 'none' } });
    expect(parseTrustedProxies('hops:2')).toEqual({ trust: { kind: 'hops', hops: 2 } });
    expect(parseTrustedProxies(' HOPS : 1 ')).toEqual({ trust: { kind: 'hops', hops: 1 } });
    const list = parseTrustedProxies('10.0.0.0/8, 192.168.1.1 ,2001:db8::/32,::1');
    expect(
      'trust' in list &&
        list.trust.kind === 'list' &&
        list.trust.ranges.map(([address, bits]) => `${address.toString()}/${bits}`),
    ).toEqual(['10.0.0.0/8', '192.168.1.1/32', '2001:db8::/32', '::1/128']);
  });

  it.each([
    ['hops:0', /the hop count must be a whole number from 1 to 10/],
    ['hops:11', /the hop count must be a whole number from 1 to 10/],
    ['hops:two', /the hop count must be a whole number/],
    ['10.0.0.0/33', /"10.0.0.0\/33" is not an IP address or a CIDR range/],
    ['proxy.internal', /"proxy.internal" is not an IP address or a CIDR range/],
    ['10.0.0.0/8/8', /is not an IP address or a CIDR range/],
    ['10.1', /"10.1" is not an IP address/],
    ['0.0.0.0/0', /"0.0.0.0\/0" trusts every address/],
    ['::/0', /trusts every address/],
    [',', /the list is empty/],
  ])('refuses %j, saying why', (setting, message) => {
    const parsed = parseTrustedProxies(setting);
    expect('error' in parsed && parsed.error).toMatch(message);
  });
});

describe('server.mjs', () => {
  // Imported as the program it is, not compiled: the path keeps TypeScript from looking for its types.
  const serverModule = () =>
    import(/* @vite-ignore */ pathToFileURL(path.resolve('server.mjs')).href) as Promise<{
      PEER_ADDRESS_HEADER: string;
      stampPeerAddress(req: unknown): void;
    }>;

  it('names the same peer header as the rate limits read', async () => {
    expect((await serverModule()).PEER_ADDRESS_HEADER).toBe(PEER_ADDRESS_HEADER);
    expect(readFileSync('server.mjs', 'utf8')).toContain(`'${PEER_ADDRESS_HEADER}'`);
  });

  it("overwrites the peer header with the socket's address, whatever the client sent", async () => {
    const { stampPeerAddress } = await serverModule();
    const forged = {
      headers: { [PEER_ADDRESS_HEADER]: '203.0.113.9, 198.51.100.1', 'x-forwarded-for': '203.0.113.9' },
      socket: { remoteAddress: '::ffff:192.0.2.7' },
    };
    stampPeerAddress(forged);
    expect(forged.headers).toEqual({ [PEER_ADDRESS_HEADER]: '::ffff:192.0.2.7', 'x-forwarded-for': '203.0.113.9' });
    const gone = { headers: { [PEER_ADDRESS_HEADER]: '203.0.113.9' } as Record<string, string>, socket: {} };
    stampPeerAddress(gone);
    expect(gone.headers).toEqual({});
  });
});

describeOnBackends('rate limits', (backend) => {
  let opened: Awaited<ReturnType<typeof backend.open>>;
  beforeAll(async () => {
    opened = await backend.open();
  });
  afterAll(async () => opened?.dispose());

  const statuses = async (limiter: ReturnType<typeof createRateLimiter>, requests: Request[], setting = '') => {
    const answers = [];
    for (const request of requests)
      answers.push((await consumeRateLimit(limiter, request, trust(setting)))?.status ?? 200);
    return answers;
  };

  it('answers 429 with Retry-After once a client is over its limit, per client', async () => {
    const limiter = createRateLimiter(
      { keyPrefix: `test-${crypto.randomUUID()}`, points: 3, duration: 60 },
      opened.pool,
    );
    for (let attempt = 0; attempt < 3; attempt++)
      expect(await consumeRateLimit(limiter, requestFrom('192.0.2.1'))).toBeUndefined();
    const refused = await consumeRateLimit(limiter, requestFrom('192.0.2.1'));
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await refused!.json()).error.code).toBe('RATE_LIMITED');
    expect(await consumeRateLimit(limiter, requestFrom('192.0.2.2'))).toBeUndefined();
  });

  it('counts a client with a new forged X-Forwarded-For on every request as the one client it is', async () => {
    const limiter = createRateLimiter(
      { keyPrefix: `test-${crypto.randomUUID()}`, points: 3, duration: 60, overall: false },
      opened.pool,
    );
    const forged = Array.from({ length: 5 }, (_, index) => requestFrom('192.0.2.66', `198.51.100.${index}`));
    expect(await statuses(limiter, forged)).toEqual([200, 200, 200, 429, 429]);
    expect(await statuses(limiter, [requestFrom('192.0.2.67')])).toEqual([200]);
  });

  it('believes X-Forwarded-For from a trusted proxy, and only from one', async () => {
    const limiter = createRateLimiter(
      { keyPrefix: `test-${crypto.randomUUID()}`, points: 1, duration: 60, overall: false },
      opened.pool,
    );
    const viaProxy = [
      requestFrom('10.0.0.2', '198.51.100.1'),
      requestFrom('10.0.0.2', '198.51.100.2'),
      requestFrom('10.0.0.2', '198.51.100.1'),
    ];
    expect(await statuses(limiter, viaProxy, '10.0.0.0/8')).toEqual([200, 200, 429]);
    expect(
      await statuses(
        limiter,
        [requestFrom('192.0.2.9', '198.51.100.3'), requestFrom('192.0.2.9', '198.51.100.4')],
        '10.0.0.0/8',
      ),
    ).toEqual([200, 429]);
  });

  it('holds an overall ceiling when every request comes from a different address', async () => {
    const limiter = createRateLimiter(
      { keyPrefix: `test-${crypto.randomUUID()}`, points: 2, duration: 60, overall: 5 },
      opened.pool,
    );
    expect(
      await statuses(
        limiter,
        Array.from({ length: 8 }, (_, index) => requestFrom(`198.51.100.${index}`)),
      ),
    ).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
  });

  it('has no ceiling for all clients together where the policy says so (JWKS, sign-in)', async () => {
    expect(RATE_LIMITS.jwks.overall).toBe(false);
    expect(RATE_LIMITS.signIn.overall).toBe(false);
    const limiter = createRateLimiter(
      { keyPrefix: `test-${crypto.randomUUID()}`, points: 1, duration: 60, overall: false },
      opened.pool,
    );
    expect(limiter.overall).toBeUndefined();
    expect(
      await statuses(
        limiter,
        Array.from({ length: 50 }, (_, index) => requestFrom(`198.51.100.${index}`)),
      ),
    ).toEqual(new Array(50).fill(200));
  });

  it('never fails on a key made from any header content, however long', async () => {
    const limiter = createRateLimiter(
      { keyPrefix: `test-${crypto.randomUUID()}`, points: 1000, duration: 60 },
      opened.pool,
    );
    const headerText = fc.string({
      unit: fc.constantFrom(...'0123456789abcdef:.,[]/% x\u00e9'),
      minLength: 250,
      maxLength: 2000,
    });
    for (const setting of ['', '10.0.0.0/8', 'hops:2']) {
      await fc.assert(
        fc.asyncProperty(headerText, fc.option(headerText, { nil: undefined }), async (peer, forwardedFor) => {
          expect(
            (await consumeRateLimit(limiter, requestFrom(peer, forwardedFor), trust(setting)))?.status,
          ).toBeUndefined();
        }),
        { numRuns: 20 },
      );
    }
    expect(
      await consumeRateLimit(limiter, requestFrom('10.0.0.2', `${'9'.repeat(300)}, 198.51.100.1`), trust('10.0.0.0/8')),
    ).toBeUndefined();
  });
});

// Only PostgreSQL is shared between processes; the embedded database serves one process by design.
describeOnBackends(
  'shared rate limits',
  (backend) => {
    let opened: Awaited<ReturnType<typeof backend.open>>;
    beforeAll(async () => {
      opened = await backend.open();
    });
    afterAll(async () => opened?.dispose());

    it('shares counters between limiters on the same database, as two server processes would', async () => {
      const policy = { keyPrefix: `shared-${crypto.randomUUID()}`, points: 2, duration: 60 };
      const first = createRateLimiter(policy, opened.pool);
      const second = createRateLimiter(policy, opened.pool);
      expect(await consumeRateLimit(first, requestFrom('192.0.2.3'))).toBeUndefined();
      expect(await consumeRateLimit(second, requestFrom('192.0.2.3'))).toBeUndefined();
      expect((await consumeRateLimit(first, requestFrom('192.0.2.3')))?.status).toBe(429);
    });

    it('keeps a limit marked "memory" in the process, even with PostgreSQL', async () => {
      const policy = { keyPrefix: `memory-${crypto.randomUUID()}`, points: 1, duration: 60, store: 'memory' as const };
      const first = createRateLimiter(policy, opened.pool);
      const second = createRateLimiter(policy, opened.pool);
      expect(await consumeRateLimit(first, requestFrom('192.0.2.3'))).toBeUndefined();
      expect(await consumeRateLimit(second, requestFrom('192.0.2.3'))).toBeUndefined();
      expect((await consumeRateLimit(first, requestFrom('192.0.2.3')))?.status).toBe(429);
    });
  },
  'postgres',
);

describe('lockoutSeconds', () => {
  it('lets the first attempts through, then doubles the wait up to its cap', () => {
    const waits = Array.from({ length: 11 }, (_, index) => lockoutSeconds(SIGN_IN_LOCKOUT, index + 1));
    expect(waits).toEqual([0, 0, 0, 0, 60, 120, 240, 480, 900, 900, 900]);
  });
});

describe('signInAccount', () => {
  it('reads the email as the sign-in library does, lowercased, from JSON or a form', () => {
    expect(
      signInAccount('application/json; charset=utf-8', JSON.stringify({ email: ' Ada@Example.TEST', password: 'x' })),
    ).toBe('ada@example.test');
    expect(
      signInAccount('Application/JSON', JSON.stringify({ email: 'a@example.test', email2: 'b@example.test' })),
    ).toBe('a@example.test');
    expect(signInAccount('application/x-www-form-urlencoded', 'email=Ada%40example.test&password=x')).toBe(
      'ada@example.test',
    );
  });

  it('names no account when there is none to read', () => {
    expect(signInAccount('application/json', '{not json')).toBeUndefined();
    expect(signInAccount('application/json', JSON.stringify({ email: 42 }))).toBeUndefined();
    expect(signInAccount('application/json', JSON.stringify(['a@example.test']))).toBeUndefined();
    expect(signInAccount('text/plain', JSON.stringify({ email: 'a@example.test' }))).toBeUndefined();
    expect(signInAccount(null, JSON.stringify({ email: 'a@example.test' }))).toBeUndefined();
  });
});

describeOnBackends('per-account lockout', (backend) => {
  let opened: Awaited<ReturnType<typeof backend.open>>;
  beforeAll(async () => {
    opened = await backend.open();
  });
  afterAll(async () => opened?.dispose());
  afterEach(() => vi.useRealTimers());

  const policy = (): LockoutPolicy => ({ ...SIGN_IN_LOCKOUT, keyPrefix: `lockout-${crypto.randomUUID()}` });
  const answer = (status: number) => async () => new Response(null, { status });

  it('lets 5 failed attempts through, then makes each further one wait twice as long; a success clears it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-01-01T00:00:00Z'));
    const lockout = createLockout(policy(), opened.pool);
    const attempts = [];
    for (let attempt = 0; attempt < 6; attempt++)
      attempts.push((await withLockout(lockout, 'ada@example.test', answer(401))).status);
    expect(attempts).toEqual([401, 401, 401, 401, 401, 429]);
    const locked = await withLockout(lockout, 'ada@example.test', answer(200));
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('60');
    expect((await locked.json()).error).toEqual({
      code: 'RATE_LIMITED',
      message: 'Too many sign-in attempts for this account; try again in 60 seconds.',
    });
    // Other accounts are not affected.
    expect((await withLockout(lockout, 'grace@example.test', answer(401))).status).toBe(401);

    vi.setSystemTime(new Date('2031-01-01T00:01:01Z'));
    expect((await withLockout(lockout, 'ada@example.test', answer(401))).status).toBe(401);
    const longer = await withLockout(lockout, 'ada@example.test', answer(200));
    expect([longer.status, longer.headers.get('retry-after')]).toEqual([429, '120']);

    vi.setSystemTime(new Date('2031-01-01T00:03:02Z'));
    expect((await withLockout(lockout, 'ada@example.test', answer(200))).status).toBe(200);
    const afterSuccess = [];
    for (let attempt = 0; attempt < 6; attempt++)
      afterSuccess.push((await withLockout(lockout, 'ada@example.test', answer(401))).status);
    expect(afterSuccess).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('lets only the allowed attempts of a concurrent burst run', async () => {
    const lockout = createLockout(policy(), opened.pool);
    let ran = 0;
    const answers = await Promise.all(
      Array.from({ length: 30 }, () =>
        withLockout(lockout, 'ada@example.test', async () => (ran++, new Response(null, { status: 401 }))),
      ),
    );
    expect(ran).toBe(SIGN_IN_LOCKOUT.freeAttempts);
    expect(answers.filter((response) => response.status === 429)).toHaveLength(30 - SIGN_IN_LOCKOUT.freeAttempts);
  });

  it('does not count an attempt that a limit refused before it ran', async () => {
    const lockout = createLockout(policy(), opened.pool);
    for (let attempt = 0; attempt < 10; attempt++)
      expect((await withLockout(lockout, 'ada@example.test', answer(429))).status).toBe(429);
    const attempts = [];
    for (let attempt = 0; attempt < 5; attempt++)
      attempts.push((await withLockout(lockout, 'ada@example.test', answer(401))).status);
    expect(attempts).toEqual([401, 401, 401, 401, 401]);
  });
});

describeOnBackends('sign-in limits', (backend) => {
  const SITE = 'http://localhost:3000';
  let opened: Awaited<ReturnType<typeof backend.open>>;
  let auth: Auth;
  beforeAll(async () => {
    opened = await backend.open();
    auth = createAuth(opened.db, new Store(opened.db), {
      secret: 'test-secret-that-is-long-enough-for-signing-0123456789',
      baseURL: SITE,
    });
    for (const [name, email] of [
      ['Ada', 'ada@example.test'],
      ['Grace', 'grace@example.test'],
    ]) {
      expect(
        (
          await auth.api.signUpEmail({
            body: { name: name!, email: email!, password: 'correct horse battery' },
            asResponse: true,
          })
        ).status,
      ).toBe(200);
    }
  });
  afterAll(async () => opened?.dispose());
  afterEach(() => vi.useRealTimers());

  const limits = () => ({
    perAddress: createRateLimiter({ ...RATE_LIMITS.signIn, keyPrefix: `sign-in-${crypto.randomUUID()}` }, opened.pool),
    perAccount: createLockout({ ...SIGN_IN_LOCKOUT, keyPrefix: `sign-in-account-${crypto.randomUUID()}` }, opened.pool),
    trust: trust(''),
  });
  const signIn = (peer: string, email: string, password: string, forwardedFor?: string) =>
    new Request(`${SITE}/api/auth/sign-in/email`, {
      method: 'POST',
      body: JSON.stringify({ email, password }),
      headers: {
        'content-type': 'application/json',
        origin: SITE,
        [PEER_ADDRESS_HEADER]: peer,
        ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
      },
    });
  const handle = (request: Request) => auth.handler(request);

  it('locks an account after 5 wrong passwords from any addresses, and the right one after the wait signs in', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-02-01T00:00:00Z'));
    const guard = limits();
    const guesses = [];
    for (let guess = 0; guess < 6; guess++)
      guesses.push(
        (await limitSignIn(signIn(`198.51.100.${guess}`, 'ADA@example.test', `guess number ${guess}`), guard, handle))
          .status,
      );
    expect(guesses).toEqual([401, 401, 401, 401, 401, 429]);
    expect(
      (await limitSignIn(signIn('192.0.2.1', 'ada@example.test', 'correct horse battery'), guard, handle)).status,
    ).toBe(429);

    vi.setSystemTime(new Date('2031-02-01T00:01:01Z'));
    expect(
      (await limitSignIn(signIn('192.0.2.1', 'ada@example.test', 'correct horse battery'), guard, handle)).status,
    ).toBe(200);
    expect(
      (await limitSignIn(signIn('198.51.100.9', 'ada@example.test', 'one more guess'), guard, handle)).status,
    ).toBe(401);
  });

  it('hands the sign-in the body it was sent, and refuses one past the limit without running the sign-in', async () => {
    const guard = limits();
    let seen: unknown;
    const echo = async (request: Request) => ((seen = await request.json()), new Response(null, { status: 401 }));
    expect((await limitSignIn(signIn('192.0.2.1', 'Ada@example.test', 'pw'), guard, echo)).status).toBe(401);
    expect(seen).toEqual({ email: 'Ada@example.test', password: 'pw' });
    seen = undefined;
    const tooLarge = await limitSignIn(
      signIn('192.0.2.1', 'ada@example.test', 'x'.repeat(SIGN_IN_BODY_LIMIT)),
      guard,
      echo,
    );
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(seen).toBeUndefined();
  });

  it('does not lock the real owner out when one client floods sign-in with forged addresses', async () => {
    const guard = limits();
    const flood = [];
    for (let attempt = 0; attempt < 230; attempt++) {
      flood.push(
        (
          await limitSignIn(
            signIn('203.0.113.66', `nobody-${attempt}@example.test`, 'wrong password!', `198.51.100.${attempt % 250}`),
            guard,
            handle,
          )
        ).status,
      );
    }
    expect(flood.filter((status) => status === 401)).toHaveLength(RATE_LIMITS.signIn.points);
    expect(flood.filter((status) => status === 429)).toHaveLength(230 - RATE_LIMITS.signIn.points);
    expect(
      (await limitSignIn(signIn('192.0.2.1', 'grace@example.test', 'correct horse battery'), guard, handle)).status,
    ).toBe(200);
  });
});

describe('the README on limits', () => {
  const readme = readFileSync('README.md', 'utf8');

  it('states the per-client limits as RATE_LIMITS sets them', () => {
    const { diagnose, keyCheck, secureContext, jwks, signIn, signUp, sessionCreate, sessionEvents } = RATE_LIMITS;
    expect(Object.values(RATE_LIMITS).map((policy) => policy.duration)).toEqual(
      new Array(Object.keys(RATE_LIMITS).length).fill(60),
    );
    expect(readme).toContain(
      `per minute: diagnose ${diagnose.points}, key check ${keyCheck.points}, secure-context ${secureContext.points}, JWKS ${jwks.points}, sign-in ${signIn.points}, sign-up ${signUp.points}, session create ${sessionCreate.points}, session event streams ${sessionEvents.points}.`,
    );
  });

  it('states the sign-in lockout as SIGN_IN_LOCKOUT sets it', () => {
    const waits: number[] = [];
    for (let attempt = SIGN_IN_LOCKOUT.freeAttempts; waits.at(-1) !== SIGN_IN_LOCKOUT.maxLockoutSeconds / 60; attempt++)
      waits.push(lockoutSeconds(SIGN_IN_LOCKOUT, attempt) / 60);
    const listed = `${waits.slice(0, -1).join(', ')} and then ${waits.at(-1)} minutes`;
    expect(SIGN_IN_LOCKOUT.memorySeconds).toBe(24 * 3600);
    expect(readme).toContain(
      `${SIGN_IN_LOCKOUT.freeAttempts} attempts in a row without a success go through, then each further one must wait ${listed} (the cap)`,
    );
    expect(readme).toContain('attempts are remembered for a day');
    expect(readme).toContain(`A sign-in body over ${SIGN_IN_BODY_LIMIT / 1024} KiB is refused with 413.`);
  });
});
