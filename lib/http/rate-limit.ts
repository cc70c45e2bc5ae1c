import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Pool } from 'pg';
import { errorResponse } from './json';

export interface RateLimitPolicy {
  keyPrefix: string;
  /** Requests allowed per client in each window. */
  points: number;
  /** Window length in seconds. */
  duration: number;
  /**
   * Requests allowed from all clients together in each window (default: 20 clients' worth). Client addresses
   * come from X-Forwarded-For, which a client can forge when no proxy sets it; this ceiling still holds then.
   */
  overall?: number;
}

/** Per client address; generous for people, tight enough to stop a script hammering the public APIs. */
export const RATE_LIMITS = {
  diagnose: { keyPrefix: 'diagnose', points: 120, duration: 60 },
  keyCheck: { keyPrefix: 'key-check', points: 60, duration: 60 },
  secureContext: { keyPrefix: 'secure-context', points: 120, duration: 60 },
  jwks: { keyPrefix: 'jwks', points: 600, duration: 60 },
  signIn: { keyPrefix: 'sign-in', points: 10, duration: 60 },
  // An editor creates a session once per document it opens and holds one event stream per document.
  sessionCreate: { keyPrefix: 'session-create', points: 120, duration: 60 },
  sessionEvents: { keyPrefix: 'session-events', points: 120, duration: 60 },
} as const satisfies Record<string, RateLimitPolicy>;

export type RateLimitName = keyof typeof RATE_LIMITS;

/** In one process the counters live in memory; across processes they live in the shared PostgreSQL. */
export interface RateLimiter {
  perClient: RateLimiterAbstract;
  overall: RateLimiterAbstract;
}

const OVERALL_KEY = 'all-clients';

function limiterOf(options: { keyPrefix: string; points: number; duration: number }, pool?: Pool): RateLimiterAbstract {
  if (pool) return new RateLimiterPostgres({ ...options, storeClient: pool, storeType: 'pool', tableName: 'rate_limits', tableCreated: true });
  return new RateLimiterMemory(options);
}

export function createRateLimiter(policy: RateLimitPolicy, pool?: Pool): RateLimiter {
  const { keyPrefix, points, duration } = policy;
  return {
    perClient: limiterOf({ keyPrefix, points, duration }, pool),
    overall: limiterOf({ keyPrefix: `${keyPrefix}-overall`, points: policy.overall ?? points * 20, duration }, pool),
  };
}

/**
 * The client as the nearest proxy saw it: Next.js puts the socket address in X-Forwarded-For when
 * nothing did, and a reverse proxy appends the address it saw, so the last entry is the trustworthy one.
 */
export function clientAddress(request: Request): string {
  const forwarded = request.headers
    .get('x-forwarded-for')
    ?.split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return forwarded?.at(-1) ?? request.headers.get('x-real-ip') ?? 'unknown';
}

/** Counts one request; answers 429 with Retry-After when the client is over its limit. */
export async function consumeRateLimit(limiter: RateLimiter, request: Request): Promise<Response | undefined> {
  return (
    (await consume(limiter.perClient, clientAddress(request), 'Too many requests from this address')) ??
    consume(limiter.overall, OVERALL_KEY, 'This service is answering too many requests just now')
  );
}

async function consume(limiter: RateLimiterAbstract, key: string, reason: string): Promise<Response | undefined> {
  try {
    await limiter.consume(key);
    return undefined;
  } catch (result) {
    if (!(result instanceof RateLimiterRes)) throw result;
    const retryAfter = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
    return errorResponse(429, 'RATE_LIMITED', `${reason}; try again in ${retryAfter} seconds.`, { 'Retry-After': String(retryAfter) });
  }
}
