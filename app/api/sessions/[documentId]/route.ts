import { route } from '@/lib/api/route';
import { createSessionRequest } from '@/lib/api/sessions';
import { getSessionService } from '@/lib/sessions';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const POST = route<{ documentId: string }>(
  'POST /api/sessions/[documentId]',
  { limit: 'sessionCreate' },
  ({ request, params, trust }) =>
    createSessionRequest(request, params.documentId, getSessionService, { trust: trust() }),
);
