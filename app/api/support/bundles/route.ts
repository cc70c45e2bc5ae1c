import { route } from '@/lib/api/route';
import { listOwnSupportBundles, sendSupportBundle } from '@/lib/api/support-bundles';

export const GET = route('GET /api/support/bundles', {}, async ({ viewer, store }) =>
  listOwnSupportBundles(await viewer(), await store()),
);

export const POST = route('POST /api/support/bundles', { limit: 'supportBundle' }, async ({ request, viewer, store }) =>
  sendSupportBundle(request, await viewer(), await store()),
);
