import { afterAll, beforeAll, expect, it } from 'vitest';
import { Store, type Account } from '@/lib/db/store';
import { describeOnBackends } from '@/lib/db/test-databases';
import { accountPageData, ownAccount } from './pages';

describeOnBackends('what the account and token pages show', (backend) => {
  let opened: Awaited<ReturnType<typeof backend.open>>;
  let store: Store;
  let mine: Account;
  let theirs: Account;

  beforeAll(async () => {
    opened = await backend.open();
    store = new Store(opened.db);
    mine = await store.createAccount({ name: 'Mine' });
    theirs = await store.createAccount({ name: 'Theirs' });
  });
  afterAll(async () => opened?.dispose());

  const owner = () => ({ userId: 'u1', email: 'owner@example.test', role: 'owner' as const, accountId: mine.id });
  const staff = { userId: 's1', email: 'staff@example.test', role: 'staff' as const, accountId: null };

  it('shows an owner their own account, editable, whatever API key the address names', async () => {
    const data = await accountPageData(owner(), theirs.apiKey, store);
    expect(data.account?.id).toBe(mine.id);
    expect(data.canEdit).toBe(true);
    expect(data.keys?.keys).toEqual([]);
    expect(data.owners).toEqual([]);
  });

  it('shows staff the account they looked up, read only, and nothing before a lookup', async () => {
    const looked = await accountPageData(staff, theirs.apiKey, store);
    expect(looked.account?.id).toBe(theirs.id);
    expect(looked.canEdit).toBe(false);
    expect(looked.audit?.events).toEqual([]);
    expect(await accountPageData(staff, undefined, store)).toEqual({ owners: [], canEdit: false });
    expect((await accountPageData(staff, 'no-such-key', store)).account).toBeUndefined();
  });

  it('offers the token debugger the owner’s own account only', async () => {
    expect(await ownAccount(owner(), store)).toEqual({ name: 'Mine', apiKey: mine.apiKey });
    expect(await ownAccount(staff, store)).toBeUndefined();
    expect(await ownAccount(null, store)).toBeUndefined();
  });
});
