import { guardRoute } from '@/lib/http/route-failure';
import { listAccountAudit } from '@/lib/api/account-keys';
import { getViewer } from '@/lib/auth';
import { getStore } from '@/lib/db';

export const GET = guardRoute(
  'GET /api/accounts/[apiKey]/audit',
  async (request: Request, { params }: { params: Promise<{ apiKey: string }> }) => {
    return listAccountAudit(request, (await params).apiKey, await getViewer(request.headers), await getStore());
  },
);
