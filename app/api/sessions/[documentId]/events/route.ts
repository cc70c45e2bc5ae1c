import { route } from '@/lib/api/route';
import { collaborationSessionEventsRequest } from '@/lib/api/collaboration-sessions';
import { getCollaborationService } from '@/lib/collaboration';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = route<{ documentId: string }>(
  'GET /api/sessions/[documentId]/events',
  { limit: 'sessionEvents' },
  ({ request, params, trust }) =>
    collaborationSessionEventsRequest(request, params.documentId, getCollaborationService, { trust: trust() }),
);
