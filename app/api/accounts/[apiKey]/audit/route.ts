import { listAccountAudit } from '@/lib/api/account-keys';
import { route } from '@/lib/api/route';

export const GET = route<{ apiKey: string }>(
  'GET /api/accounts/[apiKey]/audit',
  {},
  async ({ request, params, viewer, store }) => listAccountAudit(request, params.apiKey, await viewer(), await store()),
);
