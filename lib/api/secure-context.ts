import { z } from 'zod';
import { badRequest } from '@/lib/http/json';
import { checkSecureContext } from '@/lib/secure-context';

/** A page URL is short; this only stops someone using the endpoint to echo megabytes back. */
export const SECURE_CONTEXT_URL_LIMIT = 8 * 1024;

// The verdict depends on the URL alone, so shared caches may keep it.
export const SECURE_CONTEXT_CACHE_CONTROL = 'public, max-age=3600';

const querySchema = z.object({
  url: z
    .string({ error: 'the "url" query parameter is missing; call /api/secure-context?url=https://editor.example.com' })
    .max(SECURE_CONTEXT_URL_LIMIT, `the "url" query parameter is longer than ${SECURE_CONTEXT_URL_LIMIT} characters`),
});

/** GET /api/secure-context?url=… (contract §3): 200 with the verdict, 400 naming what is wrong with the URL. */
export function handleSecureContextRequest(request: Request): Response {
  const params = new URL(request.url).searchParams;
  if (params.getAll('url').length > 1) return badRequest('give the "url" query parameter once');
  const query = querySchema.safeParse({ url: params.get('url') ?? undefined });
  if (!query.success) return badRequest(query.error.issues.map((issue) => issue.message).join('; '));
  const check = checkSecureContext(query.data.url);
  if (!check.ok) return badRequest(check.message);
  return Response.json(check.verdict, { headers: { 'Cache-Control': SECURE_CONTEXT_CACHE_CONTROL } });
}
