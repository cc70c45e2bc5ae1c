import { getViewer } from '@/lib/auth';
import type { Viewer } from '@/lib/auth/permissions';
import { readEnvironment } from '@/lib/config/env';
import { getDatabase, getStore } from '@/lib/db';
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
  type TrustedProxies,
} from '@/lib/http/rate-limit';
import type { Store } from '@/lib/db/store';
import { guardRoute } from '@/lib/http/route-failure';
import { metrics } from '@/lib/ops/metrics';

/** What every API route may use, built in one place: a route asks for what it needs and gets it only then. */
export interface RouteContext<Params> {
  request: Request;
  params: Params;
  store(): Promise<Store>;
  viewer(): Promise<Viewer>;
  /** Which proxies' X-Forwarded-For counts (RTC_DOCTOR_TRUSTED_PROXIES); read only by the routes that ask. */
  trust(): TrustedProxies;
}

export interface RouteOptions {
  /** The rate limit counted before the handler runs; a client over it gets the 429 instead. */
  limit?: RateLimitName;
}

/**
 * An API route: rate-limited when `options.limit` names a limit, guarded so an unforeseen failure answers the
 * usual JSON 500 and logs its kind only (guardRoute), with the store, the viewer and the settings at hand.
 * `name` is how the log names it, e.g. "POST /api/tokens/diagnose".
 */
export function route<Params extends Record<string, string> = Record<string, never>>(
  name: string,
  options: RouteOptions,
  handler: (context: RouteContext<Params>) => Response | Promise<Response>,
): (request: Request, next: { params: Promise<Params> }) => Promise<Response> {
  return guardRoute(name, async (request: Request, next: { params: Promise<Params> }) => {
    if (options.limit) {
      const limited = await rateLimit(request, options.limit);
      if (limited) return limited;
    }
    return handler({
      request,
      params: await next.params,
      store: getStore,
      viewer: () => getViewer(request.headers),
      trust: () => readEnvironment().RTC_DOCTOR_TRUSTED_PROXIES,
    });
  });
}

// ---- The process's rate limiters: built once, from the policies in lib/http/rate-limit.ts.

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

/** A 429 response when this client is over the named limit, otherwise undefined (and `points` counted: 1 a request). */
export async function rateLimit(request: Request, name: RateLimitName, points = 1): Promise<Response | undefined> {
  const environment = readEnvironment();
  if (environment.RTC_DOCTOR_RATE_LIMITS === 'off') return undefined;
  const refused = await consumeRateLimit(
    await limiterFor(name),
    request,
    environment.RTC_DOCTOR_TRUSTED_PROXIES,
    points,
  );
  if (refused) metrics.rateLimitRefusals.inc({ limit: name });
  return refused;
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
  const response = await limitSignIn(request, limits, signIn);
  if (response.status === 429) metrics.rateLimitRefusals.inc({ limit: 'signIn' });
  return response;
}
