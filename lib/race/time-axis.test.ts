import { describe, expect, it } from 'vitest';
import { layoutTimeAxis, tickStep } from './time-axis';

describe('layoutTimeAxis', () => {
  it('places events in proportion to their time, not one column each', () => {
    const axis = layoutTimeAxis(
      [
        { at: 0, lane: 0 },
        { at: 80, lane: 1 },
        { at: 100, lane: 0 },
        { at: 200, lane: 'server' },
      ],
      { minGap: 0.05 },
    );
    expect(axis.start).toBe(0);
    expect(axis.end).toBe(200);
    expect(axis.placements.map((placement) => placement.x)).toEqual([0, 0.4, 0.5, 1]);
    // 80 → 100 is a fifth of 0 → 100: the gaps on the axis follow the gaps in time.
    expect(axis.placements[2]!.x - axis.placements[1]!.x).toBeCloseTo(
      (axis.placements[2]!.x - axis.placements[0]!.x) / 5,
    );
  });

  it('stacks events of one lane at the same time, and only those', () => {
    const axis = layoutTimeAxis(
      [
        { at: 80, lane: 0 },
        { at: 80, lane: 0 },
        { at: 80, lane: 1 },
        { at: 100, lane: 0 },
        { at: 100, lane: 0 },
        { at: 100, lane: 0 },
      ],
      { minGap: 0.01 },
    );
    expect(axis.placements.map((placement) => placement.level)).toEqual([0, 1, 0, 0, 1, 2]);
    expect(axis.placements[0]!.x).toBe(axis.placements[1]!.x);
    expect(axis.levels).toEqual({ '0': 3, '1': 1 });
  });

  it('stacks events closer than the gap a dot needs, and reuses a level once there is room', () => {
    const axis = layoutTimeAxis(
      [
        { at: 0, lane: 'server' },
        { at: 3, lane: 'server' },
        { at: 50, lane: 'server' },
        { at: 100, lane: 'server' },
      ],
      { minGap: 0.1 },
    );
    expect(axis.placements.map((placement) => placement.level)).toEqual([0, 1, 0, 0]);
    expect(axis.levels).toEqual({ server: 2 });
  });

  it('labels round times across the whole span, from 0 or, when every event comes late, from the tick before the first', () => {
    const axis = layoutTimeAxis(
      [
        { at: 60, lane: 0 },
        { at: 250, lane: 1 },
      ],
      { minGap: 0.05 },
    );
    expect(axis.ticks.map((tick) => tick.at)).toEqual([0, 50, 100, 150, 200, 250]);
    expect(axis.ticks.at(-1)!.x).toBe(1);
    expect(axis.placements[0]!.x).toBeCloseTo(60 / 250);

    const late = layoutTimeAxis(
      [
        { at: 512, lane: 0 },
        { at: 590, lane: 1 },
      ],
      { minGap: 0.05 },
    );
    expect(late.start).toBe(500);
    expect(late.ticks[0]!.at).toBe(late.start);
    expect(late.ticks.every((tick) => tick.x >= 0 && tick.x <= 1)).toBe(true);
  });

  it('gives a single moment an axis of its own width and an empty race one tick', () => {
    const single = layoutTimeAxis([{ at: 40, lane: 0 }], { minGap: 0.05 });
    expect(single.end).toBeGreaterThan(single.start);
    expect(single.placements[0]!.x).toBeGreaterThanOrEqual(0);
    expect(single.placements[0]!.x).toBeLessThanOrEqual(1);
    expect(layoutTimeAxis([], { minGap: 0.05 }).placements).toEqual([]);
  });
});

describe('tickStep', () => {
  it('is 1, 2 or 5 times a power of ten', () => {
    expect(tickStep(250, 6)).toBe(50);
    expect(tickStep(1000, 5)).toBe(200);
    expect(tickStep(12, 6)).toBe(2);
    expect(tickStep(3, 6)).toBe(1);
  });
});
