import { route } from '@/lib/api/route';
import { sessionEventsRequest } from '@/lib/api/sessions';
import { getSessionService } from '@/lib/sessions';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = route<{ documentId: string }>(
  'GET /api/sessions/[documentId]/events',
  { limit: 'sessionEvents' },
  ({ request, params, trust }) =>
    sessionEventsRequest(request, params.documentId, getSessionService, { trust: trust() }),
);
