import type { AlgorithmName } from '@/lib/algorithms';
import type { Account, Store, StoredKey } from '@/lib/db/store';
import { authorize, type Viewer } from '@/lib/auth/permissions';
import { loadKeySet, type Diagnosis, type LoadedKeySet } from '@/lib/jwt';

/** The account's keys as the collaboration service fetches them: public members, the kid, and use "sig". */
export function publishedJwks(keys: readonly StoredKey[]): { keys: Record<string, unknown>[] } {
  return { keys: keys.map((key) => ({ ...key.jwk, kid: key.kid, ...(key.alg ? { alg: key.alg } : {}), use: 'sig' })) };
}

/** Whose keys a token check used: the request's own, an account's (named as this viewer may see it), or none. */
export type KeySource =
  | { kind: 'request' }
  | { kind: 'account'; account: { name: string; apiKey: string }; keyCount: number }
  | { kind: 'none' };

/** What a check says instead of the account's name to someone who may not read the account. */
export const UNNAMED_ACCOUNT = 'This account';

export interface AccountKeySet {
  account: Pick<Account, 'id' | 'name' | 'apiKey'>;
  stored: StoredKey[];
  loaded: LoadedKeySet;
  /**
   * How diagnosis messages name this set: `Account "Acme"` to the account's owner and to staff; to anyone else,
   * who knows no more than the API key (it is in every page that loads the editor), `This account`.
   */
  name: string;
  /** The account's name as this viewer may see it: its own for the owner and staff, `This account` for anyone else. */
  displayName: string;
}

/** Where a token check finds an account's keys, and where it records that a key was used and what the check found. */
export interface AccountKeySource {
  /** The account's keys, judged against the check's accepted set (a stored key it does not cover is skipped, with a warning). */
  byApiKey(apiKey: string, algorithms: readonly AlgorithmName[]): Promise<AccountKeySet | undefined>;
  /** The signed-in owner's account; undefined for anyone else. */
  forViewer(algorithms: readonly AlgorithmName[]): Promise<AccountKeySet | undefined>;
  /** Books the checks made with an account's keys: the keys that verified, and the codes found (one write each). */
  recordUse(keySet: AccountKeySet, diagnoses: readonly Diagnosis[]): Promise<void>;
}

async function keySetOf(
  store: Store,
  account: Account,
  algorithms: readonly AlgorithmName[],
  viewer: Viewer,
): Promise<AccountKeySet> {
  const stored = await store.listKeys(account.id);
  const named = authorize(viewer, 'read', account.id) === 'allowed';
  return {
    account,
    stored,
    loaded: await loadKeySet(publishedJwks(stored), algorithms),
    name: named ? `Account "${account.name}"` : UNNAMED_ACCOUNT,
    displayName: named ? account.name : UNNAMED_ACCOUNT,
  };
}

// "Last used" is shown to the minute; checks repeated within one do not each write to the database.
const LAST_USED_PRECISION_MS = 60_000;

/**
 * Keys that verified the token's signature and whose last use is older than a minute. A key a signature was only
 * tested against is not "used": anyone who knows the API key could forge such a token and move its last use.
 */
function keyIdsToMarkUsed(keySet: AccountKeySet, diagnoses: readonly Diagnosis[], now: number): string[] {
  const verified = new Set(
    diagnoses.flatMap((diagnosis) =>
      (diagnosis.keys ?? []).filter((attempt) => attempt.outcome === 'verified').map((attempt) => attempt.thumbprint),
    ),
  );
  return keySet.stored
    .filter(
      (key) =>
        verified.has(key.thumbprint) && (!key.lastUsedAt || now - key.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS),
    )
    .map((key) => key.id);
}

export function storeKeySource(openStore: () => Promise<Store>, viewer: () => Promise<Viewer>): AccountKeySource {
  return {
    async byApiKey(apiKey, algorithms) {
      const store = await openStore();
      const account = await store.findAccountByApiKey(apiKey);
      return account && keySetOf(store, account, algorithms, await viewer());
    },
    async forViewer(algorithms) {
      const current = await viewer();
      if (current?.role !== 'owner') return undefined;
      const store = await openStore();
      const account = await store.findAccount(current.accountId);
      return account && keySetOf(store, account, algorithms, current);
    },
    async recordUse(keySet, diagnoses) {
      if (diagnoses.length === 0) return;
      const now = new Date();
      const store = await openStore();
      const ids = keyIdsToMarkUsed(keySet, diagnoses, now.getTime());
      // The key set may serve more checks (a batch's later chunks): they see the use booked here.
      for (const key of keySet.stored) if (ids.includes(key.id)) key.lastUsedAt = now;
      await Promise.all([
        ids.length ? store.markKeysUsed(keySet.account.id, ids, now) : undefined,
        // What support's account view charts: the codes these checks found, never the tokens.
        store.diagnoses.recordChecks(
          keySet.account.id,
          diagnoses.map((diagnosis) => diagnosis.errors.map((error) => error.code)),
          now,
        ),
      ]);
    },
  };
}
