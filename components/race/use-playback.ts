'use client';

import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';

export const SPEEDS = [0.5, 1, 2, 4] as const;
const MS_PER_EVENT = 1100;

export interface Playback {
  /** How many events have happened: 0 is before the first, `length` is the end. */
  position: number;
  playing: boolean;
  speed: number;
  length: number;
  toggle(): void;
  forward(): void;
  back(): void;
  goTo(position: number): void;
  setSpeed(speed: number): void;
  faster(): void;
  slower(): void;
}

export function usePlayback(length: number, initialPosition = 0): Playback {
  const [position, setPosition] = useState(() => Math.min(Math.max(0, initialPosition), length));
  const [playRequested, setPlaying] = useState(false);
  // Reaching the end stops playback without a state change of its own.
  const playing = playRequested && position < length;
  const [speed, setSpeed] = useState<number>(1);

  useEffect(() => {
    if (!playing) return;
    const timer = window.setTimeout(
      () => setPosition((current) => Math.min(current + 1, length)),
      MS_PER_EVENT / speed,
    );
    return () => window.clearTimeout(timer);
  }, [playing, position, speed, length]);

  const goTo = useCallback(
    (next: number) => {
      setPlaying(false);
      setPosition(Math.min(Math.max(0, next), length));
    },
    [length],
  );

  return {
    position,
    playing,
    speed,
    length,
    toggle: () => {
      // Playing from the end starts again from the beginning.
      if (!playing && position >= length) setPosition(0);
      setPlaying(!playing);
    },
    forward: () => goTo(position + 1),
    back: () => goTo(position - 1),
    goTo,
    setSpeed,
    faster: () => setSpeed(SPEEDS.find((candidate) => candidate > speed) ?? speed),
    slower: () => setSpeed([...SPEEDS].reverse().find((candidate) => candidate < speed) ?? speed),
  };
}

/**
 * Keyboard shortcuts for the player, as a keydown handler for the player's own element: they act only while focus
 * is inside the player, so Home, End, the arrows and Space keep their usual meaning on the rest of the page.
 * Ignored while typing in a field or choosing in a list.
 */
export function playbackKeyHandler(playback: Playback): (event: KeyboardEvent<HTMLElement>) => void {
  return (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    if (target.closest('input, select, textarea, [contenteditable="true"]')) return;
    const onControl = Boolean(target.closest('button, a, summary'));
    const actions: Record<string, () => void> = {
      ArrowRight: playback.forward,
      ArrowLeft: playback.back,
      Home: () => playback.goTo(0),
      End: () => playback.goTo(playback.length),
      '+': playback.faster,
      '=': playback.faster,
      '-': playback.slower,
    };
    // Space and Enter on a button press that button; elsewhere in the player Space plays and pauses.
    if (event.key === ' ' && !onControl) actions[' '] = playback.toggle;
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };
}
