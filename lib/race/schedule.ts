import { clientName, InvalidScheduleError, MAX_CLIENTS, type ScheduledAction } from './engine';

/**
 * Two ways to say in what order things happen: an ordering of the clients' own steps (for enumerating every
 * interleaving), or timings per client from which the order follows.
 */

/** The steps each client takes on its own before the server answers: ask for a session, make a key, send create-session. */
export const CLIENT_STEPS = ['request', 'make-key', 'create'] as const;
export const STEPS_PER_CLIENT = CLIENT_STEPS.length;

/**
 * An ordering lists a client index once per step it takes: [0, 1, 0, 0, 1, 1] is A asks, B asks, A makes its key,
 * A's create-session reaches the server, B makes its key, B's reaches the server. The server finishes setting up the
 * winner's session only after every client has sent its request, so every client takes part in the race
 * (steps 1–3 for all, as the connection process starts), then the broadcast and the losers' key fetches follow.
 */
export function scheduleFromOrdering(clients: number, ordering: readonly number[]): ScheduledAction[] {
  checkOrdering(clients, ordering);
  const taken = new Array<number>(clients).fill(0);
  const schedule: ScheduledAction[] = [];
  let winner: number | null = null;
  for (const client of ordering) {
    const step = CLIENT_STEPS[taken[client]!]!;
    taken[client]! += 1;
    if (step === 'request') schedule.push({ action: { kind: 'request', client } });
    else if (step === 'make-key') schedule.push({ action: { kind: 'make-key', client } });
    else {
      winner ??= client;
      schedule.push({ action: { kind: 'send-create', client } }, { action: { kind: 'create-arrives', client } });
    }
  }
  schedule.push({ action: { kind: 'broadcast' } });
  for (let client = 0; client < clients; client++)
    if (client !== winner) schedule.push({ action: { kind: 'fetch-key', client } });
  schedule.push({ action: { kind: 'reopen' } });
  return schedule;
}

export function checkOrdering(clients: number, ordering: readonly number[]): void {
  if (!Number.isInteger(clients) || clients < 2 || clients > MAX_CLIENTS)
    throw new InvalidScheduleError(`clients must be 2 to ${MAX_CLIENTS}`);
  for (let client = 0; client < clients; client++) {
    const count = ordering.filter((entry) => entry === client).length;
    if (count !== STEPS_PER_CLIENT)
      throw new InvalidScheduleError(
        `${clientName(client)} must appear ${STEPS_PER_CLIENT} times in the ordering, not ${count}`,
      );
  }
  if (ordering.length !== clients * STEPS_PER_CLIENT)
    throw new InvalidScheduleError('the ordering names a client that is not in the race');
}

export interface ClientTiming {
  /** When the client asks for a session, in ms from the start. */
  startMs: number;
  /** How long its encryption provider takes to answer. */
  keyMs: number;
  /** One-way network delay between this client and the server. */
  networkMs: number;
}

export interface RaceTiming {
  clients: ClientTiming[];
  /** How long the winner takes to finish setting up the session before the server broadcasts it. */
  setupMs: number;
}

/** Actions at the same moment happen in this order (the server sees a request before it broadcasts, and so on). */
const SAME_TIME_ORDER: Record<ScheduledAction['action']['kind'], number> = {
  request: 0,
  'make-key': 1,
  'send-create': 2,
  'create-arrives': 3,
  broadcast: 4,
  'fetch-key': 5,
  reopen: 6,
};

export interface TimedClient {
  /** The server sees the session request. */
  requestAt: number;
  keyAt: number;
  arrivesAt: number;
}

/** When each client's own steps happen, before anything depends on the others. */
export function clientTimes(timing: ClientTiming): TimedClient {
  const { startMs, keyMs, networkMs } = timing;
  return {
    requestAt: startMs + networkMs,
    keyAt: startMs + 2 * networkMs + keyMs,
    arrivesAt: startMs + 3 * networkMs + keyMs,
  };
}

/** The client whose create-session reaches the server first (the lower letter on a tie). */
export function firstToArrive(timing: RaceTiming): number {
  let first = 0;
  timing.clients.forEach((client, index) => {
    if (clientTimes(client).arrivesAt < clientTimes(timing.clients[first]!).arrivesAt) first = index;
  });
  return first;
}

export function scheduleFromTiming(timing: RaceTiming): ScheduledAction[] {
  const times = timing.clients.map(clientTimes);
  const winner = firstToArrive(timing);
  const broadcastAt = times[winner]!.arrivesAt + timing.setupMs;
  const entries: Array<ScheduledAction & { at: number }> = [{ action: { kind: 'broadcast' }, at: broadcastAt }];
  timing.clients.forEach(({ startMs, keyMs, networkMs }, client) => {
    const time = times[client]!;
    entries.push({ action: { kind: 'request', client }, at: time.requestAt });
    if (time.requestAt > broadcastAt) {
      // Arrives after the session is announced: it only needs the key for the winner's hint.
      entries.push({ action: { kind: 'fetch-key', client }, at: startMs + 2 * networkMs + keyMs });
      return;
    }
    entries.push(
      { action: { kind: 'make-key', client }, at: time.keyAt },
      { action: { kind: 'send-create', client }, at: time.keyAt },
      { action: { kind: 'create-arrives', client }, at: time.arrivesAt },
    );
    if (client !== winner) {
      // It needs both the 409 and the broadcast before it asks its provider for the winner's key.
      const heardAt = Math.max(time.arrivesAt, broadcastAt) + networkMs;
      entries.push({ action: { kind: 'fetch-key', client }, at: heardAt + keyMs });
    }
  });
  entries.sort(
    (a, b) =>
      a.at - b.at || SAME_TIME_ORDER[a.action.kind] - SAME_TIME_ORDER[b.action.kind] || clientOf(a) - clientOf(b),
  );
  const last = entries.at(-1)!.at;
  return [...entries, { action: { kind: 'reopen' }, at: last }];
}

function clientOf(entry: ScheduledAction): number {
  return 'client' in entry.action ? entry.action.client : -1;
}
