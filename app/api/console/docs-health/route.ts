import { getDocsHealth } from '@/lib/api/console-health';
import { route } from '@/lib/api/route';

export const GET = route('GET /api/console/docs-health', {}, async ({ request, viewer, store }) =>
  getDocsHealth(request, await viewer(), await store()),
);
