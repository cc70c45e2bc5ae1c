import { z } from 'zod';
import { MAX_CLIENTS } from './engine';
import { PROVIDER_BEHAVIOURS } from './providers';
import { defaultScenario, MAX_DELAY_MS, RACE_MODES, withClientCount, type RaceScenario } from './scenario';
import { checkOrdering } from './schedule';

/**
 * Reads a scenario from a shareable link's query string (on the server, where the page renders). Kept apart from
 * the rest of lib/race so the browser never loads the parser.
 */
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
  order: z
    .string()
    .regex(/^[0-3]+$/, 'is a list of client numbers, like 010011')
    .transform((text) => [...text].map(Number)),
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
  scenario.timing = withClientCount(
    { clients: timings ?? [], setupMs: read('setup') ?? scenario.timing.setupMs },
    scenario.clients,
  );
  if (timings && timings.length !== scenario.clients)
    problems.push(`t: has ${timings.length} clients, the scenario has ${scenario.clients}`);
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
