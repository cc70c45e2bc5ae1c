import { describe, expect, it } from 'vitest';
import { runRace, waitsForAnnouncementText, type RaceResult } from './engine';
import { interleavings } from './interleavings';
import { liveTimeline } from './live-order';
import { createSessionBody, replayLiveRun, seeLive, startLiveRun, type LiveFact, type LiveRun } from './live-run';
import { PROVIDER_BEHAVIOURS, PROVIDERS, type ProviderBehaviour } from './providers';
import { defaultTiming } from './scenario';
import { scheduleFromOrdering } from './schedule';

const DOCUMENT = 'race-test';
const start = (provider: ProviderBehaviour, clients = 2) =>
  startLiveRun({ documentId: DOCUMENT, provider, timing: defaultTiming(clients) });
const created = (keyHint: string) => ({ kind: 'created' as const, keyHint });
const rejected = (keyHint: string) => ({ kind: 'rejected' as const, keyHint });

// The default race as a browser sees it: B reaches the server first and wins; A's create-session comes second.
const DEFAULT_RACE: LiveFact[] = [
  { kind: 'open', client: 0, at: 1 },
  { kind: 'open', client: 1, at: 2 },
  { kind: 'key', client: 1, at: 80 },
  { kind: 'key', client: 0, at: 100 },
  { kind: 'arrive', client: 1, at: 100 },
  {
    kind: 'answer',
    client: 1,
    at: 104,
    answer: created('h1'),
    status: 201,
    body: { outcome: 'created', keyHint: 'h1' },
  },
  { kind: 'heard', client: 0, at: 105, keyHint: 'h1', data: '{"keyHint":"h1"}' },
  { kind: 'heard', client: 1, at: 105, keyHint: 'h1', data: '{"keyHint":"h1"}' },
  { kind: 'arrive', client: 0, at: 140 },
  {
    kind: 'answer',
    client: 0,
    at: 143,
    answer: rejected('h1'),
    status: 409,
    body: { outcome: 'rejected', keyHint: 'h1' },
  },
];

