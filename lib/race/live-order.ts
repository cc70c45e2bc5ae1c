import { clientName, type TimelineEntry } from './engine';

/**
 * The live mode sees everything from one place, the browser, which sits next to the server: it gets the server's
 * event stream and its answers at once, while each simulated client is one network delay away. Listed in the order
 * the browser saw them, the server's 201 could come after the announcement it made, and a client could hear the
 * announcement before it sent its own create-session. This puts each event at the time its party saw it.
 */
export type LiveStep = 'open' | 'key' | 'send' | 'arrive' | 'answer' | 'wait' | 'heard' | 'settle' | 'reopen';

export interface LiveObservation {
  kind: LiveStep;
  /** The client it is about; for the server's `arrive` and `answer`, whose create-session. */
  client: number | null;
  /** When the browser saw it, in ms from the start of the run. */
  at: number;
  /** For an `answer`: whether it was the 201 that made the session. */
  created?: boolean;
}

// At the same moment, things happen in the order a race can: a request reaches the server before it is answered, and so on.
const STEP_ORDER: Record<LiveStep, number> = {
  open: 0,
  key: 1,
  send: 2,
  arrive: 3,
  answer: 4,
  wait: 5,
  heard: 6,
  settle: 7,
  reopen: 8,
};

/**
 * The observations in the order their parties saw them, each with the time it is shown at:
 * - a client sends its create-session when it makes its key (`send`); the browser sends it one network delay later,
 *   when the simulation says it reaches the server (`arrive`);
 * - the server made the session before it announced it or turned anyone away, so its 201 is shown no later than the
 *   first announcement heard and the first 409 seen;
 * - what the server says (its answer, then `wait` and `settle`; the announcement, `heard`) reaches a client one
 *   network delay after the browser saw it.
 */
export function orderLiveObservations<T extends LiveObservation>(
  observations: readonly T[],
  networkMs: readonly number[],
): Array<T & { shownAt: number }> {
  const delay = (client: number | null) => (client === null ? 0 : (networkMs[client] ?? 0));
  const arrivals = new Map(
    observations.filter((entry) => entry.kind === 'arrive').map((entry) => [entry.client, entry.at]),
  );
  const serverSpoke = observations
    .filter((entry) => entry.kind === 'heard' || (entry.kind === 'answer' && !entry.created))
    .map((entry) => entry.at);

  const shown = observations.map((entry): T & { shownAt: number } => {
    switch (entry.kind) {
      case 'answer': {
        const latest = entry.created ? Math.min(entry.at, ...serverSpoke) : entry.at;
        return { ...entry, shownAt: Math.max(latest, arrivals.get(entry.client) ?? -Infinity) };
      }
      case 'wait':
      case 'heard':
      case 'settle':
        return { ...entry, shownAt: entry.at + delay(entry.client) };
      default:
        return { ...entry, shownAt: entry.at };
    }
  });
  const last = Math.max(0, ...shown.filter((entry) => entry.kind !== 'reopen').map((entry) => entry.shownAt));
  for (const entry of shown) if (entry.kind === 'reopen') entry.shownAt = Math.max(entry.shownAt, last);

  const order = shown.map((entry, index) => ({ entry, index }));
  order.sort(
    (a, b) =>
      a.entry.shownAt - b.entry.shownAt ||
      STEP_ORDER[a.entry.kind] - STEP_ORDER[b.entry.kind] ||
      Number(Boolean(b.entry.created)) - Number(Boolean(a.entry.created)) ||
      (a.entry.client ?? -1) - (b.entry.client ?? -1) ||
      a.index - b.index,
  );
  return order.map(({ entry }) => entry);
}

/** One event of a live run (lib/race/live-run), at the time the browser saw it. */
export type LiveEvent = Omit<TimelineEntry, 'index' | 'at'> & LiveObservation;

/** The events of a live run as the timeline and the event list show them: in the order their parties saw them. */
export function liveTimeline(events: readonly LiveEvent[], networkMs: readonly number[]): TimelineEntry[] {
  return orderLiveObservations(events, networkMs).map(({ shownAt, ...entry }, index) => ({
    ...entry,
    index,
    at: Math.round(shownAt),
  }));
}

export interface OverlappingCreates {
  /** In the order they reached the server. */
  clients: number[];
  /** From the first arrival to the last, in ms. */
  withinMs: number;
}

/**
 * Create-sessions that reached the server while an earlier one was still unanswered: with them, which one the
 * server takes first comes down to those milliseconds.
 */
export function overlappingCreates(observations: readonly LiveObservation[]): OverlappingCreates[] {
  const answered = new Map(
    observations.filter((entry) => entry.kind === 'answer').map((entry) => [entry.client, entry.at]),
  );
  const arrivals = observations
    .filter((entry) => entry.kind === 'arrive' && entry.client !== null)
    .sort((a, b) => a.at - b.at);
  const groups: Array<{ clients: number[]; first: number; last: number; openUntil: number }> = [];
  for (const arrival of arrivals) {
    const answerAt = answered.get(arrival.client) ?? Infinity;
    const group = groups.at(-1);
    if (group && arrival.at < group.openUntil) {
      group.clients.push(arrival.client!);
      group.last = arrival.at;
      group.openUntil = Math.max(group.openUntil, answerAt);
    } else {
      groups.push({ clients: [arrival.client!], first: arrival.at, last: arrival.at, openUntil: answerAt });
    }
  }
  return groups
    .filter((group) => group.clients.length > 1)
    .map((group) => ({ clients: group.clients, withinMs: Math.round(group.last - group.first) }));
}

function names(clients: number[]): string {
  const owned = clients.map((client) => `${clientName(client)}’s`);
  return owned.length <= 2 ? owned.join(' and ') : `${owned.slice(0, -1).join(', ')} and ${owned.at(-1)}`;
}

export function describeOverlap(overlap: OverlappingCreates, winner: number | null): string {
  const within = overlap.withinMs === 0 ? 'in the same millisecond' : `within ${overlap.withinMs} ms of each other`;
  const took = winner !== null && overlap.clients.includes(winner) ? ` It took ${clientName(winner)}’s.` : '';
  return `${names(overlap.clients)} create-session reached the server ${within}, before it had answered the first: which one the server takes first comes down to those milliseconds.${took}`;
}
