import { changeConsoleFeedback, getConsoleFeedback } from '@/lib/api/console';
import { route } from '@/lib/api/route';

export const GET = route<{ id: string }>(
  'GET /api/console/feedback/[id]',
  {},
  async ({ request, params, viewer, store }) => getConsoleFeedback(request, params.id, await viewer(), await store()),
);

export const PATCH = route<{ id: string }>(
  'PATCH /api/console/feedback/[id]',
  {},
  async ({ request, params, viewer, store }) =>
    changeConsoleFeedback(request, params.id, await viewer(), await store()),
);
