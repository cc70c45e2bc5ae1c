import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Pool } from 'pg';
import { errorResponse } from './json';

export interface RateLimitPolicy {
  keyPrefix: string;
  /** Requests allowed per client in each window. */
  points: number;
  /** Window length in seconds. */
  duration: number;
}

/** Per client address; generous for people, tight enough to stop a script hammering the public APIs. */
export const RATE_LIMITS = {
  diagnose: { keyPrefix: 'diagnose', points: 120, duration: 60 },
  keyCheck: { keyPrefix: 'key-check', points: 60, duration: 60 },
  jwks: { keyPrefix: 'jwks', points: 600, duration: 60 },
  signIn: { keyPrefix: 'sign-in', points: 10, duration: 60 },
  // An editor creates a session once per document it opens and holds one event stream per document.
  sessionCreate: { keyPrefix: 'session-create', points: 120, duration: 60 },
  sessionEvents: { keyPrefix: 'session-events', points: 120, duration: 60 },
} as const satisfies Record<string, RateLimitPolicy>;

export type RateLimitName = keyof typeof RATE_LIMITS;

/** In one process the counters live in memory; across processes they live in the shared PostgreSQL. */
export function createRateLimiter(policy: RateLimitPolicy, pool?: Pool): RateLimiterAbstract {
  if (pool) return new RateLimiterPostgres({ ...policy, storeClient: pool, storeType: 'pool', tableName: 'rate_limits', tableCreated: true });
  return new RateLimiterMemory(policy);
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
export async function consumeRateLimit(limiter: RateLimiterAbstract, request: Request): Promise<Response | undefined> {
  try {
    await limiter.consume(clientAddress(request));
    return undefined;
  } catch (result) {
    if (!(result instanceof RateLimiterRes)) throw result;
    const retryAfter = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
    return errorResponse(429, 'RATE_LIMITED', `Too many requests from this address; try again in ${retryAfter} seconds.`, { 'Retry-After': String(retryAfter) });
  }
}
