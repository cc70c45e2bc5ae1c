import { readEnvironment } from '@/lib/config/env';
import { getDatabase } from '@/lib/db';
import {
  consumeRateLimit,
  createLockout,
  createRateLimiter,
  limitSignIn,
  RATE_LIMITS,
  SIGN_IN_LOCKOUT,
  type Lockout,
  type RateLimiter,
  type RateLimitName,
} from '@/lib/http/rate-limit';

const limiters = new Map<RateLimitName, Promise<RateLimiter>>();
let signInLockout: Promise<Lockout> | undefined;

async function limiterFor(name: RateLimitName): Promise<RateLimiter> {
  let limiter = limiters.get(name);
  if (!limiter) {
    const policy = RATE_LIMITS[name];
    // A limit counted in memory needs no database, not even to be set up.
    limiter =
      'store' in policy && policy.store === 'memory'
        ? Promise.resolve(createRateLimiter(policy))
        : getDatabase().then((database) => createRateLimiter(policy, database.pool));
    limiters.set(name, limiter);
  }
  return limiter;
}

/** A 429 response when this client is over the named limit, otherwise undefined (and one request counted). */
export async function rateLimit(request: Request, name: RateLimitName): Promise<Response | undefined> {
  const environment = readEnvironment();
  if (environment.RTC_DOCTOR_RATE_LIMITS === 'off') return undefined;
  return consumeRateLimit(await limiterFor(name), request, environment.RTC_DOCTOR_TRUSTED_PROXIES);
}

/**
 * Runs `signIn` unless this client address is over the sign-in limit or the account it names is locked out after
 * failed attempts (SIGN_IN_LOCKOUT), and books its outcome; across processes when PostgreSQL is shared.
 */
export async function rateLimitSignIn(
  request: Request,
  signIn: (request: Request) => Promise<Response>,
): Promise<Response> {
  const environment = readEnvironment();
  if (environment.RTC_DOCTOR_RATE_LIMITS === 'off') return signIn(request);
  signInLockout ??= getDatabase().then((database) => createLockout(SIGN_IN_LOCKOUT, database.pool));
  const limits = {
    perAddress: await limiterFor('signIn'),
    perAccount: await signInLockout,
    trust: environment.RTC_DOCTOR_TRUSTED_PROXIES,
  };
  return limitSignIn(request, limits, signIn);
}
