import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Store } from '@/lib/db/store';
import { describeOnBackends } from '@/lib/db/test-databases';
import { consumeRateLimit, createRateLimiter, PEER_ADDRESS_HEADER, RATE_LIMITS } from '@/lib/http/rate-limit';
import { readFileSync } from 'node:fs';
import {
  handleCachedJwksRequest,
  handleJwksRequest,
  JWKS_CACHE_CONTROL,
  JWKS_MEMORY_BYTES,
  JWKS_MEMORY_ENTRIES,
  JWKS_MEMORY_SECONDS,
  JWKS_UNKNOWN_MEMORY_SECONDS,
  JwksCache,
} from './jwks';

describeOnBackends('GET /api/accounts/{apiKey}/jwks.json', (backend) => {
  let opened: Awaited<ReturnType<typeof backend.open>>;
  let store: Store;
  let apiKey: string;
  let accountId: string;

  beforeAll(async () => {
    opened = await backend.open();
    store = new Store(opened.db);
    const account = await store.createAccount({ name: 'Acme' });
    apiKey = account.apiKey;
    accountId = account.id;
    await store.addKeys(
      account.id,
      [{ kid: 'k1', kty: 'EC', alg: 'ES256', jwk: { kty: 'EC', crv: 'P-256', x: 'xx', y: 'yy' }, thumbprint: 't1' }],
      { id: 'u', role: 'owner' },
    );
  });
  afterAll(async () => opened?.dispose());

  const get = (key: string, headers: Record<string, string> = {}) =>
    handleJwksRequest(new Request(`http://localhost/api/accounts/${key}/jwks.json`, { headers }), key, store);

  it('serves the public keys with kid, alg and use, an ETag and Cache-Control', async () => {
    const response = await get(apiKey);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/jwk-set+json');
    expect(response.headers.get('cache-control')).toBe(JWKS_CACHE_CONTROL);
    expect(response.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(await response.json()).toEqual({
      keys: [{ kty: 'EC', crv: 'P-256', x: 'xx', y: 'yy', kid: 'k1', alg: 'ES256', use: 'sig' }],
    });
  });

  it('answers 304 to a matching If-None-Match, and 200 once the keys change', async () => {
    const tag = (await get(apiKey)).headers.get('etag')!;
    const notModified = await get(apiKey, { 'if-none-match': `W/${tag}, "other"` });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('etag')).toBe(tag);
    expect(await notModified.text()).toBe('');
    await store.addKeys(
      accountId,
      [{ kid: 'k2', kty: 'EC', jwk: { kty: 'EC', crv: 'P-256', x: 'x2', y: 'y2' }, thumbprint: 't2' }],
      { id: 'u', role: 'owner' },
    );
    const changed = await get(apiKey, { 'if-none-match': tag });
    expect(changed.status).toBe(200);
    expect((await changed.json()).keys).toHaveLength(2);
  });

  it.each(['rtc_unknown', 'has spaces', "quote'", 'x'.repeat(200)])('answers 404 for the API key %j', async (key) => {
    const response = await get(key);
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('NOT_FOUND');
  });
});

