import { LRUCache } from 'lru-cache';
import type { Store } from '@/lib/db/store';
import { apiError } from '@/lib/http/json';
import { API_KEY_PATTERN, publishedJwks } from '@/lib/accounts';

/**
 * Shared caches may keep a key set for a minute, and serve it for ten more while they fetch it again, so the
 * collaboration service keeps verifying tokens through a slow or unreachable portal. A key added or deleted is
 * therefore seen by the service within a minute (plus JWKS_MEMORY_SECONDS, from another server process).
 */
export const JWKS_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600';
/**
 * How long a server process answers from memory before reading an account's keys again. In the process that changes
 * the keys the cached set is dropped at once; other processes sharing PostgreSQL see the change within this time.
 */
export const JWKS_MEMORY_SECONDS = 10;
/** An unknown API key is remembered for less long: an account created in another process shows up within this. */
export const JWKS_UNKNOWN_MEMORY_SECONDS = 5;
/** At most this many API keys, and this many bytes of key sets, are held in memory; the least recently used go first. */
export const JWKS_MEMORY_ENTRIES = 10_000;
export const JWKS_MEMORY_BYTES = 32 * 1024 * 1024;

/** An account's published key set, serialised once, with the ETag of exactly those bytes. */
interface KeySet {
  accountId: string;
  body: string;
  tag: string;
}
type Lookup = KeySet | { unknown: true };

async function entityTag(body: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body)));
  return `"${Buffer.from(digest).toString('base64url')}"`;
}

function matches(ifNoneMatch: string | null, tag: string): boolean {
  if (!ifNoneMatch) return false;
  return (
    ifNoneMatch.trim() === '*' ||
    ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === tag)
  );
}

async function readKeySet(apiKey: string, store: Store): Promise<KeySet | undefined> {
  const account = await store.findAccountByApiKey(apiKey);
  if (!account) return undefined;
  const body = JSON.stringify(publishedJwks(await store.listKeys(account.id)));
  return { accountId: account.id, body, tag: await entityTag(body) };
}

function respond(request: Request, keySet: KeySet | undefined): Response {
  if (!keySet) return apiError('NOT_FOUND', 'No account has this API key.');
  const headers = { ETag: keySet.tag, 'Cache-Control': JWKS_CACHE_CONTROL, Vary: 'Accept-Encoding' };
  if (matches(request.headers.get('if-none-match'), keySet.tag)) return new Response(null, { status: 304, headers });
  return new Response(keySet.body, {
    status: 200,
    headers: { ...headers, 'Content-Type': 'application/jwk-set+json' },
  });
}

/** GET /api/accounts/{apiKey}/jwks.json read from the database every time: the lookup itself (bench:jwks times it). */
export async function handleJwksRequest(request: Request, apiKey: string, store: Store): Promise<Response> {
  return respond(request, API_KEY_PATTERN.test(apiKey) ? await readKeySet(apiKey, store) : undefined);
}

/**
 * Key sets by API key, in memory. Concurrent requests for one API key share one database read; a set older than
 * JWKS_MEMORY_SECONDS is still answered while it is read again in the background (and kept when that read fails),
 * so a flood of requests costs no database work and a database hiccup does not stop the service verifying tokens.
 */
export class JwksCache {
  private readonly entries: LRUCache<string, Lookup>;
  /** Bumped by every key change: a read that overlapped one may have seen the old keys, so it reads again. */
  private generation = 0;

  /** `perf` is the clock the memory times are measured on (tests move it on instead of waiting). */
  constructor(
    private readonly store: Store,
    options: { perf?: { now(): number } } = {},
  ) {
    this.entries = new LRUCache<string, Lookup>({
      perf: options.perf,
      // Read the clock on every check rather than once a millisecond: cheap, and exact when a test moves it on.
      ttlResolution: 0,
      max: JWKS_MEMORY_ENTRIES,
      maxSize: JWKS_MEMORY_BYTES,
      sizeCalculation: (lookup) => ('body' in lookup ? lookup.body.length : 0) + 200,
      ttl: JWKS_MEMORY_SECONDS * 1000,
      allowStale: true,
      allowStaleOnFetchRejection: true,
      fetchMethod: async (apiKey, _stale, { options }) => {
        for (let attempt = 1; ; attempt++) {
          const generation = this.generation;
          const keySet = await readKeySet(apiKey, this.store);
          if (generation !== this.generation && attempt < 3) continue;
          if (keySet) return keySet;
          options.ttl = JWKS_UNKNOWN_MEMORY_SECONDS * 1000;
          return { unknown: true };
        }
      },
    });
  }

  /** The account's key set, or undefined when no account has this API key. */
  async get(apiKey: string): Promise<KeySet | undefined> {
    const lookup = await this.entries.fetch(apiKey);
    // Nothing comes back only when the read was cut short (the entry was evicted or dropped meanwhile): read directly.
    if (lookup === undefined) return readKeySet(apiKey, this.store);
    return 'unknown' in lookup ? undefined : lookup;
  }

  /** Drops the account's cached key set: the next request reads the keys as they are now. */
  invalidateAccount(accountId: string): void {
    this.generation += 1;
    const apiKeys = [...this.entries.entries()]
      .filter(([, lookup]) => 'accountId' in lookup && lookup.accountId === accountId)
      .map(([apiKey]) => apiKey);
    for (const apiKey of apiKeys) this.entries.delete(apiKey);
  }
}

const caches = new WeakMap<Store, JwksCache>();

/** The key-set cache over this store, dropping an account's set whenever its keys change through the store. */
export function jwksCacheFor(store: Store): JwksCache {
  let cache = caches.get(store);
  if (!cache) {
    const created = new JwksCache(store);
    store.onKeysChanged((accountId) => created.invalidateAccount(accountId));
    caches.set(store, created);
    cache = created;
  }
  return cache;
}

/** GET /api/accounts/{apiKey}/jwks.json as the route serves it: from the process's key-set cache, with ETag and 304. */
export async function handleCachedJwksRequest(
  request: Request,
  apiKey: string,
  store: Store,
  cache: JwksCache = jwksCacheFor(store),
): Promise<Response> {
  return respond(request, API_KEY_PATTERN.test(apiKey) ? await cache.get(apiKey) : undefined);
}
