import { handleJwksRequest } from '@/lib/api/jwks';
import { rateLimit } from '@/lib/api/rate-limits';
import { getStore } from '@/lib/db';

export async function GET(request: Request, { params }: { params: Promise<{ apiKey: string }> }) {
  return (await rateLimit(request, 'jwks')) ?? handleJwksRequest(request, (await params).apiKey, await getStore());
}