describe('a live run, replayed from what the browser saw', () => {
  it('gives every event its text and the real request or answer', () => {
    const run = replayLiveRun(start('dynamic'), DEFAULT_RACE);
    expect(run.events.map((event) => [event.kind, event.lane, event.step, event.tone, event.text])).toEqual([
      ['open', 0, 1, 'info', 'A opens its event stream for the new document race-test; no session yet.'],
      ['open', 1, 1, 'info', 'B opens its event stream for the new document race-test; no session yet.'],
      ['key', 1, 2, 'info', "B's provider makes K1 (hint h1) without a hint."],
      ['send', 1, 3, 'info', 'B sends create-session; after its 20 ms network delay it reaches the server.'],
      ['key', 0, 2, 'info', "A's provider makes K2 (hint h2) without a hint."],
      ['send', 0, 3, 'info', 'A sends create-session; after its 40 ms network delay it reaches the server.'],
      ['arrive', 'server', 3, 'info', "B's create-session reaches the server."],
      ['answer', 'server', 4, 'good', 'The server accepts B: it wins with key hint h1.'],
      ['heard', 0, 6, 'info', 'A hears "new session available" with key hint h1.'],
      ['heard', 1, 6, 'info', 'B hears "new session available" with key hint h1.'],
      ['settle', 1, 7, 'good', 'B has its 201 and the announcement: it starts editing with its own key K1.'],
      ['arrive', 'server', 3, 'info', "A's create-session reaches the server."],
      ['answer', 'server', 4, 'info', 'The server rejects A: the session belongs to key hint h1.'],
      ['settle', 0, 7, 'good', 'A asks its provider for the key for hint h1, gets K1, decrypts: collaboration begins.'],
      ['reopen', 'server', null, 'good', 'Reopening the document later gets K1 again: the content stays readable.'],
    ]);
    const detail = (kind: string, client: number | null) =>
      run.events.find((event) => event.kind === kind && event.client === client)?.detail;
    expect(detail('open', 0)).toBe('GET /api/sessions/race-test/events');
    expect(detail('send', 0)).toBe(
      'POST /api/sessions/race-test\n{"keyHint":"h2","content":"Initial content of client A, encrypted with K2"}',
    );
    expect(detail('answer', 1)).toBe('201 {"outcome":"created","keyHint":"h1"}');
    expect(detail('heard', 0)).toBe('event: session-available\ndata: {"keyHint":"h1"}');
    expect(createSessionBody(run, 1)).toEqual({
      keyHint: 'h1',
      content: 'Initial content of client B, encrypted with K1',
    });
    expect(run.outcome).toEqual({
      winner: 1,
      winnerHint: 'h1',
      winnerKey: 'K1',
      clients: [
        { client: 0, role: 'loser', key: 'K1', canDecrypt: true },
        { client: 1, role: 'winner', key: 'K1', canDecrypt: true },
      ],
      cannotDecrypt: [],
      contentLost: false,
      dataLost: false,
      firstBreak: null,
    });
  });

  it('has no outcome until every client has its answer and the announcement', () => {
    let run = start('dynamic');
    for (const fact of DEFAULT_RACE.slice(0, -1)) {
      run = seeLive(run, fact);
      expect(run.outcome).toBeNull();
    }
    expect(seeLive(run, DEFAULT_RACE.at(-1)!).outcome).not.toBeNull();
  });

  it('says a loser waits when its 409 comes before the announcement, and acts on the first announcement only', () => {
    const facts: LiveFact[] = [
      { kind: 'key', client: 0, at: 0 },
      { kind: 'key', client: 1, at: 0 },
      { kind: 'answer', client: 0, at: 1, answer: created('h1'), status: 201, body: null },
      { kind: 'answer', client: 1, at: 2, answer: rejected('h1'), status: 409, body: null },
      { kind: 'heard', client: 1, at: 3, keyHint: 'h1', data: '{"keyHint":"h1"}' },
      { kind: 'heard', client: 1, at: 4, keyHint: 'h1', data: '{"keyHint":"h1"}' },
    ];
    const run = replayLiveRun(start('discarding'), facts);
    expect(run.events.find((event) => event.kind === 'wait')).toMatchObject({
      lane: 1,
      step: 5,
      text: waitsForAnnouncementText('B'),
    });
    expect(run.events.filter((event) => event.kind === 'heard')).toHaveLength(1);
    const settle = run.events.find((event) => event.kind === 'settle' && event.client === 1)!;
    expect(settle).toMatchObject({ tone: 'bad' });
    expect(settle.text).toBe(
      'B asks its provider for the key for hint h1 and gets nothing, not K1: B cannot decrypt the document.',
    );
    expect(run.outcome).toBeNull();
  });

  it('judges a provider that hands out a new key: the loser cannot decrypt, the content is lost, and it says where it broke', () => {
    const run = replayLiveRun(start('new-key-per-hint'), DEFAULT_RACE);
    expect(run.outcome).toMatchObject({ winner: 1, cannotDecrypt: [0], contentLost: true, dataLost: true });
    expect(run.events.at(-1)!.text).toBe(
      "Reopening the document later would get K4 for the session's hint, not K1: the content is lost.",
    );
    const shown = liveTimeline(run.events, [40, 20]);
    expect(shown[run.outcome!.firstBreak!]).toMatchObject({ lane: 0, step: 7, tone: 'bad' });
  });

  it('refuses a run in which the server made no session, or one with a hint nobody sent', () => {
    const noWinner: LiveFact[] = [
      { kind: 'key', client: 0, at: 0 },
      { kind: 'key', client: 1, at: 0 },
      { kind: 'answer', client: 0, at: 1, answer: rejected('h9'), status: 409, body: null },
      { kind: 'answer', client: 1, at: 1, answer: rejected('h9'), status: 409, body: null },
      { kind: 'heard', client: 0, at: 2, keyHint: 'h9', data: '' },
    ];
    expect(() => replayLiveRun(start('dynamic'), [...noWinner, { ...noWinner[4]!, client: 1 } as LiveFact])).toThrow(
      /made no session/,
    );
    const strangeHint: LiveFact[] = [
      { kind: 'key', client: 0, at: 0 },
      { kind: 'key', client: 1, at: 0 },
      { kind: 'answer', client: 0, at: 1, answer: created('h9'), status: 201, body: null },
      { kind: 'answer', client: 1, at: 1, answer: rejected('h9'), status: 409, body: null },
      { kind: 'heard', client: 0, at: 2, keyHint: 'h9', data: '' },
      { kind: 'heard', client: 1, at: 2, keyHint: 'h9', data: '' },
    ];
    expect(() => replayLiveRun(start('dynamic'), strangeHint)).toThrow(/h9, which no client sent/);
  });
});

