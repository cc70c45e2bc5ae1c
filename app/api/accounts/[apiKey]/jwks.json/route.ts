import { handleJwksRequest } from '@/lib/api/jwks';
import { getStore } from '@/lib/db';

export async function GET(request: Request, { params }: { params: Promise<{ apiKey: string }> }) {
  return handleJwksRequest(request, (await params).apiKey, await getStore());
}
