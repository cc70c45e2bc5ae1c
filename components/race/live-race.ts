import './zod-without-eval';
import {
  clientName,
  clientTimes,
  initialProvider,
  keyForHint,
  makeKey,
  type ProviderBehaviour,
  type ProviderState,
  type RaceTiming,
} from '@/lib/race';
import { liveDocumentId, readCreateAnswer, readSessionAvailable } from '@/lib/race/live';
import type { LiveObservation } from '@/lib/race/live-order';
import type { TimelineEntry } from './timeline-entry';

/** One thing the browser saw, at the time it saw it; lib/race/live-order puts them in the order their parties saw them. */
export type LiveEntry = Omit<TimelineEntry, 'index' | 'at'> & LiveObservation;

/**
 * The same race against this server's real session API: one event stream per client, opened first, then every
 * client's create-session after its chosen delay. The encryption provider is still the simulated one (the server
 * never sees keys), so the lanes show the real answers and what the chosen provider makes of them.
 */
export interface LiveOutcome {
  documentId: string;
  winner: number;
  winnerHint: string;
  cannotDecrypt: number[];
  contentLost: boolean;
}

export class LiveRaceError extends Error {}

/** What the page knows about one client during a live run. */
interface LiveClient {
  key: string | null;
  hint: string | null;
  /** The server's answer to its create-session. */
  answer: { kind: 'created' | 'rejected'; keyHint: string } | null;
  /** The key hint its event stream announced. */
  announced: string | null;
  done: boolean;
  canDecrypt: boolean;
}

// Generous: the first request to a fresh server also starts its database.
const OPEN_TIMEOUT_MS = 60_000;
const RUN_TIMEOUT_MS = 30_000; // once the streams are open

