import { route } from '@/lib/api/route';
import { handleSecureContextRequest } from '@/lib/api/secure-context';

export const GET = route('GET /api/secure-context', { limit: 'secureContext' }, ({ request }) =>
  handleSecureContextRequest(request),
);
