import { describe, expect, it } from 'vitest';
import { diagnoseToken } from './diagnose';
import { loadKeySet } from './key-set';
import { goodClaims, jwkSet, makeKeys, makeToken, NOW } from './test-tokens';
import { rejectedHeadline, tokenProblems, verdictOf } from './verdict';

const key = makeKeys('RS256');
const valid = makeToken('RS256', { key });
const expired = makeToken('RS256', { key, payload: { ...goodClaims(), exp: NOW - 3600 } });

describe('verdictOf: what a result means, the same for the page and the CLI', () => {
  it('no keys given: a sound token is not checked yet, not rejected, although the result is not ok', async () => {
    const result = await diagnoseToken(valid, { now: NOW });
    expect(result.ok).toBe(false);
    expect(result.errors.map((error) => error.code)).toEqual(['JWKS_UNAVAILABLE']);
    expect(tokenProblems(result.errors, false)).toEqual([]);
    expect(verdictOf(result, false)).toBe('unchecked');
  });

  it('no keys given: a token with its own faults is rejected, counting only those', async () => {
    const result = await diagnoseToken(expired, { now: NOW });
    expect(tokenProblems(result.errors, false).map((error) => error.code)).toEqual(['TOKEN_EXPIRED']);
    expect(verdictOf(result, false)).toBe('rejected');
  });

  it('keys given: a key that verifies means accepted', async () => {
    const keys = (await loadKeySet(jwkSet(key))).keys;
    expect(verdictOf(await diagnoseToken(valid, { keys, now: NOW }), true)).toBe('accepted');
  });

  it('keys given: an empty set is a problem of the account, so the token is rejected', async () => {
    const result = await diagnoseToken(valid, { keys: [], now: NOW });
    expect(tokenProblems(result.errors, true).map((error) => error.code)).toEqual(['JWKS_UNAVAILABLE']);
    expect(verdictOf(result, true)).toBe('rejected');
  });

  it('counts problems in words', () => {
    expect(rejectedHeadline(1)).toBe('The service would reject this token: 1 problem.');
    expect(rejectedHeadline(3)).toBe('The service would reject this token: 3 problems.');
  });
});
