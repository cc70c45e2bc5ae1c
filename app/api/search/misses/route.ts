import { recordSearchMiss } from '@/lib/api/feedback';
import { route } from '@/lib/api/route';

export const POST = route('POST /api/search/misses', { limit: 'searchMiss' }, async ({ request, store }) =>
  recordSearchMiss(request, await store()),
);
