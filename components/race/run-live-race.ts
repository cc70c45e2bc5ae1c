import { clientTimes, type ProviderBehaviour, type RaceOutcome, type RaceTiming } from '@/lib/race';
import { liveDocumentId, readCreateAnswer, readSessionAvailable, sessionPath } from '@/lib/race/live';
import type { LiveEvent } from '@/lib/race/live-order';
import { createSessionBody, seeLive, startLiveRun, type LiveFact } from '@/lib/race/live-run';

/**
 * The same race against this server's real session API: one event stream per client, opened first, then every
 * client's create-session after its chosen delay. This is only the browser's side (requests, streams, timers): what
 * it sees goes into lib/race/live-run, which keeps the simulated provider and gives back the events and the outcome.
 */
export type LiveOutcome = RaceOutcome & { documentId: string };

export class LiveRaceError extends Error {}

// Generous: the first request to a fresh server also starts its database.
const OPEN_TIMEOUT_MS = 60_000;
const RUN_TIMEOUT_MS = 30_000; // once the streams are open

export async function runLiveRace(input: {
  clients: number;
  provider: ProviderBehaviour;
  timing: RaceTiming;
  onEntry: (entry: LiveEvent) => void;
}): Promise<LiveOutcome> {
  const documentId = liveDocumentId(crypto.randomUUID());
  const base = sessionPath(documentId);
  const started = performance.now();
  let over = false;
  const now = () => performance.now() - started;
  let run = startLiveRun({ documentId, provider: input.provider, timing: input.timing });
  const see = (fact: LiveFact) => {
    if (over) return run;
    const before = run.events.length;
    run = seeLive(run, fact);
    for (const entry of run.events.slice(before)) input.onEntry(entry);
    return run;
  };
  const sources: EventSource[] = [];
  const timers: number[] = [];

  try {
    await Promise.all(
      Array.from({ length: input.clients }, async (_, client) => {
        await openStream(`${base}/events`, (source) => (sources[client] = source));
        see({ kind: 'open', client, at: now() });
      }),
    );
    return await new Promise<LiveOutcome>((resolveRun, rejectRun) => {
      const reject = (error: Error) => {
        over = true;
        rejectRun(error);
      };
      // What the browser saw goes to the model; once every client has settled, the run is over.
      const seeAndCheck = (fact: LiveFact) => {
        let outcome: RaceOutcome | null;
        try {
          outcome = see(fact).outcome;
        } catch (error) {
          reject(new LiveRaceError((error as Error).message));
          return;
        }
        if (outcome && !over) {
          over = true;
          resolveRun({ ...outcome, documentId });
        }
      };
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

      sources.forEach((source, client) => {
        source.addEventListener('session-available', (event) => {
          const { data } = event as MessageEvent<string>;
          const announced = readSessionAvailable(data);
          if (!announced) {
            reject(
              new LiveRaceError(`The event stream sent session-available with data ${data}, not {"keyHint": "…"}.`),
            );
            return;
          }
          seeAndCheck({ kind: 'heard', client, at: now(), keyHint: announced.keyHint, data });
        });
      });

      input.timing.clients.forEach((timing, client) => {
        const times = clientTimes(timing);
        timers.push(
          window.setTimeout(() => seeAndCheck({ kind: 'key', client, at: now() }), times.keyAt),
          // The browser sends it when the simulated request would reach the server, so "reaches the server first" means the same here.
          window.setTimeout(() => void create(client), times.arrivesAt),
        );
      });

      const create = async (client: number) => {
        const body = createSessionBody(run, client);
        seeAndCheck({ kind: 'arrive', client, at: now() });
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
        seeAndCheck({ kind: 'answer', client, at: now(), answer, status: response.status, body: json });
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