/**
 * What a browser would see if the server answered in the order a simulated schedule has it: each key made, each
 * create-session reaching the server and its answer, the winner hearing the announcement at the broadcast and every
 * loser when it goes to fetch the key.
 */
function factsFor(result: RaceResult): LiveFact[] {
  const { winner, winnerHint } = result.outcome;
  const facts: LiveFact[] = [];
  for (const event of result.events) {
    const at = event.index;
    const heard = (client: number): LiveFact => ({
      kind: 'heard',
      client,
      at,
      keyHint: winnerHint,
      data: JSON.stringify({ keyHint: winnerHint }),
    });
    if (event.kind === 'make-key') facts.push({ kind: 'key', client: event.lane as number, at });
    if (event.kind === 'send-create') {
      const client = event.lane as number;
      const answer = client === winner ? created(winnerHint) : rejected(winnerHint);
      facts.push(
        { kind: 'arrive', client, at },
        { kind: 'answer', client, at, answer, status: client === winner ? 201 : 409, body: null },
      );
    }
    if (event.kind === 'broadcast') facts.push(heard(winner));
    if (event.kind === 'fetch-key') facts.push(heard(event.lane as number));
  }
  return facts;
}

describe('the live run and the simulated engine', () => {
  const cases = [2, 3].flatMap((clients) =>
    PROVIDER_BEHAVIOURS.flatMap((provider) =>
      [...interleavings(clients)].map((ordering) => ({ clients, provider, ordering })),
    ),
  );

  it.each(PROVIDER_BEHAVIOURS)(
    '%s: judge every ordering of answers the same way, with the same keys and the same texts where they share a step',
    (provider) => {
      let lossy = 0;
      for (const { clients, ordering } of cases.filter((entry) => entry.provider === provider)) {
        const simulated = runRace({ clients, provider, schedule: scheduleFromOrdering(clients, ordering) });
        const live: LiveRun = replayLiveRun(
          startLiveRun({ documentId: DOCUMENT, provider, timing: defaultTiming(clients) }),
          factsFor(simulated),
        );
        const label = `${clients} clients, ordering ${ordering.join('')}`;
        const { firstBreak: simulatedBreak, ...simulatedOutcome } = simulated.outcome;
        const { firstBreak: liveBreak, ...liveOutcome } = live.outcome!;
        expect(liveOutcome, label).toEqual(simulatedOutcome);
        // Both say where it broke, or neither does.
        expect(liveBreak === null, label).toBe(simulatedBreak === null);
        if (simulated.outcome.dataLost) lossy += 1;

        // Every key the simulation makes, the live run makes for the same client, and each loser is told the same key.
        const keysMade = (events: ReadonlyArray<{ lane: number | 'server'; text: string }>) =>
          events.map((event) => `${event.lane}:${/makes (?:a key without a hint: )?(K\d*)/.exec(event.text)?.[1]}`);
        expect(keysMade(live.events.filter((event) => event.kind === 'key')), label).toEqual(
          keysMade(simulated.events.filter((event) => event.kind === 'make-key')),
        );
        for (const fetched of simulated.events.filter((event) => event.kind === 'fetch-key')) {
          const settled = live.events.find((event) => event.kind === 'settle' && event.client === fetched.lane)!;
          const key = fetched.lanes.clients[fetched.lane as number]!.key ?? 'nothing';
          expect(settled.text, label).toContain(`gets ${key}`);
          expect(settled.tone, label).toBe(fetched.tone);
        }
        // The one step both tell the same way: a loser turned away before the announcement waits for it.
        const waits = (events: ReadonlyArray<{ step: number | null; lane: number | 'server'; text: string }>) =>
          events.filter((event) => event.step === 5).map((event) => [event.lane, event.text]);
        expect(waits(live.events), label).toEqual(waits(simulated.events));
      }
      expect(lossy > 0).toBe(!PROVIDERS[provider].safe);
    },
  );
});
