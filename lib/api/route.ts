import { getViewer } from '@/lib/auth';
import type { Viewer } from '@/lib/auth/permissions';
import { readEnvironment } from '@/lib/config/env';
import { getStore } from '@/lib/db';
import type { Store } from '@/lib/db/store';
import type { RateLimitName, TrustedProxies } from '@/lib/http/rate-limit';
import { guardRoute } from '@/lib/http/route-failure';
import { rateLimit } from './rate-limits';

/** What every API route may use, built in one place: a route asks for what it needs and gets it only then. */
export interface RouteContext<Params> {
  request: Request;
  params: Params;
  store(): Promise<Store>;
  viewer(): Promise<Viewer>;
  /** Which proxies' X-Forwarded-For counts (RTC_DOCTOR_TRUSTED_PROXIES). */
  trust: TrustedProxies;
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
      trust: readEnvironment().RTC_DOCTOR_TRUSTED_PROXIES,
    });
  });
}
