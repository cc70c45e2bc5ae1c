import { describe, expect, it } from 'vitest';
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
      expect(diagnosis.errors.map((error) => error.code), example.id).toEqual(example.expected);
      expect(diagnosis.ok, example.id).toBe(example.expected.length === 0);
    }
  });

  it('never reuses keys between calls', async () => {
    const [first, second] = await Promise.all([createExampleTokens(), createExampleTokens()]);
    expect(first.jwks.keys[0]!.x).not.toBe(second.jwks.keys[0]!.x);
  });
});
