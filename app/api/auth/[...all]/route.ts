import { toNextJsHandler } from 'better-auth/next-js';
import { getAuth } from '@/lib/auth';
import { rateLimit } from '@/lib/api/rate-limits';

export async function GET(request: Request) {
  return toNextJsHandler(await getAuth()).GET(request);
}

export async function POST(request: Request) {
  // Password guessing is throttled per client address, across processes when PostgreSQL is shared.
  if (new URL(request.url).pathname.startsWith('/api/auth/sign-in')) {
    const limited = await rateLimit(request, 'signIn');
    if (limited) return limited;
  }
  return toNextJsHandler(await getAuth()).POST(request);
}
