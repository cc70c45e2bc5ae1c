import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/fields';
import { SPEEDS, type Playback } from './use-playback';

/** Media-control glyphs drawn as SVG: not every system font has ⏮ and ⏭. */
function Icon({ shape }: { shape: 'start' | 'back' | 'play' | 'pause' | 'forward' | 'end' }) {
  const paths = {
    start: 'M5 4h2v12H5zM16 4v12L8 10z',
    back: 'M14 4v12L6 10z',
    play: 'M6 4v12l10-6z',
    pause: 'M5 4h3v12H5zM12 4h3v12h-3z',
    forward: 'M6 4v12l8-6z',
    end: 'M13 4h2v12h-2zM4 4v12l8-6z',
  };
  return (
    <svg viewBox="0 0 20 20" className="size-4 shrink-0 fill-current" aria-hidden="true">
      <path d={paths[shape]} />
    </svg>
  );
}

/** The skip link at the top of the visualizer lands here. */
export const PLAY_BUTTON_ID = 'race-play';

export function PlaybackControls({ playback }: { playback: Playback }) {
  const speedId = useId();
  const { position, length, playing } = playback;
  return (
    <div role="group" aria-label="Playback" className="flex flex-wrap items-center gap-2">
      <Button
        size="sm"
        onClick={() => playback.goTo(0)}
        disabled={position === 0}
        aria-label="Back to the start"
        aria-keyshortcuts="Home"
      >
        <Icon shape="start" />
      </Button>
      <Button size="sm" onClick={playback.back} disabled={position === 0} aria-keyshortcuts="ArrowLeft">
        <Icon shape="back" />
        Step back
      </Button>
      <Button
        id={PLAY_BUTTON_ID}
        variant="primary"
        size="sm"
        className="min-w-24"
        onClick={playback.toggle}
        aria-keyshortcuts="Space"
      >
        <Icon shape={playing ? 'pause' : 'play'} />
        {playing ? 'Pause' : 'Play'}
      </Button>
      <Button size="sm" onClick={playback.forward} disabled={position >= length} aria-keyshortcuts="ArrowRight">
        Step forward
        <Icon shape="forward" />
      </Button>
      <Button
        size="sm"
        onClick={() => playback.goTo(length)}
        disabled={position >= length}
        aria-label="To the end"
        aria-keyshortcuts="End"
      >
        <Icon shape="end" />
      </Button>
      <label htmlFor={speedId} className="ml-2 text-sm font-medium">
        Speed
      </label>
      <div className="w-24">
        <Select
          id={speedId}
          value={playback.speed}
          onChange={(event) => playback.setSpeed(Number(event.target.value))}
          className="text-sm"
        >
          {SPEEDS.map((speed) => (
            <option key={speed} value={speed}>
              {speed}×
            </option>
          ))}
        </Select>
      </div>
      <span className="ml-auto text-sm text-slate-700 tabular-nums dark:text-slate-300" data-testid="race-position">
        Event {position} of {length}
      </span>
    </div>
  );
}

export function KeyboardHelp() {
  return (
    <details className="text-sm text-slate-700 dark:text-slate-300">
      <summary className="cursor-pointer font-medium">Keyboard shortcuts</summary>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt>
          <kbd>Space</kbd>
        </dt>
        <dd>Play or pause</dd>
        <dt>
          <kbd>←</kbd> <kbd>→</kbd>
        </dt>
        <dd>Step back or forward</dd>
        <dt>
          <kbd>Home</kbd> <kbd>End</kbd>
        </dt>
        <dd>First or last event</dd>
        <dt>
          <kbd>+</kbd> <kbd>−</kbd>
        </dt>
        <dd>Faster or slower</dd>
      </dl>
      <p className="mt-1">
        They work while the player has the focus: click anywhere in it, or Tab to one of its buttons. Elsewhere on the
        page these keys keep their usual meaning.
      </p>
    </details>
  );
}
