import { describe, expect, it } from 'vitest';
import { initialProvider, keyForHint, makeKey, PROVIDER_BEHAVIOURS, PROVIDERS } from './providers';

describe('encryption provider models', () => {
  it('static: every call gives the one key under the one hint', () => {
    let state = initialProvider('static');
    const first = makeKey(state);
    state = first.state;
    const second = makeKey(state);
    expect(second.record).toEqual(first.record);
    expect(keyForHint(second.state, first.record.hint).key).toBe(first.record.key);
  });

  it('dynamic and correct: new keys for new sessions, each hint keeps its own key for good', () => {
    const one = makeKey(initialProvider('dynamic'));
    const two = makeKey(one.state);
    expect(two.record.key).not.toBe(one.record.key);
    expect(two.discarded).toEqual([]);
    expect(keyForHint(two.state, one.record.hint).key).toBe(one.record.key);
    expect(keyForHint(two.state, two.record.hint).key).toBe(two.record.key);
    expect(keyForHint(two.state, 'h99').key).toBeNull();
  });

  it('discarding: making a key throws the previous one away', () => {
    const one = makeKey(initialProvider('discarding'));
    const two = makeKey(one.state);
    expect(two.discarded).toEqual([one.record]);
    expect(keyForHint(two.state, one.record.hint).key).toBeNull();
    expect(keyForHint(two.state, two.record.hint).key).toBe(two.record.key);
  });

  it('new key for the same hint: asking twice for one hint gives two different keys, neither the original', () => {
    const one = makeKey(initialProvider('new-key-per-hint'));
    const first = keyForHint(one.state, one.record.hint);
    const second = keyForHint(first.state, one.record.hint);
    expect(new Set([one.record.key, first.key, second.key]).size).toBe(3);
  });

  it('is pure: the state passed in is never changed', () => {
    for (const behaviour of PROVIDER_BEHAVIOURS) {
      const state = initialProvider(behaviour);
      const frozen = JSON.stringify(state);
      keyForHint(makeKey(state).state, 'h1');
      makeKey(state);
      expect(JSON.stringify(state)).toBe(frozen);
    }
  });

  it('describes every behaviour, and marks exactly the two rule-breakers unsafe with a docs anchor each', () => {
    expect(PROVIDER_BEHAVIOURS.filter((behaviour) => !PROVIDERS[behaviour].safe)).toEqual([
      'discarding',
      'new-key-per-hint',
    ]);
    for (const behaviour of PROVIDER_BEHAVIOURS)
      expect(PROVIDERS[behaviour].docs).toMatch(/^\/docs\/session-race#[a-z-]+$/);
  });
});