export async function runLiveRace(input: {
  clients: number;
  provider: ProviderBehaviour;
  timing: RaceTiming;
  onEntry: (entry: LiveEntry) => void;
}): Promise<LiveOutcome> {
  const documentId = liveDocumentId(crypto.randomUUID());
  const base = `/api/sessions/${encodeURIComponent(documentId)}`;
  const started = performance.now();
  let over = false;
  const now = () => performance.now() - started;
  // `at` when one moment has several events (a client makes its key and sends at once).
  const emit = (entry: Omit<LiveEntry, 'at'>, at = now()) => {
    if (!over) input.onEntry({ ...entry, at });
  };
  const sources: EventSource[] = [];
  const timers: number[] = [];

  try {
    await Promise.all(
      Array.from({ length: input.clients }, async (_, client) => {
        await openStream(`${base}/events`, (source) => (sources[client] = source));
        emit({
          kind: 'open',
          client,
          lane: client,
          step: 1,
          tone: 'info',
          text: `${clientName(client)} opens its event stream for the new document ${documentId}; no session yet.`,
          detail: `GET ${base}/events`,
        });
      }),
    );
    return await new Promise<LiveOutcome>((resolveRun, rejectRun) => {
      const resolve = (outcome: LiveOutcome) => {
        over = true;
        resolveRun(outcome);
      };
      const reject = (error: Error) => {
        over = true;
        rejectRun(error);
      };
      let provider: ProviderState = initialProvider(input.provider);
      const clients = Array.from({ length: input.clients }, (): LiveClient => ({
        key: null,
        hint: null,
        answer: null,
        announced: null,
        done: false,
        canDecrypt: true,
      }));
      let winner: number | null = null;
      // The provider is simulated here, so the key behind the announced hint is the one the client holding that hint made.
      const keyBehind = (hint: string) => clients.find((entry) => entry.hint === hint)?.key ?? null;
      timers.push(
        window.setTimeout(
          () =>
            reject(
              new LiveRaceError(
                `No answer within ${RUN_TIMEOUT_MS / 1000} s: the session API or its event stream stopped responding.`,
              ),
            ),
          RUN_TIMEOUT_MS,
        ),
      );

      const settle = (client: number) => {
        const state = clients[client]!;
        if (state.done || !state.answer || state.announced === null) return;
        state.done = true;
        const name = clientName(client);
        if (state.answer.kind === 'created') {
          emit({
            kind: 'settle',
            client,
            lane: client,
            step: 7,
            tone: 'good',
            text: `${name} has its 201 and the announcement: it starts editing with its own key ${state.key}.`,
          });
        } else {
          const answer = keyForHint(provider, state.announced);
          provider = answer.state;
          const winnerKey = keyBehind(state.announced);
          state.canDecrypt = answer.key !== null && answer.key === winnerKey;
          emit({
            kind: 'settle',
            client,
            lane: client,
            step: 7,
            tone: state.canDecrypt ? 'good' : 'bad',
            text: state.canDecrypt
              ? `${name} asks its provider for the key for hint ${state.announced}, gets ${answer.key}, decrypts: collaboration begins.`
              : `${name} asks its provider for the key for hint ${state.announced} and gets ${answer.key ?? 'nothing'}, not ${winnerKey}: ${name} cannot decrypt the document.`,
          });
        }
        if (clients.every((entry) => entry.done)) finish();
      };

      const finish = () => {
        const winnerKey = keyBehind(clients[winner!]!.answer!.keyHint);
        const later = keyForHint(provider, clients[winner!]!.answer!.keyHint);
        const contentLost = later.key === null || later.key !== winnerKey;
        emit({
          kind: 'reopen',
          client: null,
          lane: 'server',
          step: null,
          tone: contentLost ? 'bad' : 'good',
          text: contentLost
            ? `Reopening the document later would get ${later.key ?? 'no key'} for the session's hint, not ${winnerKey}: the content is lost.`
            : `Reopening the document later gets ${winnerKey} again: the content stays readable.`,
        });
        resolve({
          documentId,
          winner: winner!,
          winnerHint: clients[winner!]!.answer!.keyHint,
          cannotDecrypt: clients.flatMap((entry, client) => (entry.canDecrypt ? [] : [client])),
          contentLost,
        });
      };

      sources.forEach((source, client) => {
        source.addEventListener('session-available', (event) => {
          const data = readSessionAvailable((event as MessageEvent<string>).data);
          if (!data) {
            reject(
              new LiveRaceError(
                `The event stream sent session-available with data ${(event as MessageEvent<string>).data}, not {"keyHint": "…"}.`,
              ),
            );
            return;
          }
          if (clients[client]!.announced !== null) return;
          clients[client]!.announced = data.keyHint;
          emit({
            kind: 'heard',
            client,
            lane: client,
            step: 6,
            tone: 'info',
            text: `${clientName(client)} hears "new session available" with key hint ${data.keyHint}.`,
            detail: `event: session-available\ndata: ${(event as MessageEvent<string>).data}`,
          });
          settle(client);
        });
      });

      input.timing.clients.forEach((timing, client) => {
        const name = clientName(client);
        const times = clientTimes(timing);
        timers.push(
          window.setTimeout(() => {
            const at = now();
            const made = makeKey(provider);
            provider = made.state;
            clients[client]!.key = made.record.key;
            clients[client]!.hint = made.record.hint;
            const gone = made.discarded.map((record) => record.key).join(', ');
            emit(
              {
                kind: 'key',
                client,
                lane: client,
                step: 2,
                tone: 'info',
                text: `${name}'s provider makes ${made.record.key} (hint ${made.record.hint}) without a hint.${gone ? ` It discards ${gone}.` : ''}`,
              },
              at,
            );
            emit(
              {
                kind: 'send',
                client,
                lane: client,
                step: 3,
                tone: 'info',
                text: `${name} sends create-session; after its ${timing.networkMs} ms network delay it reaches the server.`,
                detail: `POST ${base}\n${JSON.stringify(createBody(client))}`,
              },
              at,
            );
          }, times.keyAt),
          // The browser sends it when the simulated request would reach the server, so "reaches the server first" means the same here.
          window.setTimeout(() => void create(client, name), times.arrivesAt),
        );
      });

      const createBody = (client: number) => ({
        keyHint: clients[client]!.hint,
        content: `Initial content of client ${clientName(client)}, encrypted with ${clients[client]!.key}`,
      });
      const create = async (client: number, name: string) => {
        const body = createBody(client);
        emit({
          kind: 'arrive',
          client,
          lane: 'server',
          step: 3,
          tone: 'info',
          text: `${name}'s create-session reaches the server.`,
        });
        let response: Response;
        let json: unknown;
        try {
          response = await fetch(base, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          });
          json = await response.json().catch(() => null);
        } catch (error) {
          reject(new LiveRaceError(`The session API could not be reached: ${(error as Error).message}.`));
          return;
        }
        const answer = readCreateAnswer(response.status, json);
        if (answer.kind === 'unexpected') {
          reject(new LiveRaceError(answer.message));
          return;
        }
        clients[client]!.answer = answer;
        if (answer.kind === 'created') winner = client;
        emit({
          kind: 'answer',
          client,
          created: answer.kind === 'created',
          lane: 'server',
          step: 4,
          tone: answer.kind === 'created' ? 'good' : 'info',
          text:
            answer.kind === 'created'
              ? `The server accepts ${name}: it wins with key hint ${answer.keyHint}.`
              : `The server rejects ${name}: the session belongs to key hint ${answer.keyHint}.`,
          detail: `${response.status} ${JSON.stringify(json)}`,
        });
        if (answer.kind === 'rejected' && clients[client]!.announced === null)
          emit({
            kind: 'wait',
            client,
            lane: client,
            step: 5,
            tone: 'info',
            text: `${name} waits for the server to announce the session.`,
          });
        settle(client);
      };
    });
  } finally {
    for (const timer of timers) window.clearTimeout(timer);
    sources.forEach((source) => source.close());
  }
}

/** Opens one event stream; `keep` gets it at once, so it is closed at the end even if it never opens. */
function openStream(url: string, keep: (source: EventSource) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const source = new EventSource(url);
    keep(source);
    const timer = window.setTimeout(
      () => reject(new LiveRaceError('The session event stream did not open in time.')),
      OPEN_TIMEOUT_MS,
    );
    source.addEventListener(
      'open',
      () => {
        window.clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
    source.addEventListener(
      'error',
      () => {
        if (source.readyState === EventSource.OPEN) return;
        window.clearTimeout(timer);
        reject(
          new LiveRaceError(
            `The session event stream at ${url} could not be opened. Is the session API running on this server?`,
          ),
        );
      },
      { once: true },
    );
  });
}
