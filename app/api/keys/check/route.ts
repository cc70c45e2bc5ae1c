import { guardRoute } from '@/lib/http/route-failure';
import { handleKeyCheckRequest } from '@/lib/api/check-keys';
import { rateLimit } from '@/lib/api/rate-limits';

export const POST = guardRoute('POST /api/keys/check', async (request: Request) => {
  return (await rateLimit(request, 'keyCheck')) ?? handleKeyCheckRequest(request);
});
