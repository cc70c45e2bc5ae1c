import { constants, generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import type { Viewer } from '@/lib/auth/permissions';
import { Store, type Account } from '@/lib/db/store';
import { describeOnBackends } from '@/lib/db/test-databases';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { checkKeys, storableKeys } from '@/lib/jwk/check';
import { storeKeySource } from '@/lib/accounts';
import { answerBatch, batchLines } from './diagnose-batch';
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
      new Request('http://portal.test/api/tokens/diagnose', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ now: NOW, ...body }),
      }),
      storeKeySource(
        async () => store,
        async () => viewer,
      ),
    );

  beforeAll(async () => {
    opened = await backend.open();
    store = new Store(opened.db);
    acme = await store.createAccount({ name: 'Acme' });
    empty = await store.createAccount({ name: 'Empty' });
    for (const [kid, pair] of [
      ['current', signer],
      ['older', otherSigner],
    ] as const) {
      const jwk = pair.publicKey.export({ format: 'jwk' }) as Record<string, unknown>;
      await store.addKeys(
        acme.id,
        [{ kid, kty: 'RSA', alg: 'RS256', jwk, thumbprint: await calculateJwkThumbprint(jwk as JWK, 'sha256') }],
        SYSTEM,
      );
    }
  });
  afterAll(async () => opened?.dispose());
  // Anonymous unless a test says otherwise.
  beforeEach(() => {
    viewer = null;
  });

  const owner = (account: Account): Viewer => ({
    userId: `owner-of-${account.id}`,
    email: 'owner@example.test',
    role: 'owner',
    accountId: account.id,
  });
  const staff: Viewer = { userId: 'staff-1', email: 'support@example.test', role: 'staff', accountId: null };

  /** A new account whose one key, kid "current", is `signer`'s public half. */
  async function accountWithSignerKey(name: string): Promise<Account> {
    const account = await store.createAccount({ name });
    const jwk = signer.publicKey.export({ format: 'jwk' }) as Record<string, unknown>;
    const thumbprint = await calculateJwkThumbprint(jwk as JWK, 'sha256');
    await store.addKeys(account.id, [{ kid: 'current', kty: 'RSA', alg: 'RS256', jwk, thumbprint }], SYSTEM);
    return account;
  }

  it('verifies with the account named by apiKey and records that key as used', async () => {
    const response = await diagnose({ token: rs256Token('current'), apiKey: acme.apiKey });
    expect(response.status).toBe(200);
    const result = await response.json();
    // An anonymous caller knows the API key, not the account: it is not named to them.
    expect(result).toMatchObject({
      ok: true,
      key: { kid: 'current' },
      keySource: { kind: 'account', account: { name: 'This account', apiKey: acme.apiKey }, keyCount: 2 },
    });
    expect(JSON.stringify(result)).not.toContain('Acme');
    const keys = await store.listKeys(acme.id);
    expect(keys.find((key) => key.kid === 'current')?.lastUsedAt).toBeInstanceOf(Date);
    expect(keys.find((key) => key.kid === 'older')?.lastUsedAt ?? null).toBeNull();
  });

  it("writes a key's last use at most once a minute", async () => {
    const before = (await store.listKeys(acme.id)).find((key) => key.kid === 'current')!.lastUsedAt;
    expect((await (await diagnose({ token: rs256Token('current'), apiKey: acme.apiKey })).json()).ok).toBe(true);
    expect((await store.listKeys(acme.id)).find((key) => key.kid === 'current')!.lastUsedAt).toEqual(before);
  });

  it('explains an unknown kid in terms of the account, naming it only to its owner and staff', async () => {
    const unknownKid = async () => {
      const result = await (await diagnose({ token: rs256Token('abc'), apiKey: acme.apiKey })).json();
      return {
        error: result.errors.find((entry: { code: string }) => entry.code === 'JWKS_UNAVAILABLE').message as string,
        name: result.keySource.account.name as string,
      };
    };
    const anonymous = await unknownKid();
    expect(anonymous.error).toContain('This account has 2 keys; none has kid "abc"');
    expect(anonymous.error).toContain('"current", "older"');
    expect(anonymous.error).not.toContain('Acme');
    expect(anonymous.name).toBe('This account');

    viewer = owner(empty);
    expect(await unknownKid()).toMatchObject({
      error: expect.stringContaining('This account has 2 keys'),
      name: 'This account',
    });

    for (const who of [owner(acme), staff]) {
      viewer = who;
      const seen = await unknownKid();
      expect(seen.error).toContain('Account "Acme" has 2 keys; none has kid "abc"');
      expect(seen.name).toBe('Acme');
    }
  });

  it('says when the account has no keys at all', async () => {
    const result = await (await diagnose({ token: rs256Token('current'), apiKey: empty.apiKey })).json();
    expect(result.errors.map((entry: { code: string }) => entry.code)).toEqual(['JWKS_UNAVAILABLE']);
    expect(result.errors[0].message).toContain('This account has no public keys registered');
    viewer = owner(empty);
    expect(
      (await (await diagnose({ token: rs256Token('current'), apiKey: empty.apiKey })).json()).errors[0].message,
    ).toContain('Account "Empty" has no public keys registered');
    viewer = staff;
    expect(
      (await (await diagnose({ token: rs256Token('current'), apiKey: empty.apiKey })).json()).errors[0].message,
    ).toContain('Account "Empty" has no public keys registered');
  });

  it("counts each check's error codes for the account's chart, and nothing for a check without errors", async () => {
    const counted = await store.createAccount({ name: 'Counted' });
    const codesOf = async () =>
      (await store.diagnoses.daily(counted.id, 30)).map(({ code, count }) => [code, count] as const);
    await diagnose({ token: rs256Token('current'), apiKey: counted.apiKey });
    await diagnose({ token: rs256Token('current'), apiKey: counted.apiKey });
    await diagnose({ token: 'not-a-token', apiKey: counted.apiKey });
    const day = await codesOf();
    expect(day).toEqual([
      ['JWKS_UNAVAILABLE', 2],
      ['TOKEN_NOT_ENOUGH_PARTS', 1],
    ]);
    // A check with keys given in the request is not the account's.
    await diagnose({ token: 'not-a-token', jwks: { keys: [] } });
    expect(await codesOf()).toEqual(day);
  });

  it('reports a signature no registered key verifies, and does not count that as a use of any key', async () => {
    const forged = await accountWithSignerKey('Forged');
    const forger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    for (const kid of [undefined, 'current']) {
      const result = await (await diagnose({ token: rs256Token(kid, forger), apiKey: forged.apiKey })).json();
      expect(result.errors.map((entry: { code: string }) => entry.code)).toEqual(['TOKEN_SIGNATURE_INVALID']);
      expect(result.keys.map((attempt: { outcome: string }) => attempt.outcome)).toEqual(['signature-mismatch']);
    }
    expect((await store.listKeys(forged.id)).map((key) => key.lastUsedAt)).toEqual([null]);
    // A token the key did sign is a use.
    expect((await (await diagnose({ token: rs256Token('current'), apiKey: forged.apiKey })).json()).ok).toBe(true);
    expect((await store.listKeys(forged.id))[0]!.lastUsedAt).toBeInstanceOf(Date);
  });

  it('keeps a stored key the accepted set does not cover, skips it with a warning, and tries it once the check is widened', async () => {
    const legacy = await store.createAccount({ name: 'Legacy' });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = ec.publicKey.export({ format: 'jwk' }) as Record<string, unknown>;
    await store.addKeys(
      legacy.id,
      [{ kid: 'old-ec', kty: 'EC', alg: 'ES256', jwk, thumbprint: await calculateJwkThumbprint(jwk as JWK, 'sha256') }],
      SYSTEM,
    );
    const signingInput = `${b64(JSON.stringify({ alg: 'ES256', kid: 'old-ec' }))}.${b64(JSON.stringify({ sub: 'u', exp: NOW + 600, iat: NOW }))}`;
    const token = `${signingInput}.${b64(sign('sha256', Buffer.from(signingInput), { key: ec.privateKey, dsaEncoding: 'ieee-p1363' }))}`;

    const strict = await (await diagnose({ token, apiKey: legacy.apiKey })).json();
    expect(strict.errors.map((entry: { code: string }) => entry.code)).toEqual(['TOKEN_UNSUPPORTED_ALG']);
    expect(strict.warnings.map((entry: { code: string }) => entry.code)).toContain('JWKS_KEY_SKIPPED');
    expect(strict.warnings.find((entry: { code: string }) => entry.code === 'JWKS_KEY_SKIPPED').message).toMatch(
      /old-ec.*EC P-256/,
    );

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
      const options =
        alg === 'PS256'
          ? { key: pair.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }
          : pair.privateKey;
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

  it('uses the signed-in owner’s account when no keys are given, and names it to them', async () => {
    viewer = { userId: 'u1', email: 'owner@example.test', role: 'owner', accountId: acme.id };
    const result = await (await diagnose({ token: rs256Token('current') })).json();
    expect(result).toMatchObject({ ok: true, keySource: { kind: 'account', account: { name: 'Acme' } } });
  });

  it('names the account named by apiKey to its owner and to staff', async () => {
    for (const who of [owner(acme), staff]) {
      viewer = who;
      const result = await (await diagnose({ token: rs256Token('current'), apiKey: acme.apiKey })).json();
      expect(result).toMatchObject({
        ok: true,
        keySource: { kind: 'account', account: { name: 'Acme', apiKey: acme.apiKey }, keyCount: 2 },
      });
    }
  });

  it('has no keys for staff or anonymous callers without jwks or apiKey', async () => {
    for (const who of [null, { userId: 's', email: 's@example.test', role: 'staff', accountId: null }] as Viewer[]) {
      viewer = who;
      const result = await (await diagnose({ token: rs256Token('current') })).json();
      expect(result.keySource).toEqual({ kind: 'none' });
      expect(result.errors.map((entry: { code: string }) => entry.code)).toEqual(['JWKS_UNAVAILABLE']);
    }
  });

  it('books a batch’s account checks once per chunk: the same per-day counts, a few writes instead of two per token', async () => {
    const account = await accountWithSignerKey('Batch Ltd');
    const record = vi.spyOn(store.diagnoses, 'recordChecks');
    const markUsed = vi.spyOn(store, 'markKeysUsed');
    // 130 lines: two chunks of 64 and one of 2. Expired ones, then ones signed by a key the account lacks.
    const lines = Array.from({ length: 130 }, (_, index) =>
      JSON.stringify({
        token: index < 100 ? rs256Token('current') : rs256Token('current', otherSigner.privateKey),
        apiKey: account.apiKey,
        now: NOW + 3600,
      }),
    );
    const response = answerBatch(
      batchLines(lines.join('\n')),
      storeKeySource(
        async () => store,
        async () => null,
      ),
    );
    const results = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(results).toHaveLength(130);
    expect(results.every((result) => result.errors[0].code === 'TOKEN_EXPIRED')).toBe(true);
    expect(record).toHaveBeenCalledTimes(3);
    // Only the first chunk's verified key is marked: later ones find it used within the minute.
    expect(markUsed).toHaveBeenCalledTimes(1);
    const days = await store.diagnoses.daily(account.id, 1, new Date());
    expect(Object.fromEntries(days.map((day) => [day.code, day.count]))).toEqual({
      TOKEN_EXPIRED: 130,
      TOKEN_SIGNATURE_INVALID: 30,
    });
    record.mockRestore();
    markUsed.mockRestore();
  });
});
