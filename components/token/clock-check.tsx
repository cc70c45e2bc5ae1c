'use client';

import { useQuery } from '@tanstack/react-query';
import { describeDuration } from '@/lib/jwt/duration';

interface ClockReading {
  /** Server time minus browser time, in milliseconds. */
  offsetMs: number;
  roundTripMs: number;
}

async function readServerClock(): Promise<ClockReading> {
  const sent = Date.now();
  const response = await fetch('/api/clock', { cache: 'no-store' });
  const received = Date.now();
  if (!response.ok) throw new Error(`The server clock could not be read (HTTP ${response.status}).`);
  const { now } = (await response.json()) as { now: number };
  // The server read its clock about halfway through the round trip.
  return { offsetMs: now - (sent + received) / 2, roundTripMs: received - sent };
}

export function ClockCheck() {
  const clock = useQuery({ queryKey: ['server-clock'], queryFn: readServerClock, staleTime: 60_000 });
  let body: React.ReactNode;
  if (clock.isPending) body = 'Comparing this browser’s clock with the server’s…';
  else if (clock.isError) body = clock.error.message;
  else {
    const seconds = Math.round(clock.data.offsetMs / 1000);
    body =
      Math.abs(seconds) <= 2 ? (
        <>
          This browser’s clock agrees with the server’s (within {Math.max(1, Math.round(clock.data.roundTripMs / 1000))}{' '}
          s).
        </>
      ) : (
        <>
          This browser’s clock is{' '}
          <strong>
            {describeDuration(seconds)} {seconds > 0 ? 'behind' : 'ahead of'}
          </strong>{' '}
          the server’s. Times above are judged by this browser’s clock; a drift like this on the signing server causes
          time errors.
        </>
      );
  }
  return (
    <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="clock-check">
      {body}
    </p>
  );
}
