import { guardRoute } from '@/lib/http/route-failure';
import { handleSecureContextRequest } from '@/lib/api/secure-context';
import { rateLimit } from '@/lib/api/rate-limits';

export const GET = guardRoute('GET /api/secure-context', async (request: Request) => {
  return (await rateLimit(request, 'secureContext')) ?? handleSecureContextRequest(request);
});
