import { initialProvider, keyForHint, makeKey, type ProviderBehaviour, type ProviderState } from './providers';

/**
 * The race of several clients creating one collaboration session, as the connection process describes it
 * (docs: /docs/session-race). Given the order in which things happen, it replays them one by one and records
 * every lane's state after each event and the outcome. Pure and deterministic.
 */

/** One thing that happens. Clients act in the order of their steps; the schedule says how their steps interleave. */
export type RaceAction =
  | { kind: 'request'; client: number }
  | { kind: 'make-key'; client: number }
  | { kind: 'send-create'; client: number }
  | { kind: 'create-arrives'; client: number }
  | { kind: 'broadcast' }
  | { kind: 'fetch-key'; client: number }
  | { kind: 'reopen' };

export interface ScheduledAction {
  action: RaceAction;
  /** Milliseconds from the start, when the schedule comes from timings. */
  at?: number;
}

export type ClientRole = 'winner' | 'loser' | 'joiner';
export type ClientPhase =
  'idle' | 'no-session' | 'has-key' | 'sent' | 'won' | 'waiting' | 'joining' | 'collaborating' | 'cannot-decrypt';

export interface ClientLane {
  phase: ClientPhase;
  role: ClientRole | null;
  /** The key the client holds (its own at first, then the one its provider gave for the winner's hint). */
  key: string | null;
  hint: string | null;
  /** The HTTP status the create-session request got: 201 for the winner, 409 for the others. */
  status: 201 | 409 | null;
}

export interface ServerLane {
  session: 'none' | 'creating' | 'available';
  winner: number | null;
  hint: string | null;
}

export interface LaneSnapshot {
  clients: ClientLane[];
  server: ServerLane;
  /** The key hints the provider can still look up. */
  providerHints: string[];
}

export type EventTone = 'info' | 'good' | 'bad';

export interface RaceEvent {
  index: number;
  at?: number;
  /** The step of the connection process (1–7); null for the later check on the stored content. */
  step: number | null;
  /** Which lane acts: a client's index, or the server. */
  lane: number | 'server';
  kind: RaceAction['kind'] | 'reject-wait';
  text: string;
  tone: EventTone;
  /** Keys the provider threw away at this event. */
  discarded?: string[];
  lanes: LaneSnapshot;
}

/** What the timeline and the event list need from an event, simulated (a RaceEvent) or seen live. */
export interface TimelineEntry {
  index: number;
  lane: number | 'server';
  step: number | null;
  text: string;
  tone: EventTone;
  at?: number;
  /** The real request or answer, for live events. */
  detail?: string;
}

export interface ClientOutcome {
  client: number;
  role: ClientRole;
  /** The key its provider gave for the winner's hint (the winner keeps its own). */
  key: string | null;
  canDecrypt: boolean;
}

export interface RaceOutcome {
  winner: number;
  winnerHint: string;
  winnerKey: string;
  clients: ClientOutcome[];
  /** Clients that joined (lost the race or came late) but cannot decrypt the session. */
  cannotDecrypt: number[];
  /** The key the session was encrypted with can no longer be had for its hint: reopening the document fails for everyone. */
  contentLost: boolean;
  dataLost: boolean;
  /** Index of the first event where something broke, or null. */
  firstBreak: number | null;
}

export interface RaceResult {
  clients: number;
  provider: ProviderBehaviour;
  events: RaceEvent[];
  outcome: RaceOutcome;
}

export const CLIENT_NAMES = ['A', 'B', 'C', 'D'] as const;
export const MAX_CLIENTS = CLIENT_NAMES.length;

export function clientName(client: number): string {
  return CLIENT_NAMES[client] ?? `#${client + 1}`;
}

export class InvalidScheduleError extends Error {}

interface State {
  clients: ClientLane[];
  server: ServerLane;
  provider: ProviderState;
  winnerKey: string | null;
  /** What the later check on the stored content got for the session's hint; undefined until it ran. */
  reopenedKey: string | null | undefined;
}

