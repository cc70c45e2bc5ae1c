import { z } from 'zod';
import { MAX_CLIENTS, runRace, type RaceResult } from './engine';
import { PROVIDER_BEHAVIOURS, type ProviderBehaviour } from './providers';
import { checkOrdering, scheduleFromOrdering, scheduleFromTiming, type ClientTiming, type RaceTiming } from './schedule';

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

const milliseconds = z.number().int().min(0).max(MAX_DELAY_MS, `is at most ${MAX_DELAY_MS} ms`);
const delay = z.coerce.number().pipe(milliseconds);
const clientTiming = z
  .string()
  .regex(/^\d+-\d+-\d+$/, 'each client is start-key-network in milliseconds, like 0-20-40')
  .transform((text) => text.split('-').map(Number))
  .pipe(z.tuple([milliseconds, milliseconds, milliseconds]))
  .transform(([startMs, keyMs, networkMs]) => ({ startMs, keyMs, networkMs }));

const fields = {
  mode: z.enum(RACE_MODES),
  provider: z.enum(PROVIDER_BEHAVIOURS),
  clients: z.coerce.number().int().min(2).max(MAX_CLIENTS),
  t: z.string().transform((text, context) => {
    const parsed = z.array(clientTiming).safeParse(text.split(','));
    if (!parsed.success) {
      context.addIssue({ code: 'custom', message: parsed.error.issues[0]?.message ?? 'bad timing' });
      return z.NEVER;
    }
    return parsed.data;
  }),
  setup: delay,
  order: z.string().regex(/^[0-3]+$/, 'is a list of client numbers, like 010011').transform((text) => [...text].map(Number)),
  step: z.coerce.number().int().min(0).max(1000),
} as const;

export interface ParsedScenario {
  scenario: RaceScenario;
  /** What in the link could not be used, in words; those parts fall back to the defaults. */
  problems: string[];
}

export function parseScenario(params: URLSearchParams): ParsedScenario {
  const scenario = defaultScenario();
  const problems: string[] = [];
  const read = <K extends keyof typeof fields>(name: K): z.output<(typeof fields)[K]> | undefined => {
    const raw = params.get(name);
    if (raw === null) return undefined;
    const parsed = fields[name].safeParse(raw);
    if (parsed.success) return parsed.data as z.output<(typeof fields)[K]>;
    problems.push(`${name}: ${parsed.error.issues[0]?.message ?? 'not understood'}`);
    return undefined;
  };
  scenario.mode = read('mode') ?? scenario.mode;
  scenario.provider = read('provider') ?? scenario.provider;
  scenario.clients = read('clients') ?? scenario.clients;
  const timings = read('t');
  scenario.timing = withClientCount({ clients: timings ?? [], setupMs: read('setup') ?? scenario.timing.setupMs }, scenario.clients);
  if (timings && timings.length !== scenario.clients) problems.push(`t: has ${timings.length} clients, the scenario has ${scenario.clients}`);
  if (scenario.mode === 'orderings') scenario.clients = 2;
  const order = read('order');
  if (order) {
    try {
      checkOrdering(scenario.clients, order);
      scenario.ordering = order;
    } catch (error) {
      problems.push(`order: ${(error as Error).message}`);
    }
  }
  scenario.step = read('step') ?? 0;
  return { scenario, problems };
}

export function scenarioQuery(scenario: RaceScenario): string {
  const params = new URLSearchParams({ mode: scenario.mode, provider: scenario.provider, clients: String(scenario.clients) });
  if (scenario.mode === 'timing' || scenario.mode === 'live') {
    params.set('t', scenario.timing.clients.map((client) => `${client.startMs}-${client.keyMs}-${client.networkMs}`).join(','));
    params.set('setup', String(scenario.timing.setupMs));
  }
  if (scenario.mode === 'orderings' && scenario.ordering) params.set('order', scenario.ordering.join(''));
  if (scenario.step > 0) params.set('step', String(scenario.step));
  return params.toString();
}

/** The simulated race a scenario describes; null in the orderings mode until an ordering is picked, and in the live mode. */
export function raceForScenario(scenario: RaceScenario): RaceResult | null {
  if (scenario.mode === 'timing') return runRace({ clients: scenario.clients, provider: scenario.provider, schedule: scheduleFromTiming(scenario.timing) });
  if (scenario.mode === 'orderings' && scenario.ordering) {
    return runRace({ clients: 2, provider: scenario.provider, schedule: scheduleFromOrdering(2, scenario.ordering) });
  }
  return null;
}
