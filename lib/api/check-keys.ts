import { z } from 'zod';
import { deploymentAlgorithms } from '@/lib/config/env';
import { NO_STORE, readJsonBody } from '@/lib/http/json';
import { checkKeys, keyCheckReport } from '@/lib/jwk/check';
import { algorithmsField } from './algorithms-field';

export const KEY_CHECK_BODY_LIMIT = 64 * 1024;

const keyCheckRequestSchema = z.object({
  key: z.string({ error: 'must be a string holding PEM or JSON text' }).min(1, 'must not be empty'),
  algorithms: algorithmsField,
});

/** POST /api/keys/check (contract §2). Private material in the input is never echoed back. */
export async function handleKeyCheckRequest(request: Request): Promise<Response> {
  const body = await readJsonBody(request, keyCheckRequestSchema, KEY_CHECK_BODY_LIMIT);
  if (!body.ok) return body.response;
  const result = await checkKeys(body.value.key, { algorithms: body.value.algorithms ?? deploymentAlgorithms() });
  return Response.json(keyCheckReport(result), { headers: NO_STORE });
}
