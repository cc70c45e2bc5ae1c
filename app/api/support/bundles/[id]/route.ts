import { route } from '@/lib/api/route';
import { deleteSupportBundle, getSupportBundle } from '@/lib/api/support-bundles';

export const GET = route<{ id: string }>('GET /api/support/bundles/[id]', {}, async ({ params, viewer, store }) =>
  getSupportBundle(params.id, await viewer(), await store()),
);

export const DELETE = route<{ id: string }>(
  'DELETE /api/support/bundles/[id]',
  {},
  async ({ request, params, viewer, store }) => deleteSupportBundle(request, params.id, await viewer(), await store()),
);
