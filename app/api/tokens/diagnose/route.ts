import { handleDiagnoseRequest } from '@/lib/api/diagnose-token';
import { rateLimit } from '@/lib/api/rate-limits';

export async function POST(request: Request) {
  return (await rateLimit(request, 'diagnose')) ?? handleDiagnoseRequest(request);
}
