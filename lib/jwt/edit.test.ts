import { generateKeyPairSync } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { SERVICE_ALGORITHMS } from '@/lib/algorithms';
import { parseJsonObject, signedPartOf, signEdited, withOldSignature } from './edit';
import { applyFix, describeChange, fixesFor, PLACEHOLDER_SUB } from './fixes';
import { diagnoseToken, loadKeySet, RECOMMENDED_LIFETIME_SECONDS } from './index';
import { readPrivateKey, type PrivateSigningKey } from './private-key';
import { signToken } from './sign';

const now = 1_800_000_000;
const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwks = JSON.stringify({ keys: [{ ...pair.publicKey.export({ format: 'jwk' }), kid: 'k1' }] });
let signingKey: PrivateSigningKey;

async function key(): Promise<PrivateSigningKey> {
  if (signingKey) return signingKey;
  const read = await readPrivateKey(pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
  if ('error' in read) throw new Error(read.error);
  return (signingKey = read.key);
}

async function codes(token: string): Promise<string[]> {
  const { keys } = await loadKeySet(jwks);
  return (await diagnoseToken(token, { keys, now })).errors.map((error) => error.code);
}

async function expiredToken(): Promise<string> {
  const signed = await signToken({
    key: await key(),
    accepted: SERVICE_ALGORITHMS,
    kid: 'k1',
    sub: 'u-1',
    now: now - 10 * 3600,
  });
  return (signed as { token: string }).token;
}

describe('JSON edits', () => {
  it('gives the object, or the message, line and column where the JSON breaks', () => {
    expect(parseJsonObject('{ "sub": "u" }')).toEqual({ value: { sub: 'u' } });
    const broken = parseJsonObject('{\n  "sub": "u",\n  "exp": }');
    expect(broken).toMatchObject({ line: 3, column: 10, offset: 25 });
    expect('error' in broken && broken.error).toBe('Value expected');
    expect(parseJsonObject('{"a": 1,}')).toMatchObject({ error: 'Property name expected' });
    expect(parseJsonObject('{"a": 1} // note')).toMatchObject({ error: 'Invalid comment token' });
    expect(parseJsonObject('[1]')).toEqual({
      error: 'must be a JSON object ({ … })',
      line: 1,
      column: 1,
      offset: 0,
    });
    expect(parseJsonObject('')).toMatchObject({ line: 1 });
  });

  it('keeps the original token when nothing changed, and marks the old signature stale after an edit', async () => {
    const original = await expiredToken();
    const header = decodeProtectedHeader(original) as Record<string, unknown>;
    const payload = decodeJwt(original) as Record<string, unknown>;
    expect(withOldSignature(original, header, payload)).toEqual({ token: original, stale: false });
    const edited = withOldSignature(original, header, { ...payload, exp: now + 3600 });
    expect(edited.stale).toBe(true);
    expect(edited.token.split('.')[2]).toBe(original.split('.')[2]);
    expect(decodeJwt(edited.token).exp).toBe(now + 3600);
    expect(await codes(edited.token)).toEqual(['TOKEN_SIGNATURE_INVALID']);
    expect(signedPartOf(edited.token)).not.toBe(signedPartOf(original));
  });

  it('re-signs exactly the edited header and payload with the key, refusing an alg outside the set', async () => {
    const original = await expiredToken();
    const header = decodeProtectedHeader(original) as Record<string, unknown>;
    const payload = { ...(decodeJwt(original) as Record<string, unknown>), exp: now + 3600, role: 'editor' };
    const signed = await signEdited(header, payload, await key(), SERVICE_ALGORITHMS);
    if ('error' in signed) throw new Error(signed.error);
    expect(decodeJwt(signed.token)).toEqual(payload);
    expect(decodeProtectedHeader(signed.token)).toEqual(header);
    expect(await codes(signed.token)).toEqual([]);
    expect(await signEdited({ ...header, alg: 'HS256' }, payload, await key(), SERVICE_ALGORITHMS)).toEqual({
      error: 'HS256 is not accepted: the service accepts only RS256, RS384, RS512, PS256, PS384 and PS512',
    });
  });
});

describe('fixes', () => {
  it('offers the mechanical fix for each finding, once, and none for the rest', async () => {
    const { keys } = await loadKeySet(jwks);
    const diagnose = async (token: string) => (await diagnoseToken(token, { keys, now })).errors;
    const draftOf = (token: string) => ({
      header: decodeProtectedHeader(token) as Record<string, unknown>,
      payload: decodeJwt(token) as Record<string, unknown>,
    });
    const expired = await expiredToken();
    expect(fixesFor(await diagnose(expired), draftOf(expired), { now }).map((fix) => fix.label)).toEqual([
      `Set exp to now + ${RECOMMENDED_LIFETIME_SECONDS / 3600} hours`,
    ]);
    const wrongKid = (
      (await signToken({ key: await key(), accepted: SERVICE_ALGORITHMS, kid: 'old', sub: 'u', now })) as {
        token: string;
      }
    ).token;
    expect(fixesFor(await diagnose(wrongKid), draftOf(wrongKid), { now, kid: 'k1' }).map((fix) => fix.id)).toEqual([
      'set-kid',
    ]);
    // Without a kid to set, a kid mismatch has no mechanical fix.
    expect(fixesFor(await diagnose(wrongKid), draftOf(wrongKid), { now })).toEqual([]);
    const bare = (
      (await signToken({
        key: await key(),
        accepted: SERVICE_ALGORITHMS,
        kid: 'k1',
        now,
        claims: { exp: undefined },
      })) as { token: string }
    ).token;
    expect(fixesFor(await diagnose(bare), draftOf(bare), { now }).map((fix) => fix.id)).toEqual(['add-sub', 'set-exp']);
  });

  it('applies each fix and reports the change it made', () => {
    const draft = { header: { alg: 'HS256', typ: 'JWT', kid: 'old' }, payload: { exp: 1, nbf: 5, iat: 9 } };
    const context = { now, kid: 'k1' };
    const exp = applyFix('set-exp', draft, context);
    expect(exp.payload.exp).toBe(now + RECOMMENDED_LIFETIME_SECONDS);
    expect(exp.changes.map(describeChange)).toEqual([`exp: 1 → ${now + RECOMMENDED_LIFETIME_SECONDS}`]);
    expect(draft.payload.exp).toBe(1);
    expect(applyFix('set-iat', draft, context).changes.map(describeChange)).toEqual([`iat: 9 → ${now}`]);
    const nbf = applyFix('remove-nbf', draft, context);
    expect(nbf.payload).not.toHaveProperty('nbf');
    expect(nbf.changes.map(describeChange)).toEqual(['nbf removed (was 5)']);
    expect(applyFix('set-kid', draft, context).changes.map(describeChange)).toEqual(['kid: "old" → "k1"']);
    expect(applyFix('use-recommended-alg', draft, context).header.alg).toBe('RS256');
    expect(applyFix('add-sub', draft, context).changes.map(describeChange)).toEqual([
      `sub added: "${PLACEHOLDER_SUB}"`,
    ]);
  });
});
