import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOnBackends } from '@/lib/db/test-databases';
import { clientAddress, consumeRateLimit, createRateLimiter } from './rate-limit';

function requestFrom(address: string): Request {
  return new Request('http://localhost/api/x', { headers: { 'x-forwarded-for': address } });
}

describe('clientAddress', () => {
  it('takes the address the nearest proxy appended', () => {
    expect(clientAddress(requestFrom('203.0.113.9, 10.0.0.1'))).toBe('10.0.0.1');
    expect(clientAddress(new Request('http://localhost/', { headers: { 'x-real-ip': '198.51.100.2' } }))).toBe('198.51.100.2');
    expect(clientAddress(new Request('http://localhost/'))).toBe('unknown');
  });
});

describeOnBackends('rate limits', (backend) => {
  let opened: Awaited<ReturnType<typeof backend.open>>;
  beforeAll(async () => {
    opened = await backend.open();
  });
  afterAll(async () => opened?.dispose());

  it('answers 429 with Retry-After once a client is over its limit, per client', async () => {
    const limiter = createRateLimiter({ keyPrefix: `test-${crypto.randomUUID()}`, points: 3, duration: 60 }, opened.pool);
    for (let attempt = 0; attempt < 3; attempt++) expect(await consumeRateLimit(limiter, requestFrom('192.0.2.1'))).toBeUndefined();
    const refused = await consumeRateLimit(limiter, requestFrom('192.0.2.1'));
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await refused!.json()).error.code).toBe('RATE_LIMITED');
    expect(await consumeRateLimit(limiter, requestFrom('192.0.2.2'))).toBeUndefined();
  });

  it('holds an overall ceiling when every request claims a different address', async () => {
    const limiter = createRateLimiter({ keyPrefix: `test-${crypto.randomUUID()}`, points: 2, duration: 60, overall: 5 }, opened.pool);
    const answers = [];
    for (let attempt = 0; attempt < 8; attempt++) answers.push((await consumeRateLimit(limiter, requestFrom(`198.51.100.${attempt}`)))?.status ?? 200);
    expect(answers).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
  });
});

// Only PostgreSQL is shared between processes; the embedded database serves one process by design.
describeOnBackends('shared rate limits', (backend) => {
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
}, 'postgres');
