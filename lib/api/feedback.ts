import { z } from 'zod';
import type { Store } from '@/lib/db/store';
import {
  FEEDBACK_BODY_LIMIT,
  feedbackFormFields,
  feedbackPageHref,
  feedbackSchema,
  isSitePath,
  parseFields,
  SEARCH_MISS_BODY_LIMIT,
  searchMissSchema,
} from '@/lib/feedback';
import { isCrossSiteBrowserRequest } from '@/lib/http/csrf';
import { apiError, badRequest, NO_STORE, payloadTooLarge, readJsonBody, readLimitedText } from '@/lib/http/json';

function crossSiteRefusal(): Response {
  return apiError('CSRF_REJECTED', 'This form can only be sent from the RTC Doctor site itself.');
}

function isFormPost(request: Request): boolean {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/x-www-form-urlencoded';
}

/** To the feedback page (app/feedback), which says how the post went and links back to the page it was about. */
function backToForm(page: string, outcome: Record<string, string>): Response {
  return new Response(null, {
    status: 303,
    headers: { Location: feedbackPageHref(page, outcome), ...NO_STORE },
  });
}

/** The body's fields: parsed JSON, or the form's fields; a Response when the body cannot be read. */
async function readFields(request: Request): Promise<{ fields: unknown; form: boolean } | Response> {
  if (isFormPost(request)) {
    const read = await readLimitedText(request, FEEDBACK_BODY_LIMIT);
    if ('tooLarge' in read) return payloadTooLarge(FEEDBACK_BODY_LIMIT);
    return { fields: feedbackFormFields(new URLSearchParams(read.text)), form: true };
  }
  const body = await readJsonBody(request, z.unknown(), FEEDBACK_BODY_LIMIT);
  return body.ok ? { fields: body.value, form: false } : body.response;
}

/**
 * POST /api/feedback (contract section 5): JSON answers 201 `{ id }`, or 400 naming the field. The no-JavaScript
 * form (urlencoded, `helpful=yes|no`) is sent to /feedback with 303, `?page=…&feedback=sent` or
 * `…&feedback=invalid&field=…`; only a form whose page itself is unusable gets the JSON 400.
 */
export async function submitFeedback(request: Request, store: Store): Promise<Response> {
  if (isCrossSiteBrowserRequest(request)) return crossSiteRefusal();
  const read = await readFields(request);
  if (read instanceof Response) return read;
  const parsed = parseFields(feedbackSchema, read.fields);
  if (!parsed.ok) {
    const page = (read.fields as { page?: unknown } | null)?.page;
    if (read.form && isSitePath(page)) return backToForm(page, { feedback: 'invalid', field: parsed.field });
    return badRequest(parsed.message);
  }
  const stored = await store.feedback.insert(parsed.value);
  if (read.form) return backToForm(stored.page, { feedback: 'sent' });
  return Response.json({ id: stored.id }, { status: 201, headers: NO_STORE });
}

/** POST /api/search/misses: counts a search that found nothing or whose first result was not opened; 204. */
export async function recordSearchMiss(request: Request, store: Store): Promise<Response> {
  if (isCrossSiteBrowserRequest(request)) return crossSiteRefusal();
  const body = await readJsonBody(request, z.unknown(), SEARCH_MISS_BODY_LIMIT);
  if (!body.ok) return body.response;
  const parsed = parseFields(searchMissSchema, body.value);
  if (!parsed.ok) return badRequest(parsed.message);
  await store.feedback.recordSearchMiss(parsed.value.query, parsed.value.kind);
  return new Response(null, { status: 204, headers: NO_STORE });
}
