import { guardRoute } from '@/lib/http/route-failure';
import { deleteAccountKey } from '@/lib/api/account-keys';
import { getViewer } from '@/lib/auth';
import { getStore } from '@/lib/db';

export const DELETE = guardRoute(
  'DELETE /api/accounts/[apiKey]/keys/[keyId]',
  async (request: Request, { params }: { params: Promise<{ apiKey: string; keyId: string }> }) => {
    const { apiKey, keyId } = await params;
    return deleteAccountKey(request, apiKey, keyId, await getViewer(request.headers), await getStore());
  },
);
