import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { Pool } from 'pg';
import { z } from 'zod';
import { AUTH_BODY_LIMIT, withBodyLimit } from './body-limit';
import { apiError } from './json';

// ---------------------------------------------------------------- client addresses

/**
 * The header server.mjs sets on every request to the address of the socket it arrived on, after deleting whatever
 * the client sent under that name. A client cannot forge it; X-Forwarded-For it can. server.mjs names it too (plain
 * JavaScript cannot import this module): a test checks that the two agree.
 */
export const PEER_ADDRESS_HEADER = 'x-rtc-doctor-peer';

/** The client when there is no address to go by: no peer header (`next dev`, a unit test) and no trusted proxy saying otherwise. */
export const UNKNOWN_ADDRESS = 'unknown';
/** The client when what stands for its address is not an IP address (a broken or hostile header). */
export const INVALID_ADDRESS = 'invalid';
/** The longest an IP address can be written (an IPv4-mapped IPv6 address in full); anything longer is not one. */
export const MAX_ADDRESS_LENGTH = 45;
/** IPv6 clients are counted by network: one host usually has a whole /64 to choose addresses from. */
export const IPV6_CLIENT_PREFIX = 64;
/** A hop count beyond this is a mistake, not a deployment. */
export const MAX_TRUSTED_HOPS = 10;

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * RTC_DOCTOR_TRUSTED_PROXIES, parsed: nothing (X-Forwarded-For is ignored), the reverse proxies' addresses and
 * networks (X-Forwarded-For is walked from the right past them), or how many proxies stand in front of the server.
 */
export type TrustedProxies =
  { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'list'; ranges: readonly (readonly [Address, number])[] };

export const NO_TRUSTED_PROXIES: TrustedProxies = { kind: 'none' };

/** IPv4-mapped IPv6 addresses become IPv4 and zone ids are dropped, so one client has one spelling. */
function canonical(address: Address): Address {
  if (address.kind() === 'ipv4') return address;
  const v6 = address as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address();
  return v6.zoneId ? new ipaddr.IPv6(v6.parts) : v6;
}

/** A strictly written address (dotted-quad IPv4 or IPv6), or undefined; never throws, whatever the text. */
function parseStrict(text: string): Address | undefined {
  if (text.length === 0 || text.length > MAX_ADDRESS_LENGTH || isIP(text) === 0) return undefined;
  try {
    return canonical(ipaddr.parse(text));
  } catch {
    return undefined;
  }
}

/** An address as a proxy may write it in X-Forwarded-For: also `[2001:db8::1]:443` or `203.0.113.7:443`. */
function parseForwarded(entry: string): Address | undefined {
  const text = entry.trim();
  const bracketed = /^\[([0-9A-Fa-f:.]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed) return parseStrict(bracketed[1]!);
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(text);
  return parseStrict(withPort ? withPort[1]! : text);
}

function parseRange(entry: string): readonly [Address, number] | { error: string } {
  const invalid = { error: `"${entry}" is not an IP address or a CIDR range such as 10.0.0.0/8 or 2001:db8::/32` };
  const [addressText = '', prefixText, ...rest] = entry.split('/');
  if (rest.length > 0 || (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText))) return invalid;
  if (addressText.length > MAX_ADDRESS_LENGTH || isIP(addressText) === 0) return invalid;
  let address: Address;
  try {
    address = ipaddr.parse(addressText);
  } catch {
    return invalid;
  }
  let bits = prefixText === undefined ? (address.kind() === 'ipv4' ? 32 : 128) : Number(prefixText);
  if (bits > (address.kind() === 'ipv4' ? 32 : 128)) return invalid;
  const v6 = address.kind() === 'ipv6' ? (address as ipaddr.IPv6) : undefined;
  if (v6?.isIPv4MappedAddress()) {
    // ::ffff:10.0.0.0/104 is 10.0.0.0/8: peers are matched as IPv4 once mapped addresses are unwrapped.
    if (bits < 96) return invalid;
    address = v6.toIPv4Address();
    bits -= 96;
  } else if (v6) {
    address = canonical(v6);
  }
  if (bits === 0) return { error: `"${entry}" trusts every address, so any client could choose its own address` };
  return [address, bits] as const;
}

