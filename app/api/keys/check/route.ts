import { handleKeyCheckRequest } from '@/lib/api/check-keys';
import { route } from '@/lib/api/route';

export const POST = route('POST /api/keys/check', { limit: 'keyCheck' }, ({ request }) =>
  handleKeyCheckRequest(request),
);
