import { describe, expect, it } from 'vitest';
import { RECOMMENDED_ALGORITHM, SERVICE_ALGORITHMS } from '@/lib/algorithms';
import { createExampleTokens } from './examples';
import { diagnoseToken, loadKeySet } from './index';

describe('example tokens', () => {
  it('each example gives exactly the problems it is meant to show', async () => {
    const now = 1_800_000_000;
    const { jwks, examples } = await createExampleTokens(now);
    const { keys } = await loadKeySet(jwks);
    expect(examples.length).toBeGreaterThanOrEqual(8);
    for (const example of examples) {
      const diagnosis = await diagnoseToken(example.token, { keys, now });
      expect(
        diagnosis.errors.map((error) => error.code),
        example.id,
      ).toEqual(example.expected);
      expect(diagnosis.ok, example.id).toBe(example.expected.length === 0);
    }
  });

  it('the valid example is signed with the recommended algorithm and lifetime, so it draws no warning', async () => {
    const now = 1_800_000_000;
    const { jwks, examples } = await createExampleTokens(now);
    const valid = examples.find((example) => example.id === 'valid')!;
    const diagnosis = await diagnoseToken(valid.token, { keys: (await loadKeySet(jwks)).keys, now });
    expect(diagnosis.header?.alg).toBe(RECOMMENDED_ALGORITHM);
    expect(diagnosis.warnings).toEqual([]);
  });

  it('the ES256 example is accepted once the check is widened with ES256, and only then', async () => {
    const { jwks, examples } = await createExampleTokens();
    const es256 = examples.find((example) => example.id === 'es256')!;
    const widened = [...SERVICE_ALGORITHMS, 'ES256' as const];
    const diagnosis = await diagnoseToken(es256.token, {
      keys: (await loadKeySet(jwks, widened)).keys,
      algorithms: widened,
    });
    // Widened, the algorithm passes rule 5; the example set holds no EC key, so no key can check it.
    expect(diagnosis.errors.map((error) => error.code)).toEqual(['JWKS_UNAVAILABLE']);
  });

  it('never reuses keys between calls', async () => {
    const [first, second] = await Promise.all([createExampleTokens(), createExampleTokens()]);
    expect(first.jwks.keys[0]!.n).not.toBe(second.jwks.keys[0]!.n);
  });
});
