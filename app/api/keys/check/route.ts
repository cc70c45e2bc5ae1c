import { handleKeyCheckRequest } from '@/lib/api/check-keys';
import { rateLimit } from '@/lib/api/rate-limits';

export async function POST(request: Request) {
  return (await rateLimit(request, 'keyCheck')) ?? handleKeyCheckRequest(request);
}
