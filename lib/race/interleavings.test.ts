import { describe, expect, it } from 'vitest';
import { analyseInterleavings, describeOrdering, interleavings } from './interleavings';
import { PROVIDER_BEHAVIOURS } from './providers';
import { STEPS_PER_CLIENT } from './schedule';

function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1);
}
function binomial(n: number, k: number): number {
  return factorial(n) / (factorial(k) * factorial(n - k));
}

/** Position of a client's nth step (1-based) in an ordering. */
function position(ordering: number[], client: number, step: number): number {
  let seen = 0;
  return ordering.findIndex((entry) => entry === client && ++seen === step);
}

describe("every interleaving of the clients' steps", () => {
  it.each([1, 2, 3, 4, 5])(
    'two clients with %i steps each have C(2k, k) orderings, all distinct and each keeping its own order',
    (k) => {
      const all = [...interleavings(2, k)];
      expect(all).toHaveLength(binomial(2 * k, k));
      expect(new Set(all.map((ordering) => ordering.join(''))).size).toBe(all.length);
      for (const ordering of all)
        for (const client of [0, 1]) expect(ordering.filter((entry) => entry === client)).toHaveLength(k);
    },
  );

  it('with the three steps of the race, two clients have C(6, 3) = 20 orderings and three clients 9!/(3!)^3 = 1680', () => {
    expect(STEPS_PER_CLIENT).toBe(3);
    expect([...interleavings(2)]).toHaveLength(20);
    expect([...interleavings(3)]).toHaveLength(1680);
  });

  it('comes in lexicographic order, so a run is repeatable', () => {
    const keys = [...interleavings(2)].map((ordering) => ordering.join(''));
    expect(keys).toEqual([...keys].sort());
    expect(keys[0]).toBe('000111');
    expect(keys.at(-1)).toBe('111000');
  });

  it('names orderings by client letter and step number', () => {
    expect(describeOrdering([0, 1, 0, 0, 1, 1])).toBe('A1 B1 A2 A3 B2 B3');
  });
});

describe('which orderings lose data, per provider', () => {
  it.each(['static', 'dynamic'] as const)('%s never loses data, whatever the order', (provider) => {
    const summary = analyseInterleavings(2, provider);
    expect(summary).toMatchObject({ total: 20, losing: 0, wins: [10, 10] });
    expect(summary.results.every(({ outcome }) => outcome.clients.every((client) => client.canDecrypt))).toBe(true);
  });

  it('discarding loses data exactly when the winner made its key before the loser made its own: 14 of 20', () => {
    const summary = analyseInterleavings(2, 'discarding');
    for (const { ordering, outcome } of summary.results) {
      const winner = position(ordering, 0, 3) < position(ordering, 1, 3) ? 0 : 1;
      const loser = 1 - winner;
      expect(outcome.winner).toBe(winner);
      const winnerKeyOlder = position(ordering, winner, 2) < position(ordering, loser, 2);
      expect({ ordering: ordering.join(''), lost: outcome.dataLost }).toEqual({
        ordering: ordering.join(''),
        lost: winnerKeyOlder,
      });
      expect(outcome.cannotDecrypt).toEqual(winnerKeyOlder ? [loser] : []);
      expect(outcome.contentLost).toBe(winnerKeyOlder);
    }
    expect(summary.losing).toBe(14);
  });

  it("discarding with three clients loses data unless the winner's key was the last one made", () => {
    const summary = analyseInterleavings(3, 'discarding');
    let expected = 0;
    for (const { ordering, outcome } of summary.results) {
      const lastKeyMaker = [0, 1, 2].reduce((latest, client) =>
        position(ordering, client, 2) > position(ordering, latest, 2) ? client : latest,
      );
      const lost = lastKeyMaker !== outcome.winner;
      if (lost) expected++;
      expect(outcome.dataLost).toBe(lost);
    }
    expect(summary.total).toBe(1680);
    expect(summary.losing).toBe(expected);
  });

  it('a new key for the same hint loses data in every ordering: the loser can never decrypt', () => {
    const summary = analyseInterleavings(2, 'new-key-per-hint');
    expect(summary.losing).toBe(20);
    expect(summary.results.every(({ outcome }) => outcome.cannotDecrypt.length === 1 && outcome.contentLost)).toBe(
      true,
    );
  });

  it('is deterministic', () => {
    for (const provider of PROVIDER_BEHAVIOURS)
      expect(analyseInterleavings(2, provider)).toEqual(analyseInterleavings(2, provider));
  });
});
