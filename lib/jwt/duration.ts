const UNITS: [name: string, seconds: number][] = [
  ['year', 365 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** 10800 → "3 hours"; 90 → "1 minute"; rounds down to the largest whole unit, as people say it. */
export function describeDuration(seconds: number): string {
  const magnitude = Math.abs(seconds);
  for (const [name, size] of UNITS) {
    if (magnitude >= size || size === 1) {
      const count = Math.floor(magnitude / size);
      return `${count} ${name}${count === 1 ? '' : 's'}`;
    }
  }
  return `${magnitude} seconds`;
}

/** Seconds from now → "in 14 minutes" or "3 hours ago". */
export function describeRelative(secondsFromNow: number): string {
  if (Math.abs(secondsFromNow) < 1) return 'now';
  return secondsFromNow > 0 ? `in ${describeDuration(secondsFromNow)}` : `${describeDuration(secondsFromNow)} ago`;
}

/** Epoch seconds → "2026-11-25T10:00:00Z" (or a plain note when the value is out of Date's range). */
export function formatEpoch(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime())
    ? `${seconds} (outside any representable date)`
    : date.toISOString().replace('.000Z', 'Z');
}
