import { constants, generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '@/lib/auth/permissions';
import { Store, type Account } from '@/lib/db/store';
import { describeOnBackends } from '@/lib/db/test-databases';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { checkKeys, storableKeys } from '@/lib/jwk/check';
import { storeKeySource } from './account-key-set';
import { handleDiagnoseRequest } from './diagnose-token';

const NOW = 1_800_000_000;
const SYSTEM = { id: 'system', role: 'system' } as const;
const signer = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherSigner = generateKeyPairSync('rsa', { modulusLength: 2048 });

function b64(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

function rs256Token(kid: string | undefined, privateKey = signer.privateKey): string {
  const signingInput = `${b64(JSON.stringify({ alg: 'RS256', ...(kid ? { kid } : {}) }))}.${b64(JSON.stringify({ sub: 'u', exp: NOW + 600, iat: NOW }))}`;
  return `${signingInput}.${b64(sign('sha256', Buffer.from(signingInput), { key: privateKey }))}`;
}

describeOnBackends('token diagnosis against an account’s keys', (backend) => {
  let opened: Awaited<ReturnType<typeof backend.open>>;
  let store: Store;
  let acme: Account;
  let empty: Account;
  let viewer: Viewer = null;

  const diagnose = (body: object) =>
    handleDiagnoseRequest(
      new Request('http://portal.test/api/tokens/diagnose', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: NOW, ...body }) }),
      storeKeySource(async () => store, async () => viewer),
    );

  beforeAll(async () => {
    opened = await backend.open();
    store = new Store(opened.db);
    acme = await store.createAccount({ name: 'Acme' });
    empty = await store.createAccount({ name: 'Empty' });
    for (const [kid, pair] of [['current', signer], ['older', otherSigner]] as const) {
      const jwk = pair.publicKey.export({ format: 'jwk' }) as Record<string, unknown>;
      await store.addKeys(acme.id, [{ kid, kty: 'RSA', alg: 'RS256', jwk, thumbprint: await calculateJwkThumbprint(jwk as JWK, 'sha256') }], SYSTEM);
    }
  });
  afterAll(async () => opened?.dispose());

  it('verifies with the account named by apiKey and records that key as used', async () => {
    const response = await diagnose({ token: rs256Token('current'), apiKey: acme.apiKey });
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result).toMatchObject({ ok: true, key: { kid: 'current' }, keySource: { kind: 'account', account: { name: 'Acme', apiKey: acme.apiKey }, keyCount: 2 } });
    const keys = await store.listKeys(acme.id);
    expect(keys.find((key) => key.kid === 'current')?.lastUsedAt).toBeInstanceOf(Date);
    expect(keys.find((key) => key.kid === 'older')?.lastUsedAt ?? null).toBeNull();
  });

  it('writes a key\'s last use at most once a minute', async () => {
    const before = (await store.listKeys(acme.id)).find((key) => key.kid === 'current')!.lastUsedAt;
    expect((await (await diagnose({ token: rs256Token('current'), apiKey: acme.apiKey })).json()).ok).toBe(true);
    expect((await store.listKeys(acme.id)).find((key) => key.kid === 'current')!.lastUsedAt).toEqual(before);
  });

  it('explains an unknown kid in terms of the account', async () => {
    const result = await (await diagnose({ token: rs256Token('abc'), apiKey: acme.apiKey })).json();
    const error = result.errors.find((entry: { code: string }) => entry.code === 'JWKS_UNAVAILABLE');
    expect(error.message).toContain('Account "Acme" has 2 keys; none has kid "abc"');
    expect(error.message).toContain('"current", "older"');
  });

  it('says when the account has no keys at all', async () => {
    const result = await (await diagnose({ token: rs256Token('current'), apiKey: empty.apiKey })).json();
    expect(result.errors.map((entry: { code: string }) => entry.code)).toEqual(['JWKS_UNAVAILABLE']);
    expect(result.errors[0].message).toContain('Account "Empty" has no public keys registered');
  });

  it('reports a signature no registered key verifies, and marks every key it tried', async () => {
    const result = await (await diagnose({ token: rs256Token(undefined, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey), apiKey: acme.apiKey })).json();
    expect(result.errors.map((entry: { code: string }) => entry.code)).toEqual(['TOKEN_SIGNATURE_INVALID']);
    const keys = await store.listKeys(acme.id);
    expect(keys.every((key) => key.lastUsedAt instanceof Date)).toBe(true);
  });

  it('keeps a stored key the accepted set does not cover, skips it with a warning, and tries it once the check is widened', async () => {
    const legacy = await store.createAccount({ name: 'Legacy' });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = ec.publicKey.export({ format: 'jwk' }) as Record<string, unknown>;
    await store.addKeys(legacy.id, [{ kid: 'old-ec', kty: 'EC', alg: 'ES256', jwk, thumbprint: await calculateJwkThumbprint(jwk as JWK, 'sha256') }], SYSTEM);
    const signingInput = `${b64(JSON.stringify({ alg: 'ES256', kid: 'old-ec' }))}.${b64(JSON.stringify({ sub: 'u', exp: NOW + 600, iat: NOW }))}`;
    const token = `${signingInput}.${b64(sign('sha256', Buffer.from(signingInput), { key: ec.privateKey, dsaEncoding: 'ieee-p1363' }))}`;

    const strict = await (await diagnose({ token, apiKey: legacy.apiKey })).json();
    expect(strict.errors.map((entry: { code: string }) => entry.code)).toEqual(['TOKEN_UNSUPPORTED_ALG']);
    expect(strict.warnings.map((entry: { code: string }) => entry.code)).toContain('JWKS_KEY_SKIPPED');
    expect(strict.warnings.find((entry: { code: string }) => entry.code === 'JWKS_KEY_SKIPPED').message).toMatch(/old-ec.*EC P-256/);

    const widened = await (await diagnose({ token, apiKey: legacy.apiKey, algorithms: ['RS256', 'ES256'] })).json();
    expect(widened).toMatchObject({ ok: true, key: { kid: 'old-ec' } });
    expect((await store.listKeys(legacy.id)).map((key) => key.kid)).toEqual(['old-ec']);
  });

  it('an RSA key uploaded without "alg" checks PS256 tokens as well as RS256 ones', async () => {
    const account = await store.createAccount({ name: 'Any RSA' });
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const check = await checkKeys(JSON.stringify({ ...pair.publicKey.export({ format: 'jwk' }), kid: 'rsa' }));
    await store.addKeys(account.id, storableKeys(check), SYSTEM);
    for (const alg of ['RS256', 'PS256'] as const) {
      const signingInput = `${b64(JSON.stringify({ alg, kid: 'rsa' }))}.${b64(JSON.stringify({ sub: 'u', exp: NOW + 600, iat: NOW }))}`;
      const options = alg === 'PS256' ? { key: pair.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } : pair.privateKey;
      const token = `${signingInput}.${b64(sign('sha256', Buffer.from(signingInput), options))}`;
      expect((await (await diagnose({ token, apiKey: account.apiKey })).json()).ok, alg).toBe(true);
    }
  });

  it('answers 404 for an unknown API key and 400 for a malformed one', async () => {
    const unknown = await diagnose({ token: rs256Token('current'), apiKey: 'no_such_key' });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toContain('"apiKey"');
    const malformed = await diagnose({ token: rs256Token('current'), apiKey: 'has spaces' });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.message).toContain('"apiKey"');
  });

  it('refuses jwks and apiKey together', async () => {
    const response = await diagnose({ token: rs256Token('current'), apiKey: acme.apiKey, jwks: { keys: [] } });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain('either "jwks" or "apiKey"');
  });

  it('uses the signed-in owner’s account when no keys are given', async () => {
    viewer = { userId: 'u1', email: 'owner@example.test', role: 'owner', accountId: acme.id };
    const result = await (await diagnose({ token: rs256Token('current') })).json();
    expect(result).toMatchObject({ ok: true, keySource: { kind: 'account', account: { name: 'Acme' } } });
  });

  it('has no keys for staff or anonymous callers without jwks or apiKey', async () => {
    for (const who of [null, { userId: 's', email: 's@example.test', role: 'staff', accountId: null }] as Viewer[]) {
      viewer = who;
      const result = await (await diagnose({ token: rs256Token('current') })).json();
      expect(result.keySource).toEqual({ kind: 'none' });
      expect(result.errors.map((entry: { code: string }) => entry.code)).toEqual(['JWKS_UNAVAILABLE']);
    }
  });
});
