import {
  clientName,
  decrypts,
  InvalidScheduleError,
  judgeRace,
  waitsForAnnouncementText,
  type RaceOutcome,
} from './engine';
import { sessionPath } from './live';
import { liveTimeline, type LiveEvent } from './live-order';
import { initialProvider, keyForHint, makeKey, type ProviderBehaviour, type ProviderState } from './providers';
import type { RaceTiming } from './schedule';

/**
 * The race run against the server's real session API, as a fold over what the browser saw: the real answers go in
 * (each stream opening, each create-session answered 201 or 409 with a key hint, each announcement), the chosen
 * provider's keys and the texts of every event come out, and once every client has settled, the outcome, judged as
 * the simulation judges it. The provider stays simulated (the server never sees keys). Pure: every call returns a
 * new run.
 */

/** What the browser saw, in the order it saw it. */
export type LiveFact =
  | { kind: 'open'; client: number; at: number }
  /** The client's provider is due to make its key, and the client sends its create-session. */
  | { kind: 'key'; client: number; at: number }
  /** The browser passes the create-session on, when the simulated request reaches the server. */
  | { kind: 'arrive'; client: number; at: number }
  | {
      kind: 'answer';
      client: number;
      at: number;
      answer: { kind: 'created' | 'rejected'; keyHint: string };
      /** The real answer, shown as it came. */
      status: number;
      body: unknown;
    }
  | { kind: 'heard'; client: number; at: number; keyHint: string; /** The event's data as it came. */ data: string };

interface LiveClient {
  key: string | null;
  hint: string | null;
  /** The server's answer to its create-session. */
  answer: { kind: 'created' | 'rejected'; keyHint: string } | null;
  /** The key hint its event stream announced first. */
  announced: string | null;
  /** The key it holds once it has both the answer and the announcement; undefined until then. */
  settledKey: string | null | undefined;
}

export interface LiveRun {
  documentId: string;
  timing: RaceTiming;
  provider: ProviderState;
  clients: readonly LiveClient[];
  /** The client the server answered 201. */
  winner: number | null;
  /** In the order the browser saw them. */
  events: readonly LiveEvent[];
  /** Set once every client has settled. */
  outcome: RaceOutcome | null;
}

export function startLiveRun(input: { documentId: string; provider: ProviderBehaviour; timing: RaceTiming }): LiveRun {
  return {
    documentId: input.documentId,
    timing: input.timing,
    provider: initialProvider(input.provider),
    clients: input.timing.clients.map(() => ({
      key: null,
      hint: null,
      answer: null,
      announced: null,
      settledKey: undefined,
    })),
    winner: null,
    events: [],
    outcome: null,
  };
}

/** What a client's create-session carries: its key hint and its initial content, encrypted with its own key. */
export function createSessionBody(run: LiveRun, client: number): { keyHint: string | null; content: string } {
  const lane = clientOf(run, client);
  return {
    keyHint: lane.hint,
    content: `Initial content of client ${clientName(client)}, encrypted with ${lane.key}`,
  };
}

export function replayLiveRun(run: LiveRun, facts: readonly LiveFact[]): LiveRun {
  return facts.reduce(seeLive, run);
}

export function seeLive(run: LiveRun, fact: LiveFact): LiveRun {
  if (run.outcome) return run;
  const name = clientName(fact.client);
  const path = sessionPath(run.documentId);
  const base = { client: fact.client, at: fact.at };
  switch (fact.kind) {
    case 'open':
      return withEvents(run, {
        ...base,
        kind: 'open',
        lane: fact.client,
        step: 1,
        tone: 'info',
        text: `${name} opens its event stream for the new document ${run.documentId}; no session yet.`,
        detail: `GET ${path}/events`,
      });
    case 'key': {
      const made = makeKey(run.provider);
      const next = {
        ...withClient(run, fact.client, { key: made.record.key, hint: made.record.hint }),
        provider: made.state,
      };
      const gone = made.discarded.map((record) => record.key).join(', ');
      const networkMs = run.timing.clients[fact.client]?.networkMs ?? 0;
      return withEvents(
        next,
        {
          ...base,
          kind: 'key',
          lane: fact.client,
          step: 2,
          tone: 'info',
          text: `${name}'s provider makes ${made.record.key} (hint ${made.record.hint}) without a hint.${gone ? ` It discards ${gone}.` : ''}`,
        },
        {
          ...base,
          kind: 'send',
          lane: fact.client,
          step: 3,
          tone: 'info',
          text: `${name} sends create-session; after its ${networkMs} ms network delay it reaches the server.`,
          detail: `POST ${path}\n${JSON.stringify(createSessionBody(next, fact.client))}`,
        },
      );
    }
    case 'arrive':
      return withEvents(run, {
        ...base,
        kind: 'arrive',
        lane: 'server',
        step: 3,
        tone: 'info',
        text: `${name}'s create-session reaches the server.`,
      });
    case 'answer': {
      const { answer } = fact;
      let next = withEvents(
        {
          ...withClient(run, fact.client, { answer }),
          winner: answer.kind === 'created' ? fact.client : run.winner,
        },
        {
          ...base,
          kind: 'answer',
          created: answer.kind === 'created',
          lane: 'server',
          step: 4,
          tone: answer.kind === 'created' ? 'good' : 'info',
          text:
            answer.kind === 'created'
              ? `The server accepts ${name}: it wins with key hint ${answer.keyHint}.`
              : `The server rejects ${name}: the session belongs to key hint ${answer.keyHint}.`,
          detail: `${fact.status} ${JSON.stringify(fact.body)}`,
        },
      );
      if (answer.kind === 'rejected' && clientOf(run, fact.client).announced === null)
        next = withEvents(next, {
          ...base,
          kind: 'wait',
          lane: fact.client,
          step: 5,
          tone: 'info',
          text: waitsForAnnouncementText(name),
        });
      return settle(next, fact.client, fact.at);
    }
    case 'heard': {
      // A stream may repeat the announcement (on reconnecting); the first one is what the client acts on.
      if (clientOf(run, fact.client).announced !== null) return run;
      const next = withEvents(withClient(run, fact.client, { announced: fact.keyHint }), {
        ...base,
        kind: 'heard',
        lane: fact.client,
        step: 6,
        tone: 'info',
        text: `${name} hears "new session available" with key hint ${fact.keyHint}.`,
        detail: `event: session-available\ndata: ${fact.data}`,
      });
      return settle(next, fact.client, fact.at);
    }
  }
}

