import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse-scenario';
import { defaultScenario, scenarioQuery, withClientCount, type RaceScenario } from './scenario';

describe('scenarios in the query string', () => {
  it('round-trips a timing scenario', () => {
    const scenario: RaceScenario = {
      mode: 'timing',
      provider: 'new-key-per-hint',
      clients: 3,
      timing: {
        clients: [
          { startMs: 0, keyMs: 1, networkMs: 2 },
          { startMs: 3, keyMs: 4, networkMs: 5 },
          { startMs: 6, keyMs: 7, networkMs: 8 },
        ],
        setupMs: 9,
      },
      ordering: null,
      step: 4,
    };
    const query = scenarioQuery(scenario);
    expect(query).toBe('mode=timing&provider=new-key-per-hint&clients=3&t=0-1-2%2C3-4-5%2C6-7-8&setup=9&step=4');
    expect(parseScenario(new URLSearchParams(query))).toEqual({ scenario, problems: [] });
  });

  it('round-trips a chosen interleaving', () => {
    const scenario: RaceScenario = {
      ...defaultScenario(),
      mode: 'orderings',
      provider: 'static',
      ordering: [1, 0, 0, 1, 1, 0],
    };
    const parsed = parseScenario(new URLSearchParams(scenarioQuery(scenario)));
    expect(parsed.problems).toEqual([]);
    expect(parsed.scenario.ordering).toEqual([1, 0, 0, 1, 1, 0]);
    expect(parsed.scenario.mode).toBe('orderings');
  });

  it('starts from the defaults with an empty query', () => {
    expect(parseScenario(new URLSearchParams(''))).toEqual({ scenario: defaultScenario(), problems: [] });
  });

  it('names each part of a bad link it could not use and falls back for those parts only', () => {
    const { scenario, problems } = parseScenario(
      new URLSearchParams('mode=fast&provider=static&clients=9&t=0-1&setup=-4&order=0101&step=x'),
    );
    expect(scenario.provider).toBe('static');
    expect(scenario.mode).toBe('timing');
    expect(scenario.clients).toBe(2);
    expect(scenario.ordering).toBeNull();
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'mode',
      'clients',
      't',
      'setup',
      'order',
      'step',
    ]);
    expect(problems.find((problem) => problem.startsWith('t:'))).toContain('start-key-network');
    expect(problems.find((problem) => problem.startsWith('order:'))).toContain('must appear 3 times');
  });

  it('refuses delays above the limit', () => {
    expect(parseScenario(new URLSearchParams('t=0-99999-1,0-1-1')).problems[0]).toMatch(/^t: is at most 5000 ms/);
  });

  it('fills in timings when the link has fewer clients than it says, and says so', () => {
    const { scenario, problems } = parseScenario(new URLSearchParams('clients=3&t=1-2-3,4-5-6'));
    expect(scenario.timing.clients).toHaveLength(3);
    expect(scenario.timing.clients[0]).toEqual({ startMs: 1, keyMs: 2, networkMs: 3 });
    expect(problems).toEqual(['t: has 2 clients, the scenario has 3']);
  });

  it('keeps the timings of clients that stay when the count changes', () => {
    const timing = {
      clients: [
        { startMs: 7, keyMs: 7, networkMs: 7 },
        { startMs: 8, keyMs: 8, networkMs: 8 },
      ],
      setupMs: 1,
    };
    expect(withClientCount(timing, 3).clients.slice(0, 2)).toEqual(timing.clients);
    expect(withClientCount(timing, 3).clients).toHaveLength(3);
    expect(withClientCount(timing, 2).clients).toEqual(timing.clients);
  });
});
