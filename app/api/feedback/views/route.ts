import { recordFormView } from '@/lib/api/feedback-views';
import { route } from '@/lib/api/route';

export const POST = route('POST /api/feedback/views', { limit: 'feedbackView' }, async ({ request, store }) =>
  recordFormView(request, await store()),
);
