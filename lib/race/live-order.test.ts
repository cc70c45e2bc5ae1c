import { describe, expect, it } from 'vitest';
import { describeOverlap, orderLiveObservations, overlappingCreates, type LiveObservation } from './live-order';

const at = (entries: Array<LiveObservation & { shownAt: number }>) =>
  entries.map((entry) => `${entry.kind}:${entry.client ?? '-'}`);

// The default race as the browser saw it: B (network 20 ms) reaches the server at 100 ms, A (network 40 ms) at 140 ms.
// The announcement of B's session reached the browser at 103 ms, B's 201 only at 105 ms.
const SEEN: LiveObservation[] = [
  { kind: 'open', client: 0, at: 2 },
  { kind: 'open', client: 1, at: 2 },
  { kind: 'key', client: 1, at: 80 },
  { kind: 'send', client: 1, at: 80 },
  { kind: 'key', client: 0, at: 100 },
  { kind: 'send', client: 0, at: 100 },
  { kind: 'arrive', client: 1, at: 100 },
  { kind: 'heard', client: 0, at: 103 },
  { kind: 'heard', client: 1, at: 103 },
  { kind: 'answer', client: 1, at: 105, created: true },
  { kind: 'settle', client: 1, at: 105 },
  { kind: 'arrive', client: 0, at: 140 },
  { kind: 'answer', client: 0, at: 142, created: false },
  { kind: 'settle', client: 0, at: 142 },
  { kind: 'reopen', client: null, at: 142 },
];
const NETWORK = [40, 20];

describe('orderLiveObservations', () => {
  const ordered = orderLiveObservations(SEEN, NETWORK);
  const indexOf = (kind: string, client: number | null) =>
    ordered.findIndex((entry) => entry.kind === kind && entry.client === client);

  it('shows the server making the session before anyone hears it announced', () => {
    expect(indexOf('answer', 1)).toBeLessThan(indexOf('heard', 0));
    expect(indexOf('answer', 1)).toBeLessThan(indexOf('heard', 1));
    expect(ordered[indexOf('answer', 1)]!.shownAt).toBeLessThanOrEqual(103);
  });

  it('shows a client sending before it hears the announcement when it sent first, and its 409 after its request arrived', () => {
    expect(indexOf('send', 0)).toBeLessThan(indexOf('heard', 0));
    expect(indexOf('arrive', 0)).toBeLessThan(indexOf('answer', 0));
  });

  it('puts what reaches a client one network delay after the browser saw it', () => {
    expect(ordered[indexOf('heard', 0)]!.shownAt).toBe(103 + 40);
    expect(ordered[indexOf('heard', 1)]!.shownAt).toBe(103 + 20);
    expect(ordered[indexOf('settle', 0)]!.shownAt).toBe(142 + 40);
    expect(indexOf('settle', 0)).toBeGreaterThan(indexOf('heard', 0));
    expect(ordered.at(-1)!.kind).toBe('reopen');
    expect(ordered.at(-1)!.shownAt).toBe(182);
  });

  it('keeps every observation once, in non-decreasing time', () => {
    expect(ordered).toHaveLength(SEEN.length);
    for (let index = 1; index < ordered.length; index++)
      expect(ordered[index]!.shownAt).toBeGreaterThanOrEqual(ordered[index - 1]!.shownAt);
    expect(at(ordered).slice(0, 4)).toEqual(['open:0', 'open:1', 'key:1', 'send:1']);
  });

  it('never shows a 409 before the 201 that made the session, even when the browser saw it first', () => {
    const seen: LiveObservation[] = [
      { kind: 'arrive', client: 0, at: 40 },
      { kind: 'arrive', client: 1, at: 40.5 },
      { kind: 'answer', client: 1, at: 42, created: false },
      { kind: 'heard', client: 0, at: 43 },
      { kind: 'answer', client: 0, at: 44, created: true },
    ];
    const order = at(orderLiveObservations(seen, [0, 0]));
    expect(order.indexOf('answer:0')).toBeLessThan(order.indexOf('answer:1'));
    expect(order.indexOf('answer:0')).toBeGreaterThan(order.indexOf('arrive:0'));
  });
});

describe('overlappingCreates', () => {
  it('groups create-sessions that arrived while an earlier one was unanswered', () => {
    const seen: LiveObservation[] = [
      { kind: 'arrive', client: 0, at: 40 },
      { kind: 'arrive', client: 1, at: 41 },
      { kind: 'arrive', client: 2, at: 43 },
      { kind: 'answer', client: 0, at: 44, created: true },
      { kind: 'answer', client: 1, at: 45, created: false },
      { kind: 'answer', client: 2, at: 46, created: false },
    ];
    expect(overlappingCreates(seen)).toEqual([{ clients: [0, 1, 2], withinMs: 3 }]);
  });

  it('finds none when each was answered before the next arrived', () => {
    expect(overlappingCreates(SEEN)).toEqual([]);
  });

  it('says which arrived together and which one the server took', () => {
    expect(describeOverlap({ clients: [1, 0], withinMs: 3 }, 1)).toBe(
      'B’s and A’s create-session reached the server within 3 ms of each other, before it had answered the first: which one the server takes first comes down to those milliseconds. It took B’s.',
    );
    expect(describeOverlap({ clients: [0, 1, 2], withinMs: 0 }, null)).toMatch(
      /^A’s, B’s and C’s create-session reached the server in the same millisecond/,
    );
  });
});
