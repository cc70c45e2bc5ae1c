import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Viewer } from '@/lib/auth/permissions';
import { Store, type Account } from '@/lib/db/store';
import { describeOnBackends } from '@/lib/db/test-databases';
import { addAccountKeys, deleteAccountKey, listAccountAudit, listAccountKeys } from './account-keys';

const SITE = 'http://portal.test';
const sameSite = { origin: SITE, host: 'portal.test', 'content-type': 'application/json' };

function publicJwk(kid: string) {
  return { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' }), kid };
}

function upload(apiKey: string, key: unknown, headers: Record<string, string> = sameSite) {
  return new Request(`${SITE}/api/accounts/${apiKey}/keys`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ key: typeof key === 'string' ? key : JSON.stringify(key) }),
  });
}

describeOnBackends('account keys API', (backend) => {
  let opened: Awaited<ReturnType<typeof backend.open>>;
  let store: Store;
  let accountA: Account;
  let accountB: Account;
  let viewers: Record<'anonymous' | 'ownerA' | 'ownerB' | 'staff', Viewer>;

  beforeAll(async () => {
    opened = await backend.open();
    store = new Store(opened.db);
    accountA = await store.createAccount({ name: 'A' });
    accountB = await store.createAccount({ name: 'B' });
    viewers = {
      anonymous: null,
      ownerA: { userId: 'owner-a', email: 'a@example.test', role: 'owner', accountId: accountA.id },
      ownerB: { userId: 'owner-b', email: 'b@example.test', role: 'owner', accountId: accountB.id },
      staff: { userId: 'staff-1', email: 's@example.test', role: 'staff', accountId: null },
    };
  });
  afterAll(async () => opened?.dispose());

  // Expected status for each viewer and action on account A.
  const MATRIX: Record<keyof typeof viewers, Record<'read' | 'add' | 'delete' | 'audit', number>> = {
    anonymous: { read: 401, add: 401, delete: 401, audit: 401 },
    ownerA: { read: 200, add: 201, delete: 204, audit: 200 },
    ownerB: { read: 403, add: 403, delete: 403, audit: 403 },
    staff: { read: 200, add: 403, delete: 403, audit: 200 },
  };

  for (const [who, expected] of Object.entries(MATRIX) as [keyof typeof viewers, (typeof MATRIX)['ownerA']][]) {
    it(`${who}: read ${expected.read}, add ${expected.add}, delete ${expected.delete}, audit ${expected.audit}`, async () => {
      const viewer = viewers[who];
      const [seed] = await store.addKeys(
        accountA.id,
        [{ kid: `seed-${who}`, kty: 'RSA', alg: 'RS256', jwk: publicJwk(`seed-${who}`), thumbprint: `t-${who}` }],
        { id: 'system', role: 'system' },
      );
      const before = (await store.listKeys(accountA.id)).length;

      expect((await listAccountKeys(new Request(`${SITE}/x`), accountA.apiKey, viewer, store)).status).toBe(
        expected.read,
      );
      expect(
        (await addAccountKeys(upload(accountA.apiKey, publicJwk(`new-${who}`)), accountA.apiKey, viewer, store)).status,
      ).toBe(expected.add);
      const deletion = new Request(`${SITE}/x`, { method: 'DELETE', headers: sameSite });
      expect((await deleteAccountKey(deletion, accountA.apiKey, seed!.id, viewer, store)).status).toBe(expected.delete);
      expect((await listAccountAudit(new Request(`${SITE}/x`), accountA.apiKey, viewer, store)).status).toBe(
        expected.audit,
      );

      const after = (await store.listKeys(accountA.id)).length;
      expect(after - before).toBe((expected.add === 201 ? 1 : 0) - (expected.delete === 204 ? 1 : 0));
    });
  }

  it('refuses changes that do not come from the site itself, and stores nothing', async () => {
    const before = (await store.listKeys(accountA.id)).length;
    for (const headers of [
      { 'content-type': 'application/json' },
      { ...sameSite, origin: 'https://evil.test' },
      { ...sameSite, 'sec-fetch-site': 'cross-site' },
    ]) {
      const response = await addAccountKeys(
        upload(accountA.apiKey, publicJwk('csrf'), headers),
        accountA.apiKey,
        viewers.ownerA,
        store,
      );
      expect(response.status).toBe(403);
      expect((await response.json()).error.code).toBe('CSRF_REJECTED');
    }
    expect((await store.listKeys(accountA.id)).length).toBe(before);
  });

  it('stores nothing from an upload with any invalid key, and says why per key', async () => {
    const before = (await store.listKeys(accountA.id)).length;
    const privateJwk = {
      ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }),
      kid: 'secret',
    };
    const response = await addAccountKeys(
      upload(accountA.apiKey, { keys: [publicJwk('fine'), privateJwk] }),
      accountA.apiKey,
      viewers.ownerA,
      store,
    );
    expect(response.status).toBe(422);
    const text = await response.text();
    expect(text).not.toContain(privateJwk.d!);
    expect(JSON.parse(text).check.keys[1].errors[0].code).toBe('KEY_IS_PRIVATE');
    expect((await store.listKeys(accountA.id)).length).toBe(before);
  });

  it("refuses an EC key with KEY_UNSUPPORTED_TYPE under the service's algorithms, storing nothing", async () => {
    const before = (await store.listKeys(accountA.id)).length;
    const ecJwk = {
      ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }),
      kid: 'ec',
    };
    const response = await addAccountKeys(upload(accountA.apiKey, ecJwk), accountA.apiKey, viewers.ownerA, store);
    expect(response.status).toBe(422);
    const { check } = await response.json();
    expect(check.keys[0].errors.map((error: { code: string }) => error.code)).toEqual(['KEY_UNSUPPORTED_TYPE']);
    expect((await store.listKeys(accountA.id)).length).toBe(before);
  });

  it('answers 422 for 1 000 keys, 409 for a kid already there, 413 for a huge body, 404 for an unknown account', async () => {
    const one = publicJwk('x');
    const many = { keys: Array.from({ length: 1000 }, (_, index) => ({ ...one, kid: `k${index}` })) };
    expect((await addAccountKeys(upload(accountA.apiKey, many), accountA.apiKey, viewers.ownerA, store)).status).toBe(
      413,
    );
    const tooMany = {
      keys: Array.from({ length: 101 }, (_, index) => ({
        kty: 'EC',
        crv: 'P-256',
        x: 'AAAA',
        y: 'AAAA',
        kid: `k${index}`,
      })),
    };
    expect(
      (await addAccountKeys(upload(accountA.apiKey, tooMany), accountA.apiKey, viewers.ownerA, store)).status,
    ).toBe(422);
    const existing = publicJwk('dup');
    expect(
      (await addAccountKeys(upload(accountA.apiKey, existing), accountA.apiKey, viewers.ownerA, store)).status,
    ).toBe(201);
    const conflict = await addAccountKeys(
      upload(accountA.apiKey, publicJwk('dup')),
      accountA.apiKey,
      viewers.ownerA,
      store,
    );
    expect(conflict.status).toBe(409);
    expect((await conflict.json()).error.code).toBe('KEY_CONFLICT');
    expect((await listAccountKeys(new Request(`${SITE}/x`), 'rtc_nobody', viewers.staff, store)).status).toBe(404);
  });
});
