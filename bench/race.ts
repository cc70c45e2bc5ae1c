// Time the race model: one simulated race, and every interleaving for two and three clients.
// Usage: npx tsx bench/race.ts
import { analyseInterleavings, defaultTiming, runRace, scheduleFromTiming } from '../lib/race';

function measure(label: string, runs: number, work: () => unknown): void {
  for (let warm = 0; warm < Math.min(runs, 20); warm++) work();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const p95 = times[Math.floor(times.length * 0.95)]!;
  console.log(`${label.padEnd(48)} median ${median.toFixed(3)} ms   p95 ${p95.toFixed(3)} ms   (${runs} runs)`);
}

measure('one race, 4 clients from timings', 2000, () =>
  runRace({ clients: 4, provider: 'discarding', schedule: scheduleFromTiming(defaultTiming(4)) }),
);
measure('every ordering, 2 clients (20)', 500, () => analyseInterleavings(2, 'discarding'));
measure('every ordering, 3 clients (1680)', 20, () => analyseInterleavings(3, 'discarding'));
