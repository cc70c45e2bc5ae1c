import { z } from 'zod';
import type { AlgorithmName } from '@/lib/algorithms';
import { deploymentAlgorithms } from '@/lib/config/env';
import { apiError, NO_STORE, readJsonBody } from '@/lib/http/json';
import { countDiagnosis } from '@/lib/ops/metrics';
import { diagnoseToken, loadKeySet, type DiagnoseOptions } from '@/lib/jwt';
import type { AccountKeySet, AccountKeySource, KeySource } from '@/lib/accounts';
import { algorithmsField } from './algorithms-field';
import { API_KEY_PATTERN } from '@/lib/accounts';

export const DIAGNOSE_BODY_LIMIT = 64 * 1024;

export const diagnoseRequestSchema = z
  .object({
    token: z.string({ error: 'must be a string holding the token' }),
    jwks: z
      .record(z.string(), z.unknown(), { error: 'must be a JWK set object ({"keys": […]}) or a single JWK object' })
      .optional(),
    apiKey: z
      .string({ error: 'must be a string: the API key the editor is loaded with' })
      .regex(API_KEY_PATTERN, 'must be an API key: 1 to 128 letters, digits, "-" or "_"')
      .optional(),
    now: z.number({ error: 'must be a number of seconds since 1970-01-01 UTC' }).finite().optional(),
    tolerance: z.number({ error: 'must be a number of seconds' }).finite().min(0, 'must be 0 or more').optional(),
    algorithms: algorithmsField,
  })
  .refine((body) => body.jwks === undefined || body.apiKey === undefined, {
    message: 'give either "jwks" or "apiKey", not both',
    path: ['apiKey'],
  });

/**
 * Which keys a diagnosis used: the request's own, an account's, or none. An extra field of the contract's result.
 * An account's `name` is its own for its owner and staff, and "This account" for anyone else.
 */

export type KeyChoice =
  | {
      keySource: KeySource;
      options: Pick<DiagnoseOptions, 'keys' | 'keyWarnings' | 'keySetName'>;
      account?: AccountKeySet;
    }
  | { refusal: { code: 'BAD_REQUEST' | 'NOT_FOUND'; message: string } };

export async function chooseKeys(
  body: z.infer<typeof diagnoseRequestSchema>,
  algorithms: readonly AlgorithmName[],
  accounts?: AccountKeySource,
): Promise<KeyChoice> {
  if (body.jwks !== undefined) {
    const keySet = await loadKeySet(body.jwks, algorithms);
    if (keySet.unreadable) return { refusal: { code: 'BAD_REQUEST', message: `"jwks": ${keySet.unreadable}.` } };
    return { keySource: { kind: 'request' }, options: { keys: keySet.keys, keyWarnings: keySet.warnings } };
  }
  let account: AccountKeySet | undefined;
  if (body.apiKey !== undefined) {
    account = await accounts?.byApiKey(body.apiKey, algorithms);
    if (!account)
      return {
        refusal: {
          code: 'NOT_FOUND',
          message:
            '"apiKey": no account has this API key. Copy it from the account page, exactly as the editor is loaded with it.',
        },
      };
  } else {
    // Contract §1: without jwks, a signed-in owner's account keys are used.
    account = await accounts?.forViewer(algorithms);
  }
  if (!account) return { keySource: { kind: 'none' }, options: {} };
  return {
    account,
    keySource: {
      kind: 'account',
      account: { name: account.displayName, apiKey: account.account.apiKey },
      keyCount: account.loaded.keys.length,
    },
    options: { keys: account.loaded.keys, keyWarnings: account.loaded.warnings, keySetName: account.name },
  };
}

/**
 * POST /api/tokens/diagnose (contract §1): the same diagnosis as the CLI and the browser.
 * Keys come from `jwks`, from the account named by `apiKey`, or from the signed-in owner's account.
 * Invalid tokens still answer 200; only a malformed request is a 4xx. The token is never logged.
 */
export async function handleDiagnoseRequest(request: Request, accounts?: AccountKeySource): Promise<Response> {
  const body = await readJsonBody(request, diagnoseRequestSchema, DIAGNOSE_BODY_LIMIT);
  if (!body.ok) return body.response;
  const algorithms = body.value.algorithms ?? deploymentAlgorithms();
  const choice = await chooseKeys(body.value, algorithms, accounts);
  if ('refusal' in choice) return apiError(choice.refusal.code, choice.refusal.message);
  const { token, now, tolerance } = body.value;
  const diagnosis = await diagnoseToken(token, { ...choice.options, now, tolerance, algorithms });
  countDiagnosis(diagnosis);
  if (choice.account) await accounts?.recordUse(choice.account, [diagnosis]);
  return Response.json({ ...diagnosis, keySource: choice.keySource }, { headers: NO_STORE });
}
