import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '@/lib/db/store';
import { describeOnBackends } from '@/lib/db/test-databases';
import { handleJwksRequest, JWKS_CACHE_CONTROL } from './jwks';

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
    await store.addKeys(account.id, [{ kid: 'k1', kty: 'EC', alg: 'ES256', jwk: { kty: 'EC', crv: 'P-256', x: 'xx', y: 'yy' }, thumbprint: 't1' }], { id: 'u', role: 'owner' });
  });
  afterAll(async () => opened?.dispose());

  const get = (key: string, headers: Record<string, string> = {}) => handleJwksRequest(new Request(`http://localhost/api/accounts/${key}/jwks.json`, { headers }), key, store);

  it('serves the public keys with kid, alg and use, an ETag and Cache-Control', async () => {
    const response = await get(apiKey);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/jwk-set+json');
    expect(response.headers.get('cache-control')).toBe(JWKS_CACHE_CONTROL);
    expect(response.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(await response.json()).toEqual({ keys: [{ kty: 'EC', crv: 'P-256', x: 'xx', y: 'yy', kid: 'k1', alg: 'ES256', use: 'sig' }] });
  });

  it('answers 304 to a matching If-None-Match, and 200 once the keys change', async () => {
    const tag = (await get(apiKey)).headers.get('etag')!;
    const notModified = await get(apiKey, { 'if-none-match': `W/${tag}, "other"` });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('etag')).toBe(tag);
    expect(await notModified.text()).toBe('');
    await store.addKeys(accountId, [{ kid: 'k2', kty: 'EC', jwk: { kty: 'EC', crv: 'P-256', x: 'x2', y: 'y2' }, thumbprint: 't2' }], { id: 'u', role: 'owner' });
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
