import { submitFeedback } from '@/lib/api/feedback';
import { route } from '@/lib/api/route';

export const POST = route('POST /api/feedback', { limit: 'feedback' }, async ({ request, store }) =>
  submitFeedback(request, await store()),
);
