import { guardRoute } from '@/lib/http/route-failure';
import { toNextJsHandler } from 'better-auth/next-js';
import { AUTH_BODY_LIMIT, getAuth } from '@/lib/auth';
import { rateLimit, rateLimitSignIn } from '@/lib/api/rate-limits';
import { withBodyLimit } from '@/lib/http/body-limit';

export const GET = guardRoute('GET /api/auth/[...all]', async (request: Request) => {
  return toNextJsHandler(await getAuth()).GET(request);
});

export const POST = guardRoute('POST /api/auth/[...all]', async (request: Request) => {
  const handle = (checked: Request) =>
    withBodyLimit(checked, AUTH_BODY_LIMIT, async (limited) => toNextJsHandler(await getAuth()).POST(limited));
  // Password guessing is throttled per client address and locked out per account, across processes when PostgreSQL is shared.
  const { pathname } = new URL(request.url);
  if (pathname.startsWith('/api/auth/sign-in')) return rateLimitSignIn(request, handle);
  if (pathname.startsWith('/api/auth/sign-up')) {
    const limited = await rateLimit(request, 'signUp');
    if (limited) return limited;
  }
  return handle(request);
});
