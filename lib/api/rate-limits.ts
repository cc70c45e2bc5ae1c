import { readEnvironment } from '@/lib/config/env';
import { getDatabase } from '@/lib/db';
import { consumeRateLimit, createRateLimiter, RATE_LIMITS, type RateLimiter, type RateLimitName } from '@/lib/http/rate-limit';

const limiters = new Map<RateLimitName, Promise<RateLimiter>>();

async function limiterFor(name: RateLimitName): Promise<RateLimiter> {
  let limiter = limiters.get(name);
  if (!limiter) {
    limiter = getDatabase().then((database) => createRateLimiter(RATE_LIMITS[name], database.pool));
    limiters.set(name, limiter);
  }
  return limiter;
}

/** A 429 response when this client is over the named limit, otherwise undefined (and one request counted). */
export async function rateLimit(request: Request, name: RateLimitName): Promise<Response | undefined> {
  if (readEnvironment().RTC_DOCTOR_RATE_LIMITS === 'off') return undefined;
  return consumeRateLimit(await limiterFor(name), request);
}
