import { accountAuditBody, accountKeysBody } from '@/lib/api/account-keys';
import { authorize, type Viewer } from '@/lib/auth/permissions';
import type { Account, Store } from '@/lib/db/store';

/** The owner's own account, as the token debugger offers it; nobody else has one. */
export async function ownAccount(viewer: Viewer, store: Store): Promise<Pick<Account, 'name' | 'apiKey'> | undefined> {
  if (viewer?.role !== 'owner') return undefined;
  const account = await store.findAccount(viewer.accountId);
  return account && { name: account.name, apiKey: account.apiKey };
}

export interface AccountPageData {
  /** The account shown: the owner's own, or the one staff looked up; undefined when there is none to show. */
  account?: Account;
  keys?: Awaited<ReturnType<typeof accountKeysBody>>;
  audit?: Awaited<ReturnType<typeof accountAuditBody>>;
  /** Who owns the account: for staff only, who cannot tell from the page otherwise. */
  owners: { name: string; email: string }[];
  /** Whether this viewer may change the account's keys. */
  canEdit: boolean;
}

/**
 * What /account shows this viewer, decided by the same authorization rules as the keys API: an owner sees their
 * own account, staff the account whose API key they looked up, and either sees the keys and audit log only
 * where `authorize` allows it.
 */
export async function accountPageData(
  viewer: NonNullable<Viewer>,
  lookup: string | undefined,
  store: Store,
): Promise<AccountPageData> {
  const account =
    viewer.role === 'owner'
      ? await store.findAccount(viewer.accountId)
      : lookup
        ? await store.findAccountByApiKey(lookup)
        : undefined;
  if (!account) return { owners: [], canEdit: false };
  const [keys, audit, owners] = await Promise.all([
    authorize(viewer, 'read', account.id) === 'allowed' ? accountKeysBody(account, store) : undefined,
    authorize(viewer, 'audit', account.id) === 'allowed' ? accountAuditBody(account, store) : undefined,
    viewer.role === 'staff' ? store.listAccountOwners(account.id) : [],
  ]);
  return { account, keys, audit, owners, canEdit: authorize(viewer, 'add', account.id) === 'allowed' };
}
