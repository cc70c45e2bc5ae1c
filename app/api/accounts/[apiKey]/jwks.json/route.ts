import { handleCachedJwksRequest } from '@/lib/api/jwks';
import { route } from '@/lib/api/route';

// Per client only (counted in memory), then from the process's key-set cache: a flood costs no database work.
export const GET = route<{ apiKey: string }>(
  'GET /api/accounts/[apiKey]/jwks.json',
  { limit: 'jwks' },
  async ({ request, params, store }) => handleCachedJwksRequest(request, params.apiKey, await store()),
);
