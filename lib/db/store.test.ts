import { expect, it } from 'vitest';
import { KeyConflictError, type NewKey } from './store';
import { users } from './schema';
import { describeOnBackends, storeSuite } from './test-databases';

const owner = { id: 'user-owner', role: 'owner' as const };
const staff = { id: 'user-staff', role: 'staff' as const };

function key(kid: string, thumbprint = `thumb-${kid}`): NewKey {
  return {
    kid,
    kty: 'EC',
    alg: 'ES256',
    jwk: { kty: 'EC', crv: 'P-256', x: `x-${kid}`, y: `y-${kid}`, kid },
    thumbprint,
  };
}

describeOnBackends('storage', (backend) => {
  const suite = storeSuite(backend);

  it('creates accounts with unique API keys and finds them', async () => {
    const first = await suite.store.createAccount({ name: 'Acme' });
    const second = await suite.store.createAccount({ name: 'Globex' });
    expect(first.apiKey).toMatch(/^rtc_[A-Za-z0-9_-]{24}$/);
    expect(first.apiKey).not.toBe(second.apiKey);
    expect((await suite.store.findAccountByApiKey(first.apiKey))?.id).toBe(first.id);
    expect(await suite.store.findAccountByApiKey('rtc_nope')).toBeUndefined();
    expect((await suite.store.findAccount(second.id))?.name).toBe('Globex');
  });

  it('refuses a second account with the same API key', async () => {
    await suite.store.createAccount({ name: 'One', apiKey: 'rtc_fixed' });
    await expect(suite.store.createAccount({ name: 'Two', apiKey: 'rtc_fixed' })).rejects.toThrow();
  });

  it('stores keys with their public JWK and records who added them', async () => {
    const account = await suite.store.createAccount({ name: 'Keys Inc' });
    const stored = await suite.store.addKeys(account.id, [key('a'), key('b')], owner);
    expect(stored.map((item) => item.kid)).toEqual(['a', 'b']);
    const listed = await suite.store.listKeys(account.id);
    expect(listed.map((item) => item.kid).sort()).toEqual(['a', 'b']);
    expect(listed[0]!.jwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
    const audit = await suite.store.listAudit(account.id);
    expect(audit.map((event) => [event.action, event.keyKid, event.actorRole])).toEqual(
      expect.arrayContaining([
        ['key.added', 'a', 'owner'],
        ['key.added', 'b', 'owner'],
      ]),
    );
  });

  it('adds a batch all or nothing when a kid or key is already there', async () => {
    const account = await suite.store.createAccount({ name: 'Atomic' });
    await suite.store.addKeys(account.id, [key('a')], owner);
    await expect(suite.store.addKeys(account.id, [key('new'), key('a', 'other-thumb')], owner)).rejects.toBeInstanceOf(
      KeyConflictError,
    );
    await expect(suite.store.addKeys(account.id, [key('c', 'thumb-a')], owner)).rejects.toMatchObject({
      conflict: 'thumbprint',
    });
    expect((await suite.store.listKeys(account.id)).map((item) => item.kid)).toEqual(['a']);
    expect((await suite.store.listAudit(account.id)).length).toBe(1);
  });

  it('lets two accounts hold the same kid and key', async () => {
    const first = await suite.store.createAccount({ name: 'Shared 1' });
    const second = await suite.store.createAccount({ name: 'Shared 2' });
    await suite.store.addKeys(first.id, [key('same')], owner);
    await suite.store.addKeys(second.id, [key('same')], owner);
    expect(await suite.store.listKeys(second.id)).toHaveLength(1);
  });

  it('deletes only the account’s own key, and audits it', async () => {
    const account = await suite.store.createAccount({ name: 'Deleter' });
    const other = await suite.store.createAccount({ name: 'Bystander' });
    const [mine] = await suite.store.addKeys(account.id, [key('mine')], owner);
    const [theirs] = await suite.store.addKeys(other.id, [key('theirs')], owner);
    expect(await suite.store.deleteKey(account.id, theirs!.id, staff)).toBe(false);
    expect(await suite.store.listKeys(other.id)).toHaveLength(1);
    expect(await suite.store.deleteKey(account.id, mine!.id, owner)).toBe(true);
    expect(await suite.store.deleteKey(account.id, mine!.id, owner)).toBe(false);
    expect(await suite.store.listKeys(account.id)).toEqual([]);
    const [latest] = await suite.store.listAudit(account.id);
    expect(latest).toMatchObject({ action: 'key.deleted', keyKid: 'mine', actorId: owner.id });
  });

  it('records when keys were last used', async () => {
    const account = await suite.store.createAccount({ name: 'Used' });
    const [stored] = await suite.store.addKeys(account.id, [key('used')], owner);
    expect(stored!.lastUsedAt).toBeNull();
    const at = new Date('2026-01-02T03:04:05Z');
    await suite.store.markKeysUsed(account.id, [stored!.id], at);
    expect((await suite.store.listKeys(account.id))[0]!.lastUsedAt?.toISOString()).toBe(at.toISOString());
  });

  it('names an account’s owners, and no staff or other account’s user', async () => {
    const account = await suite.store.createAccount({ name: 'Owned' });
    const other = await suite.store.createAccount({ name: 'Other' });
    await suite.opened.db.insert(users).values([
      { id: 'u-owner', name: 'Ada Owner', email: 'ada@example.test', customerAccountId: account.id },
      { id: 'u-staff', name: 'Sam Staff', email: 'sam@example.test', role: 'staff', customerAccountId: account.id },
      { id: 'u-other', name: 'Bo Other', email: 'bo@example.test', customerAccountId: other.id },
    ]);
    expect(await suite.store.listAccountOwners(account.id)).toEqual([{ name: 'Ada Owner', email: 'ada@example.test' }]);
    expect(await suite.store.listAccountOwners('no-such-account')).toEqual([]);
  });
});