export function runRace(input: {
  clients: number;
  provider: ProviderBehaviour;
  schedule: readonly ScheduledAction[];
}): RaceResult {
  if (!Number.isInteger(input.clients) || input.clients < 2 || input.clients > MAX_CLIENTS) {
    throw new InvalidScheduleError(`clients must be 2 to ${MAX_CLIENTS}`);
  }
  let state = initialState(input.clients, input.provider);
  const events: RaceEvent[] = [];
  for (const { action, at } of input.schedule) {
    const produced = apply(state, action);
    state = produced.state;
    for (const event of produced.events) {
      events.push({ ...event, index: events.length, ...(at === undefined ? {} : { at }), lanes: snapshot(state) });
    }
  }
  markLostWinningKey(events, state.winnerKey);
  return { clients: input.clients, provider: input.provider, events, outcome: outcomeOf(state, events) };
}

/**
 * A key discarded before anyone knew it would win looked harmless at the time; once the winner is known,
 * the event that threw its key away is where the race was lost.
 */
function markLostWinningKey(events: RaceEvent[], winnerKey: string | null): void {
  const event = events.find(
    (candidate) => candidate.tone !== 'bad' && winnerKey !== null && candidate.discarded?.includes(winnerKey),
  );
  if (!event) return;
  event.tone = 'bad';
  event.text += ` ${winnerKey} turns out to be the winning key: this is where the race loses it.`;
}

type Draft = Omit<RaceEvent, 'index' | 'at' | 'lanes'>;

function initialState(clients: number, provider: ProviderBehaviour): State {
  return {
    clients: Array.from({ length: clients }, () => ({
      phase: 'idle',
      role: null,
      key: null,
      hint: null,
      status: null,
    })),
    server: { session: 'none', winner: null, hint: null },
    provider: initialProvider(provider),
    winnerKey: null,
    reopenedKey: undefined,
  };
}

/** The lanes before anything has happened. */
export function startingLanes(clients: number, provider: ProviderBehaviour): LaneSnapshot {
  return snapshot(initialState(clients, provider));
}

function snapshot(state: State): LaneSnapshot {
  return {
    clients: state.clients.map((lane) => ({ ...lane })),
    server: { ...state.server },
    providerHints: state.provider.store.map((record) => record.hint),
  };
}

function withClient(state: State, client: number, change: Partial<ClientLane>): State {
  return { ...state, clients: state.clients.map((lane, index) => (index === client ? { ...lane, ...change } : lane)) };
}

function laneOf(state: State, client: number): ClientLane {
  const lane = state.clients[client];
  if (!lane) throw new InvalidScheduleError(`there is no client ${client}`);
  return lane;
}

function expectPhase(state: State, client: number, phases: ClientPhase[], action: string): ClientLane {
  const lane = laneOf(state, client);
  if (!phases.includes(lane.phase))
    throw new InvalidScheduleError(`${clientName(client)} cannot ${action} while ${lane.phase}`);
  return lane;
}

function apply(state: State, action: RaceAction): { state: State; events: Draft[] } {
  switch (action.kind) {
    case 'request':
      return request(state, action.client);
    case 'make-key':
      return makeOwnKey(state, action.client);
    case 'send-create': {
      const lane = expectPhase(state, action.client, ['has-key'], 'send create-session');
      const name = clientName(action.client);
      return {
        state: withClient(state, action.client, { phase: 'sent' }),
        events: [
          {
            step: 3,
            lane: action.client,
            kind: 'send-create',
            tone: 'info',
            text: `${name} sends "create session" with key hint ${lane.hint} and its encrypted content.`,
          },
        ],
      };
    }
    case 'create-arrives':
      return createArrives(state, action.client);
    case 'broadcast':
      return broadcast(state);
    case 'fetch-key':
      return fetchWinnersKey(state, action.client);
    case 'reopen':
      return reopen(state);
  }
}

function request(state: State, client: number): { state: State; events: Draft[] } {
  expectPhase(state, client, ['idle'], 'ask for a session');
  const name = clientName(client);
  if (state.server.session === 'available') {
    return {
      state: withClient(state, client, { phase: 'joining', role: 'joiner', hint: state.server.hint }),
      events: [
        {
          step: 1,
          lane: client,
          kind: 'request',
          tone: 'info',
          text: `${name} asks for a session; the server already has one, with key hint ${state.server.hint}. No race for ${name}.`,
        },
      ],
    };
  }
  return {
    state: withClient(state, client, { phase: 'no-session' }),
    events: [
      {
        step: 1,
        lane: client,
        kind: 'request',
        tone: 'info',
        text: `${name} asks for a session for the document; the server has none yet.`,
      },
    ],
  };
}

