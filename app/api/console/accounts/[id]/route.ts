import { getConsoleAccount } from '@/lib/api/console-accounts';
import { route } from '@/lib/api/route';

export const GET = route<{ id: string }>(
  'GET /api/console/accounts/[id]',
  {},
  async ({ request, params, viewer, store }) => getConsoleAccount(request, params.id, await viewer(), await store()),
);
