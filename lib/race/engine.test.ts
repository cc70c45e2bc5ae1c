import { describe, expect, it } from 'vitest';
import { InvalidScheduleError, runRace, startingLanes, type RaceResult, type ScheduledAction } from './engine';
import { PROVIDER_BEHAVIOURS, type ProviderBehaviour } from './providers';
import { scheduleFromOrdering } from './schedule';

/** Both clients ask and make their keys; `keyFirst` makes its key first, `winner` reaches the server first. */
function race(provider: ProviderBehaviour, { keyFirst, winner }: { keyFirst: number; winner: number }): RaceResult {
  const other = (client: number) => 1 - client;
  const ordering = [0, 1, keyFirst, other(keyFirst), winner, other(winner)];
  return runRace({ clients: 2, provider, schedule: scheduleFromOrdering(2, ordering) });
}

const cases = [
  { keyFirst: 0, winner: 0 },
  { keyFirst: 0, winner: 1 },
  { keyFirst: 1, winner: 0 },
  { keyFirst: 1, winner: 1 },
];

describe('the race, step by step as the connection process describes it', () => {
  it('walks through the seven steps in order for the winner, the loser and the server', () => {
    const { events } = race('dynamic', { keyFirst: 0, winner: 0 });
    expect(events.map((event) => `${event.step}:${event.lane}:${event.kind}`)).toEqual([
      '1:0:request',
      '1:1:request',
      '2:0:make-key',
      '2:1:make-key',
      '3:0:send-create',
      '4:server:create-arrives',
      '3:1:send-create',
      '4:server:create-arrives',
      '5:1:reject-wait',
      '6:server:broadcast',
      '7:1:fetch-key',
      'null:server:reopen',
    ]);
  });

  it("makes both keys without a hint, accepts the first create-session (201) and rejects the other (409) with the winner's hint", () => {
    const { events, outcome } = race('dynamic', { keyFirst: 0, winner: 1 });
    expect(outcome).toMatchObject({ winner: 1, winnerHint: 'h2', winnerKey: 'K2' });
    const afterCreates = events.find((event) => event.step === 5)!.lanes;
    expect(afterCreates.clients.map((lane) => [lane.role, lane.status, lane.phase])).toEqual([
      ['loser', 409, 'waiting'],
      ['winner', 201, 'won'],
    ]);
    expect(afterCreates.server).toEqual({ session: 'creating', winner: 1, hint: 'h2' });
    expect(events.find((event) => event.kind === 'broadcast')!.text).toContain('key hint h2');
    expect(events.at(-1)!.lanes.clients.map((lane) => lane.phase)).toEqual(['collaborating', 'collaborating']);
  });

  describe.each(cases)(
    'key made first by client $keyFirst, server reached first by client $winner',
    ({ keyFirst, winner }) => {
      it.each(['static', 'dynamic'] as const)('%s: the loser decrypts and nothing is lost', (provider) => {
        const { outcome } = race(provider, { keyFirst, winner });
        expect(outcome.winner).toBe(winner);
        expect(outcome.clients.every((client) => client.canDecrypt)).toBe(true);
        expect(outcome.clients.find((client) => client.role === 'loser')!.key).toBe(outcome.winnerKey);
        expect(outcome).toMatchObject({ cannotDecrypt: [], contentLost: false, dataLost: false, firstBreak: null });
      });

      it("discarding: loses exactly when the winner's key is the older one", () => {
        const { outcome, events } = race('discarding', { keyFirst, winner });
        const winnerKeyIsOlder = keyFirst === winner;
        expect(outcome.dataLost).toBe(winnerKeyIsOlder);
        expect(outcome.contentLost).toBe(winnerKeyIsOlder);
        expect(outcome.cannotDecrypt).toEqual(winnerKeyIsOlder ? [1 - winner] : []);
        if (winnerKeyIsOlder) {
          // The break is the loser's own key making, which discarded the key that went on to win.
          const broke = events[outcome.firstBreak!]!;
          expect(broke).toMatchObject({
            kind: 'make-key',
            lane: 1 - winner,
            tone: 'bad',
            discarded: [outcome.winnerKey],
          });
          expect(events.find((event) => event.kind === 'fetch-key')!.text).toContain('no longer has it');
        }
      });

      it('new key for the same hint: the loser always gets a key that cannot decrypt, and reopening loses the content', () => {
        const { outcome, events } = race('new-key-per-hint', { keyFirst, winner });
        const loser = outcome.clients.find((client) => client.role === 'loser')!;
        expect(loser.key).not.toBeNull();
        expect(loser.key).not.toBe(outcome.winnerKey);
        expect(outcome).toMatchObject({ cannotDecrypt: [loser.client], contentLost: true, dataLost: true });
        expect(events[outcome.firstBreak!]).toMatchObject({ kind: 'fetch-key', step: 7, tone: 'bad' });
      });
    },
  );

  it("gives each event a snapshot of every lane and the provider's key store", () => {
    const { events } = race('discarding', { keyFirst: 0, winner: 0 });
    expect(events.map((event) => event.lanes.providerHints.join(','))).toEqual([
      '',
      '',
      'h1',
      'h2',
      'h2',
      'h2',
      'h2',
      'h2',
      'h2',
      'h2',
      'h2',
      'h2',
    ]);
    expect(events.map((event) => event.index)).toEqual(events.map((_, index) => index));
  });

  it('is deterministic and leaves its input alone', () => {
    for (const provider of PROVIDER_BEHAVIOURS) {
      const schedule = scheduleFromOrdering(2, [1, 0, 0, 1, 1, 0]);
      const copy = structuredClone(schedule);
      expect(runRace({ clients: 2, provider, schedule })).toEqual(runRace({ clients: 2, provider, schedule: copy }));
      expect(schedule).toEqual(copy);
    }
  });

  it('lets late clients join without a race, and a late join still needs the hint to give the same key', () => {
    // B asks only after the broadcast: it joins the existing session and only needs the key for the winner's hint.
    const joinerSchedule: ScheduledAction[] = [
      { action: { kind: 'request', client: 0 } },
      { action: { kind: 'make-key', client: 0 } },
      { action: { kind: 'send-create', client: 0 } },
      { action: { kind: 'create-arrives', client: 0 } },
      { action: { kind: 'broadcast' } },
      { action: { kind: 'request', client: 1 } },
      { action: { kind: 'fetch-key', client: 1 } },
      { action: { kind: 'reopen' } },
    ];
    const good = runRace({ clients: 2, provider: 'discarding', schedule: joinerSchedule });
    expect(good.outcome.clients[1]).toMatchObject({ role: 'joiner', canDecrypt: true });
    expect(good.events.find((event) => event.kind === 'request' && event.lane === 1)!.text).toContain(
      'already has one',
    );
    const bad = runRace({ clients: 2, provider: 'new-key-per-hint', schedule: joinerSchedule });
    expect(bad.outcome).toMatchObject({ cannotDecrypt: [1], contentLost: true });
  });

  it('refuses schedules the protocol does not allow', () => {
    const run = (schedule: ScheduledAction[]) => () => runRace({ clients: 2, provider: 'dynamic', schedule });
    expect(run([{ action: { kind: 'make-key', client: 0 } }])).toThrow(InvalidScheduleError);
    expect(run([{ action: { kind: 'broadcast' } }])).toThrow(/once a creator has won/);
    expect(run([{ action: { kind: 'request', client: 0 } }, { action: { kind: 'request', client: 0 } }])).toThrow(
      /cannot ask/,
    );
    expect(run([{ action: { kind: 'request', client: 5 } }])).toThrow(/no client 5/);
    expect(run(scheduleFromOrdering(2, [0, 0, 0, 1, 1, 1]).slice(0, -1))).toThrow(/later check/);
    expect(() => runRace({ clients: 1, provider: 'static', schedule: [] })).toThrow(/2 to 4/);
  });
});

describe('the lanes before the race', () => {
  it('start idle with no session, and only the static provider holds a key', () => {
    for (const provider of PROVIDER_BEHAVIOURS) {
      const lanes = startingLanes(3, provider);
      expect(lanes.clients.map((lane) => lane.phase)).toEqual(['idle', 'idle', 'idle']);
      expect(lanes.server).toEqual({ session: 'none', winner: null, hint: null });
      expect(lanes.providerHints).toEqual(provider === 'static' ? ['static'] : []);
    }
  });
});
