import { route } from '@/lib/api/route';
import { createCollaborationSessionRequest } from '@/lib/api/collaboration-sessions';
import { getCollaborationService } from '@/lib/collaboration';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const POST = route<{ documentId: string }>(
  'POST /api/sessions/[documentId]',
  { limit: 'sessionCreate' },
  ({ request, params, trust }) =>
    createCollaborationSessionRequest(request, params.documentId, getCollaborationService, { trust: trust() }),
);