function makeOwnKey(state: State, client: number): { state: State; events: Draft[] } {
  expectPhase(state, client, ['no-session'], 'make a key');
  const made = makeKey(state.provider);
  const name = clientName(client);
  const gone = made.discarded.map((record) => `${record.key} (hint ${record.hint})`).join(', ');
  const text =
    `${name}'s provider makes a key without a hint: ${made.record.key}, hint ${made.record.hint}. ${name} encrypts its initial content with it.` +
    (gone ? ` The provider discards the older ${gone}.` : '');
  const winnerKeyGone = state.winnerKey !== null && made.discarded.some((record) => record.key === state.winnerKey);
  return {
    state: {
      ...withClient(state, client, { phase: 'has-key', key: made.record.key, hint: made.record.hint }),
      provider: made.state,
    },
    events: [
      {
        step: 2,
        lane: client,
        kind: 'make-key',
        tone: winnerKeyGone ? 'bad' : 'info',
        text: winnerKeyGone ? `${text} That was the winner's key.` : text,
        ...(made.discarded.length > 0 ? { discarded: made.discarded.map((record) => record.key) } : {}),
      },
    ],
  };
}

function createArrives(state: State, client: number): { state: State; events: Draft[] } {
  const lane = expectPhase(state, client, ['sent'], 'reach the server');
  const name = clientName(client);
  if (state.server.session === 'none') {
    return {
      state: {
        ...withClient(state, client, { phase: 'won', role: 'winner', status: 201 }),
        server: { session: 'creating', winner: client, hint: lane.hint },
        winnerKey: lane.key,
      },
      events: [
        {
          step: 4,
          lane: 'server',
          kind: 'create-arrives',
          tone: 'good',
          text: `${name}'s create-session reaches the server first: 201 created. ${name} wins and sets up the session with key hint ${lane.hint}.`,
        },
      ],
    };
  }
  const winner = clientName(state.server.winner ?? 0);
  const next = withClient(state, client, { phase: 'waiting', role: 'loser', status: 409 });
  return {
    state: next,
    events: [
      {
        step: 4,
        lane: 'server',
        kind: 'create-arrives',
        tone: 'info',
        text: `${name}'s create-session is rejected: 409, the session belongs to ${winner} (key hint ${state.server.hint}). ${name}'s own key ${lane.key} and content are not used.`,
      },
      {
        step: 5,
        lane: client,
        kind: 'reject-wait',
        tone: 'info',
        text:
          state.server.session === 'available'
            ? `The session is already announced, so ${name} goes straight on to fetch its key.`
            : waitsForAnnouncementText(name),
      },
    ],
  };
}

function broadcast(state: State): { state: State; events: Draft[] } {
  if (state.server.session !== 'creating' || state.server.winner === null)
    throw new InvalidScheduleError('the server can only broadcast once a creator has won');
  const winner = state.server.winner;
  return {
    state: {
      ...withClient(state, winner, { phase: 'collaborating' }),
      server: { ...state.server, session: 'available' },
    },
    events: [
      {
        step: 6,
        lane: 'server',
        kind: 'broadcast',
        tone: 'info',
        text: `The session is ready. The server broadcasts "new session available" with ${clientName(winner)}'s key hint ${state.server.hint} to every client on the document; ${clientName(winner)} starts editing.`,
      },
    ],
  };
}

function fetchWinnersKey(state: State, client: number): { state: State; events: Draft[] } {
  expectPhase(state, client, ['waiting', 'joining'], 'fetch the session key');
  if (state.server.session !== 'available' || state.server.hint === null)
    throw new InvalidScheduleError(`${clientName(client)} cannot fetch a key before the broadcast`);
  const hint = state.server.hint;
  const answer = keyForHint(state.provider, hint);
  const next = { ...state, provider: answer.state };
  const name = clientName(client);
  const asks = `${name} asks its provider for the key for hint ${hint}`;
  if (decrypts(answer.key, state.winnerKey)) {
    return {
      state: withClient(next, client, { phase: 'collaborating', key: answer.key, hint }),
      events: [
        {
          step: 7,
          lane: client,
          kind: 'fetch-key',
          tone: 'good',
          text: `${asks}, gets ${answer.key}, decrypts the content: collaboration begins.`,
        },
      ],
    };
  }
  const why =
    answer.key === null
      ? `: the provider no longer has it (it keeps only ${describeStore(next.provider)}).`
      : `and gets ${answer.key}, a new key, not ${state.winnerKey} that the content was encrypted with.`;
  return {
    state: withClient(next, client, { phase: 'cannot-decrypt', key: answer.key, hint }),
    events: [
      {
        step: 7,
        lane: client,
        kind: 'fetch-key',
        tone: 'bad',
        text: `${asks}${answer.key === null ? '' : ' '}${why} ${name} cannot decrypt the document.`,
      },
    ],
  };
}

