/**
 * Where the timeline draws each event: across, in proportion to its time; down, on the first free level of its
 * lane, so events at the same moment (or too close to tell apart at this width) stack instead of covering each other.
 */
export interface AxisEvent {
  at: number;
  lane: number | 'server';
}

export interface AxisPlacement {
  /** 0 at the start of the axis, 1 at its end. */
  x: number;
  /** 0 on the lane's line, 1 just below, and so on. */
  level: number;
}

export interface AxisTick {
  at: number;
  x: number;
}

export interface TimeAxis {
  start: number;
  end: number;
  /** One per event, in the order given. */
  placements: AxisPlacement[];
  /** How many levels each lane needs (at least 1), by `String(lane)`. */
  levels: Record<string, number>;
  ticks: AxisTick[];
}

/** 1, 2 or 5 times a power of ten: the step that gives at most `maxTicks` intervals over `span`. */
export function tickStep(span: number, maxTicks: number): number {
  if (!(span > 0)) return 1;
  const raw = span / Math.max(1, maxTicks);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const multiple of [1, 2, 5, 10]) if (multiple * power >= raw) return Math.max(1, multiple * power);
  return Math.max(1, 10 * power);
}

/**
 * `minGap` is the closest two events of one lane may sit, as a share of the axis width (a dot's width over the
 * track's); anything closer goes on the next level down. The axis starts at 0, or at the tick before the first event
 * when the events all come late.
 */
export function layoutTimeAxis(
  events: readonly AxisEvent[],
  { minGap, maxTicks = 6 }: { minGap: number; maxTicks?: number },
): TimeAxis {
  if (events.length === 0) return { start: 0, end: 1, placements: [], levels: {}, ticks: [{ at: 0, x: 0 }] };
  const times = events.map((event) => event.at);
  const first = Math.min(...times);
  const last = Math.max(...times);
  // From 0 when the first event is near the start, so the axis reads as time since the race began.
  const fromZero = first >= 0 && first <= last - first;
  const step = tickStep((fromZero ? last : last - first) || 1, maxTicks);
  const start = fromZero ? 0 : Math.floor(first / step) * step;
  const end = Math.max(last, start + step);
  const xOf = (at: number) => (at - start) / (end - start);

  const placements: AxisPlacement[] = events.map((event) => ({ x: xOf(event.at), level: 0 }));
  const levels: Record<string, number> = {};
  const byLane = new Map<string, number[]>();
  events.forEach((event, index) => {
    const lane = String(event.lane);
    byLane.set(lane, [...(byLane.get(lane) ?? []), index]);
  });
  for (const [lane, indexes] of byLane) {
    // Per level, the x of the last event put there; events are taken left to right, the given order breaking ties.
    const ends: number[] = [];
    const ordered = [...indexes].sort((a, b) => placements[a]!.x - placements[b]!.x || a - b);
    for (const index of ordered) {
      const placement = placements[index]!;
      let level = ends.findIndex((endX) => placement.x - endX >= minGap);
      if (level === -1) level = ends.length;
      ends[level] = placement.x;
      placement.level = level;
    }
    levels[lane] = Math.max(1, ends.length);
  }

  const ticks: AxisTick[] = [];
  for (let at = start; at <= end + 1e-9; at += step) ticks.push({ at, x: xOf(at) });
  return { start, end, placements, levels, ticks };
}
