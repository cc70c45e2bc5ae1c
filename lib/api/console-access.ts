import { authorizeConsole, type Viewer } from '@/lib/auth/permissions';
import { isSameOriginRequest } from '@/lib/http/csrf';
import { apiError } from '@/lib/http/json';

type Staff = Exclude<Viewer, null>;

/**
 * The console is staff's only, decided here for every request: 401 for nobody signed in, 403 for an owner.
 * A change must also come from this site (the session cookie would be sent from any other).
 */
export function consoleAccess(
  request: Request,
  viewer: Viewer,
  change = false,
): { staff: Staff } | { response: Response } {
  if (change && !isSameOriginRequest(request))
    return { response: apiError('CSRF_REJECTED', 'This change must be sent from the RTC Doctor site itself.') };
  const decision = authorizeConsole(viewer);
  if (decision === 'unauthenticated')
    return { response: apiError('UNAUTHENTICATED', 'Sign in as support staff to use the console.') };
  if (decision === 'forbidden')
    return { response: apiError('FORBIDDEN', 'The console is for support staff; account owners cannot use it.') };
  return { staff: viewer! };
}

/** The request's query string as an object, for a zod schema. */
export function queryOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}
