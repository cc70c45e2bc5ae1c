import { deleteAccountKey } from '@/lib/api/account-keys';
import { route } from '@/lib/api/route';

export const DELETE = route<{ apiKey: string; keyId: string }>(
  'DELETE /api/accounts/[apiKey]/keys/[keyId]',
  {},
  async ({ request, params, viewer, store }) =>
    deleteAccountKey(request, params.apiKey, params.keyId, await viewer(), await store()),
);
