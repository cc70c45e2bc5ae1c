import { z } from 'zod';
import { readJsonBody, badRequest } from '@/lib/http/json';
import { diagnoseToken, loadKeySet } from '@/lib/jwt';

export const DIAGNOSE_BODY_LIMIT = 64 * 1024;

export const diagnoseRequestSchema = z.object({
  token: z.string({ error: 'must be a string holding the token' }),
  jwks: z.record(z.string(), z.unknown(), { error: 'must be a JWK set object ({"keys": […]}) or a single JWK object' }).optional(),
  now: z.number({ error: 'must be a number of seconds since 1970-01-01 UTC' }).finite().optional(),
  tolerance: z.number({ error: 'must be a number of seconds' }).finite().min(0, 'must be 0 or more').optional(),
});

/**
 * POST /api/tokens/diagnose (contract §1): the same diagnosis as the CLI and the browser.
 * Invalid tokens still answer 200; only a malformed request is a 4xx. The token is never logged.
 */
export async function handleDiagnoseRequest(request: Request): Promise<Response> {
  const body = await readJsonBody(request, diagnoseRequestSchema, DIAGNOSE_BODY_LIMIT);
  if (!body.ok) return body.response;
  const { token, jwks, now, tolerance } = body.value;
  let keys;
  let keyWarnings;
  if (jwks !== undefined) {
    const keySet = await loadKeySet(jwks);
    if (keySet.unreadable) return badRequest(`"jwks": ${keySet.unreadable}.`);
    keys = keySet.keys;
    keyWarnings = keySet.warnings;
  }
  const diagnosis = await diagnoseToken(token, { keys, keyWarnings, now, tolerance });
  return Response.json(diagnosis, { headers: { 'Cache-Control': 'no-store' } });
}