function describeStore(provider: ProviderState): string {
  if (provider.store.length === 0) return 'nothing';
  return provider.store.map((record) => `${record.key} (hint ${record.hint})`).join(', ');
}

function reopen(state: State): { state: State; events: Draft[] } {
  if (state.server.session !== 'available' || state.server.hint === null)
    throw new InvalidScheduleError('nothing to reopen before the session exists');
  const hint = state.server.hint;
  const answer = keyForHint(state.provider, hint);
  const ok = decrypts(answer.key, state.winnerKey);
  const text = ok
    ? `Later, whoever reopens the document (${clientName(state.server.winner ?? 0)} included) asks for hint ${hint} and gets ${answer.key}: the content stays readable.`
    : `Later, whoever reopens the document (${clientName(state.server.winner ?? 0)} included) asks for hint ${hint} and gets ${answer.key ?? 'nothing'}, not ${state.winnerKey}. The stored content is lost for everyone.`;
  return {
    state: { ...state, provider: answer.state, reopenedKey: answer.key },
    events: [{ step: null, lane: 'server', kind: 'reopen', tone: ok ? 'good' : 'bad', text }],
  };
}

function outcomeOf(state: State, events: RaceEvent[]): RaceOutcome {
  const { winner, hint } = state.server;
  if (winner === null || hint === null || state.winnerKey === null)
    throw new InvalidScheduleError('the schedule ends before anyone won');
  const clients = state.clients.map((lane, client) => {
    if (lane.role === null) throw new InvalidScheduleError(`the schedule ends before ${clientName(client)} took part`);
    if (lane.role !== 'winner' && lane.phase !== 'collaborating' && lane.phase !== 'cannot-decrypt') {
      throw new InvalidScheduleError(`the schedule ends before ${clientName(client)} fetched the session key`);
    }
    return { client, role: lane.role, key: lane.key };
  });
  if (state.reopenedKey === undefined)
    throw new InvalidScheduleError('the schedule ends without the later check on the stored content');
  return judgeRace({
    winner,
    winnerHint: hint,
    winnerKey: state.winnerKey,
    clients,
    reopenedKey: state.reopenedKey,
    events,
  });
}

/** A key opens the session's content only if it is the very key the winner encrypted it with. */
export function decrypts(key: string | null, winnerKey: string | null): boolean {
  return key !== null && key === winnerKey;
}

/**
 * The outcome of a race, simulated or run live: who won, who cannot decrypt, whether the content is lost, from the
 * key each client ended up holding and the key a later reopening got for the session's hint.
 */
export function judgeRace(input: {
  winner: number;
  winnerHint: string;
  winnerKey: string;
  clients: ReadonlyArray<Omit<ClientOutcome, 'canDecrypt'>>;
  reopenedKey: string | null;
  /** The events in the order they are shown, for where it first broke. */
  events: ReadonlyArray<{ tone: EventTone }>;
}): RaceOutcome {
  const clients = input.clients.map((client): ClientOutcome => ({
    ...client,
    canDecrypt: client.role === 'winner' || decrypts(client.key, input.winnerKey),
  }));
  const cannotDecrypt = clients.filter((client) => !client.canDecrypt).map((client) => client.client);
  const contentLost = !decrypts(input.reopenedKey, input.winnerKey);
  const firstBreak = input.events.findIndex((event) => event.tone === 'bad');
  return {
    winner: input.winner,
    winnerHint: input.winnerHint,
    winnerKey: input.winnerKey,
    clients,
    cannotDecrypt,
    contentLost,
    dataLost: contentLost || cannotDecrypt.length > 0,
    firstBreak: firstBreak === -1 ? null : firstBreak,
  };
}

/** A loser's step 5 while the session is not yet announced, the same whether simulated or seen live. */
export function waitsForAnnouncementText(name: string): string {
  return `${name} waits for the server to announce the session.`;
}
