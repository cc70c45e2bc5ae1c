import type { Store } from '@/lib/db/store';
import { errorResponse } from '@/lib/http/json';
import { publishedJwks } from './account-key-set';

export const API_KEY_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
export const JWKS_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

async function entityTag(body: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body)));
  return `"${Buffer.from(digest).toString('base64url')}"`;
}

function matches(ifNoneMatch: string | null, tag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === tag);
}

/** GET /api/accounts/{apiKey}/jwks.json: the account's public keys, as the collaboration service would fetch them. */
export async function handleJwksRequest(request: Request, apiKey: string, store: Store): Promise<Response> {
  const account = API_KEY_PATTERN.test(apiKey) ? await store.findAccountByApiKey(apiKey) : undefined;
  if (!account) return errorResponse(404, 'NOT_FOUND', 'No account has this API key.');
  const keys = await store.listKeys(account.id);
  const body = JSON.stringify(publishedJwks(keys));
  const tag = await entityTag(body);
  const headers = { ETag: tag, 'Cache-Control': JWKS_CACHE_CONTROL, Vary: 'Accept-Encoding' };
  if (matches(request.headers.get('if-none-match'), tag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': 'application/jwk-set+json' } });
}
