import { toNextJsHandler } from 'better-auth/next-js';
import { rateLimit, rateLimitSignIn, route } from '@/lib/api/route';
import { AUTH_BODY_LIMIT, getAuth } from '@/lib/auth';
import { withBodyLimit } from '@/lib/http/body-limit';

export const GET = route('GET /api/auth/[...all]', {}, async ({ request }) =>
  toNextJsHandler(await getAuth()).GET(request),
);

export const POST = route('POST /api/auth/[...all]', {}, async ({ request }) => {
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
