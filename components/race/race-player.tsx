'use client';

import { useEffect } from 'react';
import { startingLanes, type RaceResult } from '@/lib/race';
import { EventList } from './event-list';
import { LaneCards } from './lane-cards';
import { Outcome } from './outcome';
import { KeyboardHelp, PlaybackControls } from './playback-controls';
import { Timeline } from './timeline';
import { laneName, stepLabel } from './timeline-entry';
import { playbackKeyHandler, usePlayback } from './use-playback';

export const RACE_PLAYER_ID = 'race-player';

/** Plays one simulated race. Give it a `key` per race so a new race starts from the beginning. */
export function RacePlayer({
  race,
  initialPosition,
  onPosition,
}: {
  race: RaceResult;
  initialPosition: number;
  onPosition: (position: number) => void;
}) {
  const playback = usePlayback(race.events.length, initialPosition);
  const { position } = playback;
  useEffect(() => onPosition(position), [position, onPosition]);

  const lanes = [...Array.from({ length: race.clients }, (_, client) => client), 'server' as const];
  const current = race.events[position - 1];
  const snapshot = current?.lanes ?? startingLanes(race.clients, race.provider);

  return (
    // Focusable (but not a tab stop) so a click anywhere in the player gives it the keyboard shortcuts.
    <section
      id={RACE_PLAYER_ID}
      aria-label="Race player"
      tabIndex={-1}
      onKeyDown={playbackKeyHandler(playback)}
      className="scroll-mt-20 space-y-4 rounded-lg focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-brand-500"
      data-testid="race-player"
    >
      <Outcome
        outcome={race.outcome}
        provider={race.provider}
        onShowBreak={race.outcome.firstBreak === null ? undefined : () => playback.goTo(race.outcome.firstBreak! + 1)}
      />
      <PlaybackControls playback={playback} />
      <p
        role="status"
        aria-live="polite"
        className="min-h-12 rounded-md bg-slate-50 px-3 py-2 text-sm dark:bg-slate-900"
        data-testid="race-current"
      >
        {current ? (
          <>
            <span className="font-semibold">
              {stepLabel(current.step)} · {laneName(current.lane)}:
            </span>{' '}
            {current.text}
          </>
        ) : (
          'Before the race: nobody has asked for a session yet. Press Play or step forward.'
        )}
      </p>
      <Timeline entries={race.events} lanes={lanes} position={position} onPick={playback.goTo} />
      <LaneCards lanes={snapshot} />
      <KeyboardHelp />
      <section aria-labelledby="race-events-heading">
        <h2 id="race-events-heading" className="mb-2 text-lg font-semibold">
          Every event
        </h2>
        <EventList entries={race.events} position={position} onPick={playback.goTo} />
      </section>
    </section>
  );
}
