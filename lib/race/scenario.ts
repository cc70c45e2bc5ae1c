import { runRace, type RaceResult } from './engine';
import type { ProviderBehaviour } from './providers';
import { scheduleFromOrdering, scheduleFromTiming, type ClientTiming, type RaceTiming } from './schedule';

/** A race scenario as the visualizer shows it and as a shareable link carries it in the query string. */
export const RACE_MODES = ['timing', 'orderings', 'live'] as const;
export type RaceMode = (typeof RACE_MODES)[number];

export interface RaceScenario {
  mode: RaceMode;
  provider: ProviderBehaviour;
  clients: number;
  timing: RaceTiming;
  /** The interleaving picked in the orderings mode, if any. */
  ordering: number[] | null;
  /** The event the timeline shows. */
  step: number;
}

export const MAX_DELAY_MS = 5000;

// B reaches the server first although A makes its key later: the case that catches a discarding provider.
const DEFAULT_CLIENT_TIMINGS: ClientTiming[] = [
  { startMs: 0, keyMs: 20, networkMs: 40 },
  { startMs: 0, keyMs: 40, networkMs: 20 },
  { startMs: 5, keyMs: 30, networkMs: 30 },
  { startMs: 10, keyMs: 10, networkMs: 50 },
];

export function defaultTiming(clients: number): RaceTiming {
  return { clients: DEFAULT_CLIENT_TIMINGS.slice(0, clients).map((timing) => ({ ...timing })), setupMs: 30 };
}

export function defaultScenario(): RaceScenario {
  return { mode: 'timing', provider: 'discarding', clients: 2, timing: defaultTiming(2), ordering: null, step: 0 };
}

/** Resizes the timing list when the number of clients changes, keeping what was set for those that stay. */
export function withClientCount(timing: RaceTiming, clients: number): RaceTiming {
  const defaults = defaultTiming(clients).clients;
  return { ...timing, clients: defaults.map((fallback, index) => timing.clients[index] ?? fallback) };
}

export function scenarioQuery(scenario: RaceScenario): string {
  const params = new URLSearchParams({
    mode: scenario.mode,
    provider: scenario.provider,
    clients: String(scenario.clients),
  });
  if (scenario.mode === 'timing' || scenario.mode === 'live') {
    params.set(
      't',
      scenario.timing.clients.map((client) => `${client.startMs}-${client.keyMs}-${client.networkMs}`).join(','),
    );
    params.set('setup', String(scenario.timing.setupMs));
  }
  if (scenario.mode === 'orderings' && scenario.ordering) params.set('order', scenario.ordering.join(''));
  if (scenario.step > 0) params.set('step', String(scenario.step));
  return params.toString();
}

/** The simulated race a scenario describes; null in the orderings mode until an ordering is picked, and in the live mode. */
export function raceForScenario(scenario: RaceScenario): RaceResult | null {
  if (scenario.mode === 'timing')
    return runRace({
      clients: scenario.clients,
      provider: scenario.provider,
      schedule: scheduleFromTiming(scenario.timing),
    });
  if (scenario.mode === 'orderings' && scenario.ordering) {
    return runRace({ clients: 2, provider: scenario.provider, schedule: scheduleFromOrdering(2, scenario.ordering) });
  }
  return null;
}