/**
 * Reads RTC_DOCTOR_TRUSTED_PROXIES: unset or empty for none, `hops:N` (1 to 10) for N proxies in front of the
 * server, or a comma-separated list of IPv4 and IPv6 addresses and CIDR ranges.
 */
export function parseTrustedProxies(text: string | undefined): { trust: TrustedProxies } | { error: string } {
  if (text === undefined || text.trim() === '') return { trust: NO_TRUSTED_PROXIES };
  const hops = /^\s*hops\s*:\s*(.*?)\s*$/i.exec(text);
  if (hops) {
    const count = /^\d{1,2}$/.test(hops[1]!) ? Number(hops[1]) : NaN;
    if (!(count >= 1 && count <= MAX_TRUSTED_HOPS))
      return { error: `"${text.trim()}": the hop count must be a whole number from 1 to ${MAX_TRUSTED_HOPS}` };
    return { trust: { kind: 'hops', hops: count } };
  }
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return { error: 'the list is empty' };
  const ranges: (readonly [Address, number])[] = [];
  for (const entry of entries) {
    const range = parseRange(entry);
    if ('error' in range) return range;
    ranges.push(range);
  }
  return { trust: { kind: 'list', ranges } };
}

function isTrusted(address: Address, trust: TrustedProxies & { kind: 'list' }): boolean {
  return trust.ranges.some(([network, bits]) => network.kind() === address.kind() && address.match(network, bits));
}

/** X-Forwarded-For, nearest hop first: each proxy appends the address it saw, so the right end is the nearest. */
function forwardedNearestFirst(request: Request): string[] {
  const header = request.headers.get('x-forwarded-for');
  if (!header) return [];
  return header
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .reverse();
}

function resolveClient(
  request: Request,
  trust: TrustedProxies,
): Address | typeof UNKNOWN_ADDRESS | typeof INVALID_ADDRESS {
  const peerText = request.headers.get(PEER_ADDRESS_HEADER);
  const peer = peerText === null ? UNKNOWN_ADDRESS : (parseStrict(peerText.trim()) ?? INVALID_ADDRESS);
  if (trust.kind === 'none') return peer;
  const forwarded = forwardedNearestFirst(request);
  if (trust.kind === 'hops') {
    // The setting says N proxies always stand in front, so the peer needs no checking: the client is the Nth
    // entry from the right (the furthest one, when a request came through fewer).
    if (forwarded.length === 0) return peer;
    return parseForwarded(forwarded[Math.min(trust.hops, forwarded.length) - 1]!) ?? INVALID_ADDRESS;
  }
  // Only a trusted peer's X-Forwarded-For is believed, and then only back to the first address that is not a
  // trusted proxy: everything to the left of it was written by the client.
  if (typeof peer === 'string') return peer;
  let current: Address = peer;
  for (const entry of forwarded) {
    if (!isTrusted(current, trust)) return current;
    const next = parseForwarded(entry);
    if (!next) return INVALID_ADDRESS;
    current = next;
  }
  return current;
}

/**
 * The client's address: the socket's (the peer header from server.mjs), or, behind trusted proxies, the first
 * address in X-Forwarded-For from the right that is not one of them. Without RTC_DOCTOR_TRUSTED_PROXIES,
 * X-Forwarded-For is ignored entirely. Always a normalised address of at most 45 characters, `unknown` or `invalid`.
 */
export function clientAddress(request: Request, trust: TrustedProxies = NO_TRUSTED_PROXIES): string {
  return resolveClient(request, trust).toString();
}

