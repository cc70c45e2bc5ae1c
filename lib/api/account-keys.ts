import { z } from 'zod';
import { algorithmsForKey, type AlgorithmName } from '@/lib/algorithms';
import { deploymentAlgorithms } from '@/lib/config/env';
import { authorize, type KeyAction, type Viewer } from '@/lib/auth/permissions';
import { KeyConflictError, type Account, type Store } from '@/lib/db/store';
import { isSameOriginRequest } from '@/lib/http/csrf';
import { apiError, NO_STORE, readJsonBody } from '@/lib/http/json';
import { checkKeys, keyCheckReport, storableKeys } from '@/lib/jwk/check';

export const KEY_UPLOAD_LIMIT = 64 * 1024;

const uploadSchema = z.object({
  key: z.string({ error: 'must be a string holding PEM or JSON text' }).min(1, 'must not be empty'),
});

type Access = { account: Account } | { response: Response };

/** Finds the account and checks the viewer may do `action` on it; changes must also come from this site. */
async function access(
  request: Request,
  apiKey: string,
  viewer: Viewer,
  action: KeyAction,
  store: Store,
): Promise<Access> {
  if ((action === 'add' || action === 'delete') && !isSameOriginRequest(request)) {
    return {
      response: apiError('CSRF_REJECTED', 'This change must be sent from the RTC Doctor site itself.'),
    };
  }
  if (!viewer) return { response: apiError('UNAUTHENTICATED', 'Sign in to see and manage keys.') };
  const account = await store.findAccountByApiKey(apiKey);
  if (!account) return { response: apiError('NOT_FOUND', 'No account has this API key.') };
  const decision = authorize(viewer, action, account.id);
  if (decision === 'forbidden') {
    const message =
      viewer.role === 'staff'
        ? 'Support staff can read accounts but not change them.'
        : 'This account belongs to someone else.';
    return { response: apiError('FORBIDDEN', message) };
  }
  return { account };
}

/**
 * A stored key as the account page shows it. `acceptedAlgorithms` is what the deployment's accepted set lets
 * tokens signed with this key use (its own "alg", when it names one, narrows it): empty for a key stored
 * before the set excluded it, such as an EC key, which stays stored but is flagged on the page.
 */
function publicView(
  key: Awaited<ReturnType<Store['listKeys']>>[number],
  accepted: readonly AlgorithmName[] = deploymentAlgorithms(),
) {
  const { jwk, accountId: _accountId, createdAt, lastUsedAt, ...rest } = key;
  const acceptedAlgorithms = algorithmsForKey({ kty: key.kty, crv: jwk.crv }, accepted).filter(
    (name) => !key.alg || name === key.alg,
  );
  // Dates as the JSON answer carries them, so the page's first render and the API's answer are one shape.
  return {
    ...rest,
    createdAt: createdAt.toISOString(),
    lastUsedAt: lastUsedAt?.toISOString() ?? null,
    jwk,
    acceptedAlgorithms,
  };
}

/** What GET …/keys answers for an account the viewer may read; the account page's first render is the same. */
export async function accountKeysBody(account: Account, store: Store) {
  const keys = await store.listKeys(account.id);
  const accepted = deploymentAlgorithms();
  return {
    account: { name: account.name, apiKey: account.apiKey },
    keys: keys.map((key) => publicView(key, accepted)),
  };
}

/** What GET …/audit answers for an account the viewer may read; the account page's first render is the same. */
export async function accountAuditBody(account: Account, store: Store) {
  const events = await store.listAudit(account.id);
  return { events: events.map(({ accountId: _accountId, at, ...event }) => ({ ...event, at: at.toISOString() })) };
}

export async function listAccountKeys(
  request: Request,
  apiKey: string,
  viewer: Viewer,
  store: Store,
): Promise<Response> {
  const result = await access(request, apiKey, viewer, 'read', store);
  if ('response' in result) return result.response;
  return Response.json(await accountKeysBody(result.account, store), { headers: NO_STORE });
}

/** Validates every uploaded key first; only a fully valid upload is stored, all at once. */
export async function addAccountKeys(
  request: Request,
  apiKey: string,
  viewer: Viewer,
  store: Store,
): Promise<Response> {
  const result = await access(request, apiKey, viewer, 'add', store);
  if ('response' in result) return result.response;
  const body = await readJsonBody(request, uploadSchema, KEY_UPLOAD_LIMIT);
  if (!body.ok) return body.response;
  const check = await checkKeys(body.value.key, { algorithms: deploymentAlgorithms() });
  const report = keyCheckReport(check);
  if (!check.ok)
    return apiError('INVALID_KEYS', 'Nothing was stored: fix the problems listed for each key.', {
      extra: { check: report },
    });
  try {
    const stored = await store.addKeys(result.account.id, storableKeys(check), {
      id: viewer!.userId,
      role: viewer!.role,
    });
    return Response.json({ keys: stored.map((key) => publicView(key)), check: report }, { status: 201 });
  } catch (error) {
    if (error instanceof KeyConflictError) return apiError('KEY_CONFLICT', `${error.message} Nothing was stored.`);
    throw error;
  }
}

export async function deleteAccountKey(
  request: Request,
  apiKey: string,
  keyId: string,
  viewer: Viewer,
  store: Store,
): Promise<Response> {
  const result = await access(request, apiKey, viewer, 'delete', store);
  if ('response' in result) return result.response;
  const deleted = await store.deleteKey(result.account.id, keyId, { id: viewer!.userId, role: viewer!.role });
  return deleted ? new Response(null, { status: 204 }) : apiError('NOT_FOUND', 'This account has no such key.');
}

export async function listAccountAudit(
  request: Request,
  apiKey: string,
  viewer: Viewer,
  store: Store,
): Promise<Response> {
  const result = await access(request, apiKey, viewer, 'audit', store);
  if ('response' in result) return result.response;
  return Response.json(await accountAuditBody(result.account, store), { headers: NO_STORE });
}
