import { listConsoleSearchMisses } from '@/lib/api/console';
import { route } from '@/lib/api/route';

export const GET = route('GET /api/console/search-misses', {}, async ({ request, viewer, store }) =>
  listConsoleSearchMisses(request, await viewer(), await store()),
);
