'use client';

import { useCallback, useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { describeOrdering, raceForScenario, scenarioQuery, type RaceScenario } from '@/lib/race';
import { InterleavingsPanel } from './interleavings-panel';
import { LiveRace } from './live-race';
import { RaceControls } from './race-controls';
import { PLAY_BUTTON_ID } from './playback-controls';
import { RACE_PLAYER_ID, RacePlayer } from './race-player';

/** The race visualizer: the scenario lives in the query string, so every view has a link. */
export function RaceVisualizer({ initial, problems }: { initial: RaceScenario; problems: string[] }) {
  const [scenario, setScenarioState] = useState(initial);
  const race = useMemo(() => raceForScenario(scenario), [scenario]);

  const setScenario = useCallback((next: RaceScenario) => {
    setScenarioState(next);
    window.history.replaceState(window.history.state, '', `${window.location.pathname}?${scenarioQuery(next)}`);
  }, []);
  const [position, setPosition] = useState(initial.step);
  const shareLink = () =>
    `${window.location.origin}${window.location.pathname}?${scenarioQuery({ ...scenario, step: position })}`;
  const raceKey = scenarioQuery({ ...scenario, step: 0 });

  return (
    <div className="space-y-6">
      {race && <SkipToPlayer />}
      {problems.length > 0 && (
        <div
          role="alert"
          data-testid="link-problems"
          className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
        >
          <p className="font-semibold">Parts of this link could not be used, so they start from the defaults:</p>
          <ul className="mt-1 list-disc pl-5">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <RaceControls scenario={scenario} onChange={setScenario} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-xl font-semibold">
          {scenario.mode === 'live'
            ? 'Live race'
            : scenario.mode === 'orderings' && scenario.ordering
              ? `Ordering ${describeOrdering(scenario.ordering)}`
              : scenario.mode === 'orderings'
                ? 'Every ordering'
                : 'The race'}
        </h2>
        <div className="flex items-center gap-2">
          {scenario.mode === 'orderings' && scenario.ordering && (
            <Button size="xs" onClick={() => setScenario({ ...scenario, ordering: null, step: 0 })}>
              ← All orderings
            </Button>
          )}
          <CopyButton getText={shareLink} label="Copy share link" />
        </div>
      </div>
      {scenario.mode === 'live' && (
        <LiveRace clients={scenario.clients} provider={scenario.provider} timing={scenario.timing} />
      )}
      {scenario.mode === 'orderings' && !scenario.ordering && (
        <InterleavingsPanel
          provider={scenario.provider}
          onPick={(ordering) => setScenario({ ...scenario, ordering, step: 0 })}
        />
      )}
      {race && <RacePlayer key={raceKey} race={race} initialPosition={scenario.step} onPosition={setPosition} />}
    </div>
  );
}

/**
 * The player comes after every setting; this link, the first stop after the intro, goes straight to its Play
 * button (to the player itself if it is not there yet, as the plain link does before the page has hydrated).
 */
function SkipToPlayer() {
  return (
    <a
      href={`#${RACE_PLAYER_ID}`}
      onClick={(event) => {
        const play = document.getElementById(PLAY_BUTTON_ID);
        if (!play) return;
        event.preventDefault();
        play.focus();
        play.scrollIntoView({ block: 'center' });
      }}
      className="sr-only rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white focus:not-sr-only focus:inline-block focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
    >
      Skip to the player
    </a>
  );
}
