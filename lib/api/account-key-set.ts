import type { Account, Store, StoredKey } from '@/lib/db/store';
import type { Viewer } from '@/lib/auth/permissions';
import { loadKeySet, type Diagnosis, type LoadedKeySet } from '@/lib/jwt';

/** The account's keys as the collaboration service fetches them: public members, the kid, and use "sig". */
export function publishedJwks(keys: readonly StoredKey[]): { keys: Record<string, unknown>[] } {
  return { keys: keys.map((key) => ({ ...key.jwk, kid: key.kid, ...(key.alg ? { alg: key.alg } : {}), use: 'sig' })) };
}

export interface AccountKeySet {
  account: Pick<Account, 'id' | 'name' | 'apiKey'>;
  stored: StoredKey[];
  loaded: LoadedKeySet;
  /** How diagnosis messages name this set: `Account "Acme"`. */
  name: string;
}

/** Where a token check finds an account's keys, and where it records that a key was used. */
export interface AccountKeySource {
  byApiKey(apiKey: string): Promise<AccountKeySet | undefined>;
  /** The signed-in owner's account; undefined for anyone else. */
  forViewer(): Promise<AccountKeySet | undefined>;
  recordUse(keySet: AccountKeySet, diagnosis: Diagnosis): Promise<void>;
}

async function keySetOf(store: Store, account: Account): Promise<AccountKeySet> {
  const stored = await store.listKeys(account.id);
  return { account, stored, loaded: await loadKeySet(publishedJwks(stored)), name: `Account "${account.name}"` };
}

/** Keys that a check actually tried: they verified the signature or were tested against it. */
function triedKeyIds(keySet: AccountKeySet, diagnosis: Diagnosis): string[] {
  const tried = new Set((diagnosis.keys ?? []).filter((attempt) => attempt.outcome === 'verified' || attempt.outcome === 'signature-mismatch').map((attempt) => attempt.thumbprint));
  return keySet.stored.filter((key) => tried.has(key.thumbprint)).map((key) => key.id);
}

export function storeKeySource(openStore: () => Promise<Store>, viewer: () => Promise<Viewer>): AccountKeySource {
  return {
    async byApiKey(apiKey) {
      const store = await openStore();
      const account = await store.findAccountByApiKey(apiKey);
      return account && keySetOf(store, account);
    },
    async forViewer() {
      const current = await viewer();
      if (current?.role !== 'owner') return undefined;
      const store = await openStore();
      const account = await store.findAccount(current.accountId);
      return account && keySetOf(store, account);
    },
    async recordUse(keySet, diagnosis) {
      const ids = triedKeyIds(keySet, diagnosis);
      if (ids.length) await (await openStore()).markKeysUsed(keySet.account.id, ids);
    },
  };
}
