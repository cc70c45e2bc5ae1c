import { addAccountKeys, listAccountKeys } from '@/lib/api/account-keys';
import { route } from '@/lib/api/route';

export const GET = route<{ apiKey: string }>(
  'GET /api/accounts/[apiKey]/keys',
  {},
  async ({ request, params, viewer, store }) => listAccountKeys(request, params.apiKey, await viewer(), await store()),
);

export const POST = route<{ apiKey: string }>(
  'POST /api/accounts/[apiKey]/keys',
  {},
  async ({ request, params, viewer, store }) => addAccountKeys(request, params.apiKey, await viewer(), await store()),
);