/** What the limits count a client under: its address, or for IPv6 its /64 network. */
export function clientKey(request: Request, trust: TrustedProxies = NO_TRUSTED_PROXIES): string {
  const client = resolveClient(request, trust);
  if (typeof client === 'string' || client.kind() === 'ipv4') return client.toString();
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${client.toString()}/${IPV6_CLIENT_PREFIX}`).toString()}/${IPV6_CLIENT_PREFIX}`;
}

// ---------------------------------------------------------------- per-client limits

export interface RateLimitPolicy {
  keyPrefix: string;
  /** Requests allowed per client in each window. */
  points: number;
  /** Window length in seconds. */
  duration: number;
  /**
   * Requests allowed from all clients together in each window (default: 20 clients' worth), or false for none: an
   * endpoint that must stay up for every well-behaved client however busy the others are has no such ceiling.
   */
  overall?: number | false;
  /**
   * Where the counters live: 'shared' (default) in PostgreSQL when the server has one, so every process counts
   * together; 'memory' in this process only, so counting costs no database work (the limit is then per process).
   */
  store?: 'shared' | 'memory';
}

/** Per client address; generous for people, tight enough to stop a script hammering the public APIs. */
export const RATE_LIMITS = {
  diagnose: { keyPrefix: 'diagnose', points: 120, duration: 60 },
  // Counted per token, not per request (contract §7): a batch of 500 spends 500.
  diagnoseBatch: { keyPrefix: 'diagnose-batch', points: 20_000, duration: 60 },
  keyCheck: { keyPrefix: 'key-check', points: 60, duration: 60 },
  secureContext: { keyPrefix: 'secure-context', points: 120, duration: 60 },
  // The collaboration service fetches key sets from here: no ceiling for everyone together, and counted in memory
  // so that a flood is answered from the key-set cache without touching the database.
  jwks: { keyPrefix: 'jwks', points: 600, duration: 60, overall: false, store: 'memory' },
  // Per address; the ceiling for all clients together is per account instead (SIGN_IN_LOCKOUT), so nobody can
  // lock everybody out.
  signIn: { keyPrefix: 'sign-in', points: 10, duration: 60, overall: false },
  // Sign-ups from one address: enough for a team behind one NAT, too few to mass-create accounts.
  signUp: { keyPrefix: 'sign-up', points: 20, duration: 60, overall: false },
  // An editor creates a session once per document it opens and holds one event stream per document.
  sessionCreate: { keyPrefix: 'session-create', points: 120, duration: 60 },
  sessionEvents: { keyPrefix: 'session-events', points: 120, duration: 60 },
  // A reader sends one piece of feedback per page now and then; a script filling the inbox is stopped early.
  feedback: { keyPrefix: 'feedback', points: 10, duration: 60 },
  // The search palette reports a search that did not help at most once per query typed.
  searchMiss: { keyPrefix: 'search-miss', points: 30, duration: 60 },
  // The form is counted once per page shown; a reader paging through the docs shows it a few times a minute.
  feedbackView: { keyPrefix: 'feedback-view', points: 60, duration: 60 },
  // An owner sends support a bundle now and then; each can be 2 MiB, so a script must not fill the database with them.
  supportBundle: { keyPrefix: 'support-bundle', points: 5, duration: 60 },
} as const satisfies Record<string, RateLimitPolicy>;

export type RateLimitName = keyof typeof RATE_LIMITS;

/** In one process the counters live in memory; across processes they live in the shared PostgreSQL. */
export interface RateLimiter {
  perClient: RateLimiterAbstract;
  overall?: RateLimiterAbstract;
}

const OVERALL_KEY = 'all-clients';
/** rate_limits.key is varchar(255) and holds the prefix too: longer keys are stored as their SHA-256. */
const MAX_KEY_LENGTH = 64;

function limiterOf(options: { keyPrefix: string; points: number; duration: number }, pool?: Pool): RateLimiterAbstract {
  if (pool)
    return new RateLimiterPostgres({
      ...options,
      storeClient: pool,
      storeType: 'pool',
      tableName: 'rate_limits',
      tableCreated: true,
    });
  return new RateLimiterMemory(options);
}

