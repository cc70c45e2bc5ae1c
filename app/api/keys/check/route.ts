import { handleKeyCheckRequest } from '@/lib/api/check-keys';

export function POST(request: Request) {
  return handleKeyCheckRequest(request);
}
