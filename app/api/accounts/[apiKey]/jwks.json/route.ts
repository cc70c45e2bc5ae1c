import { guardRoute } from '@/lib/http/route-failure';
import { handleCachedJwksRequest } from '@/lib/api/jwks';
import { rateLimit } from '@/lib/api/rate-limits';
import { getStore } from '@/lib/db';

// Per client only (counted in memory), then from the process's key-set cache: a flood costs no database work.
export const GET = guardRoute(
  'GET /api/accounts/[apiKey]/jwks.json',
  async (request: Request, { params }: { params: Promise<{ apiKey: string }> }) => {
    return (
      (await rateLimit(request, 'jwks')) ?? handleCachedJwksRequest(request, (await params).apiKey, await getStore())
    );
  },
);
