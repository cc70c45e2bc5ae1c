import type { AlgorithmName } from '@/lib/algorithms';
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
  /** The account's keys, judged against the check's accepted set (a stored key it does not cover is skipped, with a warning). */
  byApiKey(apiKey: string, algorithms: readonly AlgorithmName[]): Promise<AccountKeySet | undefined>;
  /** The signed-in owner's account; undefined for anyone else. */
  forViewer(algorithms: readonly AlgorithmName[]): Promise<AccountKeySet | undefined>;
  recordUse(keySet: AccountKeySet, diagnosis: Diagnosis): Promise<void>;
}

async function keySetOf(store: Store, account: Account, algorithms: readonly AlgorithmName[]): Promise<AccountKeySet> {
  const stored = await store.listKeys(account.id);
  return { account, stored, loaded: await loadKeySet(publishedJwks(stored), algorithms), name: `Account "${account.name}"` };
}

// "Last used" is shown to the minute; checks repeated within one do not each write to the database.
const LAST_USED_PRECISION_MS = 60_000;

/** Keys that a check actually tried (they verified the signature or were tested against it) and whose last use is older than a minute. */
function keyIdsToMarkUsed(keySet: AccountKeySet, diagnosis: Diagnosis, now: number): string[] {
  const tried = new Set((diagnosis.keys ?? []).filter((attempt) => attempt.outcome === 'verified' || attempt.outcome === 'signature-mismatch').map((attempt) => attempt.thumbprint));
  return keySet.stored
    .filter((key) => tried.has(key.thumbprint) && (!key.lastUsedAt || now - key.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS))
    .map((key) => key.id);
}

export function storeKeySource(openStore: () => Promise<Store>, viewer: () => Promise<Viewer>): AccountKeySource {
  return {
    async byApiKey(apiKey, algorithms) {
      const store = await openStore();
      const account = await store.findAccountByApiKey(apiKey);
      return account && keySetOf(store, account, algorithms);
    },
    async forViewer(algorithms) {
      const current = await viewer();
      if (current?.role !== 'owner') return undefined;
      const store = await openStore();
      const account = await store.findAccount(current.accountId);
      return account && keySetOf(store, account, algorithms);
    },
    async recordUse(keySet, diagnosis) {
      const now = new Date();
      const ids = keyIdsToMarkUsed(keySet, diagnosis, now.getTime());
      if (ids.length) await (await openStore()).markKeysUsed(keySet.account.id, ids, now);
    },
  };
}