export function createRateLimiter(policy: RateLimitPolicy, pool?: Pool): RateLimiter {
  const { keyPrefix, points, duration } = policy;
  const shared = policy.store === 'memory' ? undefined : pool;
  return {
    perClient: limiterOf({ keyPrefix, points, duration }, shared),
    overall:
      policy.overall === false
        ? undefined
        : limiterOf({ keyPrefix: `${keyPrefix}-overall`, points: policy.overall ?? points * 20, duration }, shared),
  };
}

function hashed(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('base64url')}`;
}

/** A key of bounded length whatever it came from: short ones as they are, long ones as their SHA-256. */
export function boundedKey(key: string): string {
  return key.length <= MAX_KEY_LENGTH ? key : hashed(key);
}

/** Counts one request, or `points` units of work; answers 429 with Retry-After when the client is over its limit. */
export async function consumeRateLimit(
  limiter: RateLimiter,
  request: Request,
  trust: TrustedProxies = NO_TRUSTED_PROXIES,
  points = 1,
): Promise<Response | undefined> {
  const refused = await consume(
    limiter.perClient,
    clientKey(request, trust),
    'Too many requests from this address',
    points,
  );
  if (refused || !limiter.overall) return refused;
  return consume(limiter.overall, OVERALL_KEY, 'This service is answering too many requests just now', points);
}

function tooMany(msBeforeNext: number, reason: string): Response {
  const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return apiError('RATE_LIMITED', `${reason}; try again in ${retryAfter} seconds.`, {
    headers: { 'Retry-After': String(retryAfter) },
  });
}

async function consume(
  limiter: RateLimiterAbstract,
  key: string,
  reason: string,
  points: number,
): Promise<Response | undefined> {
  try {
    await limiter.consume(boundedKey(key), points);
    return undefined;
  } catch (result) {
    if (!(result instanceof RateLimiterRes)) throw result;
    return tooMany(result.msBeforeNext, reason);
  }
}

// ---------------------------------------------------------------- per-account lockouts

/**
 * Attempts on one account (whatever addresses they come from): a few free, then each further one waits out a
 * lockout that doubles every time, up to a cap; a successful attempt clears the account's record.
 */
export interface LockoutPolicy {
  keyPrefix: string;
  /** Attempts in a row without a success that need no waiting. */
  freeAttempts: number;
  /** The wait after the last free attempt; every further attempt doubles it. */
  firstLockoutSeconds: number;
  maxLockoutSeconds: number;
  /** How long attempts without a success are remembered. */
  memorySeconds: number;
}

/** Sign-in per email: 5 attempts, then waits of 1, 2, 4, 8 and then 15 minutes between attempts, for a day. */
export const SIGN_IN_LOCKOUT = {
  keyPrefix: 'sign-in-account',
  freeAttempts: 5,
  firstLockoutSeconds: 60,
  maxLockoutSeconds: 15 * 60,
  memorySeconds: 24 * 3600,
} as const satisfies LockoutPolicy;

export interface Lockout {
  policy: LockoutPolicy;
  /** Attempts without a success, per account. */
  attempts: RateLimiterAbstract;
  /** Held while the account waits out a lockout; whoever takes it first may make the one attempt that follows. */
  lock: RateLimiterAbstract;
}

export function createLockout(policy: LockoutPolicy, pool?: Pool): Lockout {
  return {
    policy,
    attempts: limiterOf(
      { keyPrefix: `${policy.keyPrefix}-attempts`, points: policy.freeAttempts, duration: policy.memorySeconds },
      pool,
    ),
    lock: limiterOf({ keyPrefix: `${policy.keyPrefix}-lock`, points: 1, duration: policy.maxLockoutSeconds }, pool),
  };
}

/** The wait that the `attempt`th attempt in a row without a success starts: none for the first few, then doubling. */
export function lockoutSeconds(policy: LockoutPolicy, attempt: number): number {
  if (attempt < policy.freeAttempts) return 0;
  return Math.min(
    policy.maxLockoutSeconds,
    policy.firstLockoutSeconds * 2 ** Math.min(attempt - policy.freeAttempts, 30),
  );
}

const LOCKED_REASON = 'Too many sign-in attempts for this account';

/**
 * Runs `attempt` unless `account` is waiting out a lockout, and books the outcome: a success (2xx) clears the
 * account's record, a refusal by a limit (429) is not counted, anything else counts against the account. Attempts are
 * counted before they run, so a burst of concurrent guesses cannot slip past the count together.
 */
export async function withLockout(
  lockout: Lockout,
  account: string,
  attempt: () => Promise<Response>,
): Promise<Response> {
  // Hashed: a key of bounded length, and no email addresses in the rate_limits table.
  const key = hashed(account);
  const locked = await lockout.lock.get(key);
  if (locked && locked.consumedPoints > 0 && locked.msBeforeNext > 0)
    return tooMany(locked.msBeforeNext, LOCKED_REASON);
  const count = (await lockout.attempts.penalty(key, 1)).consumedPoints;
  const wait = lockoutSeconds(lockout.policy, count);
  if (wait > 0) {
    const slot = await lockout.lock.penalty(key, 1, { customDuration: wait });
    if (slot.consumedPoints > 1) {
      // Another attempt took the one allowed after the last lockout; this one never ran, so it does not count.
      await lockout.attempts.reward(key, 1);
      return tooMany(slot.msBeforeNext, LOCKED_REASON);
    }
  }
  const response = await attempt();
  if (response.ok) {
    await Promise.all([lockout.attempts.delete(key), lockout.lock.delete(key)]);
  } else if (response.status === 429) {
    await Promise.all([lockout.attempts.reward(key, 1), wait > 0 ? lockout.lock.delete(key) : undefined]);
  }
  return response;
}

// ---------------------------------------------------------------- sign-in

/** A sign-in body is an email, a password and two small options: the auth routes' one limit applies. */
export const SIGN_IN_BODY_LIMIT = AUTH_BODY_LIMIT;

const signInFields = z.object({ email: z.string() });

/**
 * The account a sign-in body names, read as the sign-in library reads it (JSON or a form, by Content-Type; the
 * email lowercased, as it looks users up), or undefined when it names none.
 */
export function signInAccount(contentType: string | null, body: string): string | undefined {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  let fields: unknown;
  if (type === 'application/json') {
    try {
      fields = JSON.parse(body);
    } catch {
      return undefined;
    }
  } else if (type === 'application/x-www-form-urlencoded') {
    fields = Object.fromEntries(new URLSearchParams(body));
  } else {
    return undefined;
  }
  const parsed = signInFields.safeParse(fields);
  return parsed.success ? parsed.data.email.trim().toLowerCase() : undefined;
}

export interface SignInLimits {
  perAddress: RateLimiter;
  perAccount: Lockout;
  trust: TrustedProxies;
}

/**
 * A sign-in, limited per client address and locked out per account (SIGN_IN_LOCKOUT) on top. The body is read first
 * (at most SIGN_IN_BODY_LIMIT, else 413) for the account it names; `signIn` gets a copy holding the same bytes.
 */
export async function limitSignIn(
  request: Request,
  limits: SignInLimits,
  signIn: (request: Request) => Promise<Response>,
): Promise<Response> {
  const limited = await consumeRateLimit(limits.perAddress, request, limits.trust);
  if (limited) return limited;
  return withBodyLimit(request, SIGN_IN_BODY_LIMIT, async (buffered) => {
    const account = signInAccount(buffered.headers.get('content-type'), await buffered.clone().text());
    // Without an email the sign-in library refuses the request before it checks any password.
    if (account === undefined) return signIn(buffered);
    return withLockout(limits.perAccount, account, () => signIn(buffered));
  });
}
