import { listConsoleFeedback } from '@/lib/api/console';
import { route } from '@/lib/api/route';

export const GET = route('GET /api/console/feedback', {}, async ({ request, viewer, store }) =>
  listConsoleFeedback(request, await viewer(), await store()),
);
