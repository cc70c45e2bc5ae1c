import { describe, expect, it } from 'vitest';
import {
  ALGORITHM_NAMES,
  ALGORITHMS,
  algorithmsForKey,
  isServiceSet,
  parseAlgorithmList,
  SERVICE_ALGORITHMS,
} from './index';

describe('the algorithm table', () => {
  it('holds the nine asymmetric JWS algorithms, and the service accepts exactly the RSA ones', () => {
    expect(ALGORITHM_NAMES).toEqual(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512']);
    expect(SERVICE_ALGORITHMS).toEqual(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512']);
    for (const name of ALGORITHM_NAMES) expect(ALGORITHMS[name].service).toBe(ALGORITHMS[name].kty === 'RSA');
  });

  it('fits keys to algorithms by type and curve, within the accepted set', () => {
    expect(algorithmsForKey({ kty: 'RSA' }, SERVICE_ALGORITHMS)).toEqual(SERVICE_ALGORITHMS);
    expect(algorithmsForKey({ kty: 'EC', crv: 'P-256' }, SERVICE_ALGORITHMS)).toEqual([]);
    expect(algorithmsForKey({ kty: 'EC', crv: 'P-384' }, ALGORITHM_NAMES)).toEqual(['ES384']);
    expect(algorithmsForKey({ kty: 'EC', crv: 'secp256k1' }, ALGORITHM_NAMES)).toEqual([]);
    expect(algorithmsForKey({ kty: 'OKP', crv: 'Ed25519' }, ALGORITHM_NAMES)).toEqual([]);
  });
});

describe('parseAlgorithmList', () => {
  it('reads a comma-separated list or an array into the table order, without repeats', () => {
    expect(parseAlgorithmList('ES256, RS256,ES256')).toEqual({ algorithms: ['RS256', 'ES256'] });
    expect(parseAlgorithmList(['PS512', 'RS384'])).toEqual({ algorithms: ['RS384', 'PS512'] });
    expect(
      isServiceSet(
        (parseAlgorithmList(SERVICE_ALGORITHMS.join(',')) as { algorithms: typeof SERVICE_ALGORITHMS }).algorithms,
      ),
    ).toBe(true);
  });

  it.each([
    ['', /empty/],
    [[], /empty/],
    ['RS256,HS512', /"HS512" is a shared-secret/],
    ['None', /unsigned/],
    ['ps256', /must be written "PS256"/],
    ['RS256,EdDSA', /"EdDSA" is not an algorithm/],
    [[null], /must be strings/],
  ])('refuses %j with the reason, never widening', (input, message) => {
    const parsed = parseAlgorithmList(input as string);
    expect('error' in parsed && parsed.error).toMatch(message);
  });
});