describeOnBackends('GET /api/accounts/{apiKey}/jwks.json from the key-set cache', (backend) => {
  let opened: Awaited<ReturnType<typeof backend.open>>;
  let store: Store;
  let apiKey: string;
  let accountId: string;
  const owner = { id: 'u', role: 'owner' as const };
  const key = (kid: string) => ({
    kid,
    kty: 'EC',
    alg: 'ES256',
    jwk: { kty: 'EC', crv: 'P-256', x: `x-${kid}`, y: `y-${kid}` },
    thumbprint: `t-${kid}`,
  });

  beforeAll(async () => {
    opened = await backend.open();
  });
  beforeEach(async () => {
    // A store of each test's own, so every test starts with an empty cache.
    store = new Store(opened.db);
    const account = await store.createAccount({ name: 'Acme' });
    apiKey = account.apiKey;
    accountId = account.id;
    await store.addKeys(accountId, [key('k1')], owner);
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => opened?.dispose());

  const request = (headers: Record<string, string> = {}) =>
    new Request(`http://localhost/api/accounts/${apiKey}/jwks.json`, { headers });
  const kids = async (response: Response) =>
    ((await response.json()) as { keys: { kid: string }[] }).keys.map((entry) => entry.kid);
  /** Counts every read of accounts and keys from the store, and every query on the PostgreSQL pool. */
  const countDatabaseWork = () => {
    const reads = {
      findAccountByApiKey: vi.spyOn(store, 'findAccountByApiKey'),
      listKeys: vi.spyOn(store, 'listKeys'),
    };
    const queries = opened.pool ? vi.spyOn(opened.pool, 'query') : undefined;
    const connects = opened.pool ? vi.spyOn(opened.pool, 'connect') : undefined;
    return () => ({
      findAccountByApiKey: reads.findAccountByApiKey.mock.calls.length,
      listKeys: reads.listKeys.mock.calls.length,
      poolQueries: (queries?.mock.calls.length ?? 0) + (connects?.mock.calls.length ?? 0),
    });
  };

  it('answers as the uncached handler does: the same body, ETag, Cache-Control and 304', async () => {
    const uncached = await handleJwksRequest(request(), apiKey, store);
    const cached = await handleCachedJwksRequest(request(), apiKey, store);
    expect(cached.status).toBe(200);
    expect(JWKS_CACHE_CONTROL).toBe('public, max-age=60, stale-while-revalidate=600');
    for (const name of ['content-type', 'cache-control', 'etag', 'vary'])
      expect(cached.headers.get(name)).toBe(uncached.headers.get(name));
    expect(await cached.text()).toBe(await uncached.text());
    const notModified = await handleCachedJwksRequest(
      request({ 'if-none-match': uncached.headers.get('etag')! }),
      apiKey,
      store,
    );
    expect(notModified.status).toBe(304);
    expect((await handleCachedJwksRequest(request(), 'rtc_unknown', store)).status).toBe(404);
  });

  it('reads the keys once for concurrent requests, then not again', async () => {
    const work = countDatabaseWork();
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => handleCachedJwksRequest(request(), apiKey, store)),
    );
    expect(new Set(answers.map((response) => response.status))).toEqual(new Set([200]));
    for (let index = 0; index < 100; index++) await handleCachedJwksRequest(request(), apiKey, store);
    expect(work()).toMatchObject({ findAccountByApiKey: 1, listKeys: 1 });
    // The pool counter sees those reads, so the flood test's zero means no queries, not an unwatched pool.
    if (opened.pool) expect(work().poolQueries).toBeGreaterThan(0);
  });

  it('drops the cached set at once when keys of the account are added or deleted', async () => {
    expect(await kids(await handleCachedJwksRequest(request(), apiKey, store))).toEqual(['k1']);
    const [added] = await store.addKeys(accountId, [key('k2')], owner);
    expect(await kids(await handleCachedJwksRequest(request(), apiKey, store))).toEqual(['k1', 'k2']);
    await store.deleteKey(accountId, added!.id, owner);
    expect(await kids(await handleCachedJwksRequest(request(), apiKey, store))).toEqual(['k1']);
  });

  it('sees a change made elsewhere (another process) after JWKS_MEMORY_SECONDS, and keeps answering while the database fails', async () => {
    let now = 1_000_000;
    const cache = new JwksCache(store, { perf: { now: () => now } });
    expect(await kids(await handleCachedJwksRequest(request(), apiKey, store, cache))).toEqual(['k1']);
    // A second store over the same database stands for another server process: this cache hears nothing of it.
    await new Store(opened.db).addKeys(accountId, [key('k3')], owner);
    expect(await kids(await handleCachedJwksRequest(request(), apiKey, store, cache))).toEqual(['k1']);

    now += JWKS_MEMORY_SECONDS * 1000 + 1;
    // The first request after that is answered from memory while the keys are read again; the next one has them.
    expect(await kids(await handleCachedJwksRequest(request(), apiKey, store, cache))).toEqual(['k1']);
    await vi.waitFor(async () =>
      expect(await kids(await handleCachedJwksRequest(request(), apiKey, store, cache))).toEqual(['k1', 'k3']),
    );

    now += JWKS_MEMORY_SECONDS * 1000 + 1;
    vi.spyOn(store, 'findAccountByApiKey').mockRejectedValue(new Error('the database is unreachable'));
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await handleCachedJwksRequest(request(), apiKey, store, cache);
      expect(response.status).toBe(200);
      expect(await kids(response)).toEqual(['k1', 'k3']);
    }
  });

  it('serves a flood of 2 000 requests from 1 000 forged addresses without database work, while a well-behaved client gets 200', async () => {
    // The route: the per-client limit (in memory, whatever the database), then the cache.
    const limiter = createRateLimiter(RATE_LIMITS.jwks, opened.pool);
    const serve = async (incoming: Request) =>
      (await consumeRateLimit(limiter, incoming)) ?? handleCachedJwksRequest(incoming, apiKey, store);
    const from = (peer: string, forwardedFor?: string) =>
      request({ [PEER_ADDRESS_HEADER]: peer, ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) });
    expect((await serve(from('198.51.100.7'))).status).toBe(200);

    const work = countDatabaseWork();
    const flood: number[] = [];
    const wellBehaved: number[] = [];
    for (let batch = 0; batch < 20; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 100 }, (_, index) =>
          serve(from('203.0.113.66', `10.${batch}.${index % 50}.1, 192.0.2.${(batch * 100 + index) % 250}`)),
        ),
      );
      flood.push(...answers.map((response) => response.status));
      wellBehaved.push((await serve(from('198.51.100.7'))).status);
    }
    expect(new Set(wellBehaved)).toEqual(new Set([200]));
    // The flood is one client, 203.0.113.66: its own allowance, then 429; never anybody else's.
    expect(flood.filter((status) => status === 200)).toHaveLength(RATE_LIMITS.jwks.points);
    expect(flood.filter((status) => status === 429)).toHaveLength(2000 - RATE_LIMITS.jwks.points);
    expect(work()).toEqual({ findAccountByApiKey: 0, listKeys: 0, poolQueries: 0 });
  });
});

describe('the README on JWKS caching', () => {
  it('states the cache and its lifetimes as the code sets them', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain(
      `at most ${String(JWKS_MEMORY_ENTRIES).replace(/\B(?=(\d{3})+$)/g, ' ')} key sets or ${JWKS_MEMORY_BYTES / 1024 / 1024} MiB`,
    );
    expect(readme).toContain(
      `within ${JWKS_MEMORY_SECONDS} s (\`JWKS_MEMORY_SECONDS\`; an unknown API key is remembered for ${JWKS_UNKNOWN_MEMORY_SECONDS} s)`,
    );
    expect(readme).toContain(`\`Cache-Control: ${JWKS_CACHE_CONTROL}\``);
  });
});
