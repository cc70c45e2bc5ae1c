// Loaded on first edit or fix: puts an edited token back together, signed when the workbench holds a key.
import type { AlgorithmName } from '@/lib/algorithms';
import { signEdited, withOldSignature } from '@/lib/jwt/edit';
import { applyFix, type ClaimChange, type FixContext, type FixId } from '@/lib/jwt/fixes';
import type { PrivateSigningKey } from '@/lib/jwt/private-key';
import type { JsonObject } from '@/lib/jwt/types';

export type Rebuilt = { token: string; stale: boolean } | { error: string };

/** With a key: signed anew. Without one: the old signature kept, stale once anything changed. */
export async function rebuildToken(
  original: string,
  header: JsonObject,
  payload: JsonObject,
  key: PrivateSigningKey | undefined,
  accepted: readonly AlgorithmName[],
): Promise<Rebuilt> {
  if (!key) return withOldSignature(original, header, payload);
  const signed = await signEdited(header, payload, key, accepted);
  return 'error' in signed ? signed : { token: signed.token, stale: false };
}

export async function applyFixToToken(
  original: string,
  draft: { header: JsonObject; payload: JsonObject },
  fix: FixId,
  context: FixContext,
  key: PrivateSigningKey | undefined,
  accepted: readonly AlgorithmName[],
): Promise<Rebuilt & { changes?: ClaimChange[] }> {
  const fixed = applyFix(fix, draft, context);
  const rebuilt = await rebuildToken(original, fixed.header, fixed.payload, key, accepted);
  return { ...rebuilt, changes: fixed.changes };
}
