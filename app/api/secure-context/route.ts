import { handleSecureContextRequest } from '@/lib/api/secure-context';
import { rateLimit } from '@/lib/api/rate-limits';

export async function GET(request: Request) {
  return (await rateLimit(request, 'secureContext')) ?? handleSecureContextRequest(request);
}
