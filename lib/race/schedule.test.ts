import { describe, expect, it } from 'vitest';
import { InvalidScheduleError, runRace } from './engine';
import { clientTimes, firstToArrive, scheduleFromOrdering, scheduleFromTiming, type RaceTiming } from './schedule';
import { defaultTiming } from './scenario';

const timing = (clients: Array<[number, number, number]>, setupMs = 30): RaceTiming => ({
  clients: clients.map(([startMs, keyMs, networkMs]) => ({ startMs, keyMs, networkMs })),
  setupMs,
});

describe('schedules from timings', () => {
  it("puts each client's steps at start + network (request), + network + key (key made, create sent), + network (create arrives)", () => {
    expect(clientTimes({ startMs: 5, keyMs: 20, networkMs: 10 })).toEqual({ requestAt: 15, keyAt: 45, arrivesAt: 55 });
  });

  it('the fastest create-session wins; a tie goes to the lower letter', () => {
    expect(
      firstToArrive(
        timing([
          [0, 20, 40],
          [0, 40, 20],
        ]),
      ),
    ).toBe(1);
    expect(
      firstToArrive(
        timing([
          [0, 30, 30],
          [0, 30, 30],
        ]),
      ),
    ).toBe(0);
    const race = runRace({
      clients: 2,
      provider: 'dynamic',
      schedule: scheduleFromTiming(
        timing([
          [0, 30, 30],
          [0, 30, 30],
        ]),
      ),
    });
    expect(race.outcome.winner).toBe(0);
  });

  it('keeps events in time order and stamps each with its time', () => {
    const race = runRace({ clients: 2, provider: 'discarding', schedule: scheduleFromTiming(defaultTiming(2)) });
    const times = race.events.map((event) => event.at!);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(race.events.find((event) => event.kind === 'broadcast')!.at).toBe(100 + 30);
  });

  it("the default timing shows the discarding provider's break: B wins with the older key", () => {
    const race = runRace({ clients: 2, provider: 'discarding', schedule: scheduleFromTiming(defaultTiming(2)) });
    expect(race.outcome).toMatchObject({ winner: 1, winnerKey: 'K1', cannotDecrypt: [0], contentLost: true });
    const swapped = defaultTiming(2);
    swapped.clients.reverse();
    expect(
      runRace({ clients: 2, provider: 'discarding', schedule: scheduleFromTiming(swapped) }).outcome.dataLost,
    ).toBe(true);
    // A wins with the newer key: the discarding provider survives this one.
    const lucky = runRace({
      clients: 2,
      provider: 'discarding',
      schedule: scheduleFromTiming(
        timing([
          [0, 40, 5],
          [0, 0, 20],
        ]),
      ),
    });
    expect(lucky.outcome).toMatchObject({ winner: 0, dataLost: false });
  });

  it('the loser fetches the key only once it has both its 409 and the broadcast', () => {
    const race = runRace({
      clients: 2,
      provider: 'dynamic',
      schedule: scheduleFromTiming(
        timing(
          [
            [0, 10, 10],
            [0, 10, 100],
          ],
          500,
        ),
      ),
    });
    const broadcast = race.events.find((event) => event.kind === 'broadcast')!;
    const fetch = race.events.find((event) => event.kind === 'fetch-key')!;
    expect(fetch.at).toBe(broadcast.at! + 100 + 10);
    expect(race.events.find((event) => event.kind === 'reject-wait')!.text).toContain('waits');
  });

  it('a client that asks after the session is announced joins without making a key', () => {
    const race = runRace({
      clients: 3,
      provider: 'discarding',
      schedule: scheduleFromTiming(
        timing([
          [0, 30, 5],
          [0, 0, 16],
          [400, 10, 10],
        ]),
      ),
    });
    expect(race.outcome.clients[2]).toMatchObject({ role: 'joiner', canDecrypt: true });
    expect(race.events.filter((event) => event.kind === 'make-key').map((event) => event.lane)).toEqual([1, 0]);
  });

  it('works for up to four clients', () => {
    for (const clients of [2, 3, 4]) {
      const race = runRace({ clients, provider: 'dynamic', schedule: scheduleFromTiming(defaultTiming(clients)) });
      expect(race.outcome.clients).toHaveLength(clients);
      expect(race.outcome.clients.filter((client) => client.role === 'winner')).toHaveLength(1);
      expect(race.outcome.dataLost).toBe(false);
    }
  });
});

describe('schedules from orderings', () => {
  it('rejects orderings that do not give each client its three steps', () => {
    expect(() => scheduleFromOrdering(2, [0, 0, 0, 1, 1])).toThrow(InvalidScheduleError);
    expect(() => scheduleFromOrdering(2, [0, 0, 0, 1, 1, 1, 2])).toThrow(/not in the race/);
    expect(() => scheduleFromOrdering(5, [])).toThrow(/2 to 4/);
  });

  it("ends with the broadcast, the losers' fetches in letter order and the later check", () => {
    const schedule = scheduleFromOrdering(3, [2, 2, 2, 0, 0, 0, 1, 1, 1]);
    expect(schedule.slice(-4).map((entry) => entry.action)).toEqual([
      { kind: 'broadcast' },
      { kind: 'fetch-key', client: 0 },
      { kind: 'fetch-key', client: 1 },
      { kind: 'reopen' },
    ]);
  });
});
