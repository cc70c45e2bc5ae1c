import { z } from 'zod';
import type { Store } from '@/lib/db/store';
import { FEEDBACK_FIELD_RULES, isSitePath, parseFields } from '@/lib/feedback';
import { isCrossSiteBrowserRequest } from '@/lib/http/csrf';
import { apiError, badRequest, NO_STORE, readJsonBody } from '@/lib/http/json';

/** `{ "page": "/docs/…" }` and nothing more. */
const FORM_VIEW_BODY_LIMIT = 1024;

const formViewSchema = z.object({
  page: z.string({ error: FEEDBACK_FIELD_RULES.page }).refine(isSitePath, FEEDBACK_FIELD_RULES.page),
});

/**
 * POST /api/feedback/views `{ page }`: counts one showing of the feedback form, for docs health's views; 204.
 * Only the page and the day are kept.
 */
export async function recordFormView(request: Request, store: Store): Promise<Response> {
  if (isCrossSiteBrowserRequest(request))
    return apiError('CSRF_REJECTED', 'Form views can only be counted from the RTC Doctor site itself.');
  const body = await readJsonBody(request, z.unknown(), FORM_VIEW_BODY_LIMIT);
  if (!body.ok) return body.response;
  const parsed = parseFields(formViewSchema, body.value);
  if (!parsed.ok) return badRequest(parsed.message);
  await store.feedback.recordFormView(parsed.value.page);
  return new Response(null, { status: 204, headers: NO_STORE });
}