/** A client with both its answer and the announcement: the winner edits, every other one asks its provider for the key. */
function settle(run: LiveRun, client: number, at: number): LiveRun {
  const lane = clientOf(run, client);
  if (lane.settledKey !== undefined || !lane.answer || lane.announced === null) return run;
  const name = clientName(client);
  const base = { kind: 'settle', client, at, lane: client, step: 7 } as const;
  let next: LiveRun;
  if (lane.answer.kind === 'created') {
    next = withEvents(withClient(run, client, { settledKey: lane.key }), {
      ...base,
      tone: 'good',
      text: `${name} has its 201 and the announcement: it starts editing with its own key ${lane.key}.`,
    });
  } else {
    const answer = keyForHint(run.provider, lane.announced);
    const winnerKey = keyBehind(run, lane.announced);
    const canDecrypt = decrypts(answer.key, winnerKey);
    next = withEvents(
      { ...withClient(run, client, { settledKey: answer.key }), provider: answer.state },
      {
        ...base,
        tone: canDecrypt ? 'good' : 'bad',
        text: canDecrypt
          ? `${name} asks its provider for the key for hint ${lane.announced}, gets ${answer.key}, decrypts: collaboration begins.`
          : `${name} asks its provider for the key for hint ${lane.announced} and gets ${answer.key ?? 'nothing'}, not ${winnerKey}: ${name} cannot decrypt the document.`,
      },
    );
  }
  return next.clients.every((entry) => entry.settledKey !== undefined) ? finish(next, at) : next;
}

/** Every client has settled: the later check on the stored content, then the outcome. */
function finish(run: LiveRun, at: number): LiveRun {
  const winner = run.winner;
  const winnerHint = winner === null ? null : (clientOf(run, winner).answer?.keyHint ?? null);
  if (winner === null || winnerHint === null)
    throw new InvalidScheduleError('No create-session was answered 201: the session API made no session.');
  const winnerKey = keyBehind(run, winnerHint);
  if (winnerKey === null)
    throw new InvalidScheduleError(
      `The session API made the session with key hint ${winnerHint}, which no client sent.`,
    );
  const later = keyForHint(run.provider, winnerHint);
  const contentLost = !decrypts(later.key, winnerKey);
  const next = withEvents(
    { ...run, provider: later.state },
    {
      kind: 'reopen',
      client: null,
      at,
      lane: 'server',
      step: null,
      tone: contentLost ? 'bad' : 'good',
      text: contentLost
        ? `Reopening the document later would get ${later.key ?? 'no key'} for the session's hint, not ${winnerKey}: the content is lost.`
        : `Reopening the document later gets ${winnerKey} again: the content stays readable.`,
    },
  );
  const outcome = judgeRace({
    winner,
    winnerHint,
    winnerKey,
    clients: next.clients.map((lane, client) => ({
      client,
      role: client === winner ? 'winner' : 'loser',
      key: lane.settledKey ?? null,
    })),
    reopenedKey: later.key,
    events: liveTimeline(
      next.events,
      next.timing.clients.map((client) => client.networkMs),
    ),
  });
  return { ...next, outcome };
}

// The provider is simulated here, so the key behind an announced hint is the one the client holding that hint made.
function keyBehind(run: LiveRun, hint: string): string | null {
  return run.clients.find((entry) => entry.hint === hint)?.key ?? null;
}

function clientOf(run: LiveRun, client: number): LiveClient {
  const lane = run.clients[client];
  if (!lane) throw new InvalidScheduleError(`there is no client ${client}`);
  return lane;
}

function withClient(run: LiveRun, client: number, change: Partial<LiveClient>): LiveRun {
  clientOf(run, client);
  return { ...run, clients: run.clients.map((lane, index) => (index === client ? { ...lane, ...change } : lane)) };
}

function withEvents(run: LiveRun, ...events: LiveEvent[]): LiveRun {
  return { ...run, events: [...run.events, ...events] };
}
