import { listConsoleAccounts } from '@/lib/api/console-accounts';
import { route } from '@/lib/api/route';

export const GET = route('GET /api/console/accounts', {}, async ({ request, viewer, store }) =>
  listConsoleAccounts(request, await viewer(), await store()),
);
