import { clientName, runRace, type RaceOutcome } from './engine';
import type { ProviderBehaviour } from './providers';
import { scheduleFromOrdering, STEPS_PER_CLIENT } from './schedule';

/**
 * Every ordering of the clients' own steps (each client's steps stay in their order), in lexicographic order:
 * the distinct permutations of [0,0,0,1,1,1] for two clients. Their number is the multinomial coefficient
 * (n·k)! / (k!)^n, C(2k, k) for two clients.
 */
export function* interleavings(clients: number, stepsPerClient: number = STEPS_PER_CLIENT): Generator<number[]> {
  const remaining = new Array<number>(clients).fill(stepsPerClient);
  const prefix: number[] = [];
  const total = clients * stepsPerClient;
  function* extend(): Generator<number[]> {
    if (prefix.length === total) {
      yield [...prefix];
      return;
    }
    for (let client = 0; client < clients; client++) {
      if (remaining[client] === 0) continue;
      remaining[client]! -= 1;
      prefix.push(client);
      yield* extend();
      prefix.pop();
      remaining[client]! += 1;
    }
  }
  yield* extend();
}

export interface OrderingResult {
  ordering: number[];
  outcome: RaceOutcome;
}

export interface InterleavingsSummary {
  clients: number;
  provider: ProviderBehaviour;
  total: number;
  /** Orderings where a client cannot decrypt or the content is lost. */
  losing: number;
  /** Orderings won by each client. */
  wins: number[];
  results: OrderingResult[];
}

export function analyseInterleavings(clients: number, provider: ProviderBehaviour): InterleavingsSummary {
  const results: OrderingResult[] = [];
  for (const ordering of interleavings(clients)) {
    results.push({
      ordering,
      outcome: runRace({ clients, provider, schedule: scheduleFromOrdering(clients, ordering) }).outcome,
    });
  }
  const wins = new Array<number>(clients).fill(0);
  for (const { outcome } of results) wins[outcome.winner]! += 1;
  return {
    clients,
    provider,
    total: results.length,
    losing: results.filter(({ outcome }) => outcome.dataLost).length,
    wins,
    results,
  };
}

/** "A1 B1 A2 …": each client's letter with the number of its step. */
export function describeOrdering(ordering: readonly number[]): string {
  const taken = new Map<number, number>();
  return ordering
    .map((client) => {
      const step = (taken.get(client) ?? 0) + 1;
      taken.set(client, step);
      return `${clientName(client)}${step}`;
    })
    .join(' ');
}
