'use client';

import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/fields';
import { formatEpoch } from '@/lib/jwt/duration';

const NAMES = { exp: 'Expires (exp)', iat: 'Issued (iat)', nbf: 'Valid from (nbf)' } as const;
export type TimeClaim = keyof typeof NAMES;

/** `datetime-local` speaks local time without a zone: epoch seconds ↔ "2026-12-04T15:30". */
function toLocalInput(seconds: number): string {
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

function fromLocalInput(value: string): number | undefined {
  const millis = new Date(value).getTime();
  return Number.isNaN(millis) ? undefined : Math.floor(millis / 1000);
}

/** Sets one time claim from a date-time picker or from now, showing the epoch seconds it becomes. */
export function TimeSetter({
  claim,
  value,
  now,
  onSet,
}: {
  claim: TimeClaim;
  value: unknown;
  now: number;
  onSet: (seconds: number | undefined) => void;
}) {
  const id = useId();
  const seconds = typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  return (
    <fieldset className="min-w-0">
      <legend className="text-sm font-medium">{NAMES[claim]}</legend>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <label htmlFor={id} className="sr-only">
          {NAMES[claim]}, local date and time
        </label>
        <Input
          id={id}
          type="datetime-local"
          value={seconds === undefined ? '' : toLocalInput(seconds)}
          onChange={(event) => {
            const next = fromLocalInput(event.target.value);
            if (next !== undefined) onSet(next);
          }}
          className="h-9 text-sm sm:w-60"
        />
        <Button size="xs" onClick={() => onSet(now)}>
          Now
        </Button>
        <Button size="xs" onClick={() => onSet(now + 3600)}>
          In 1 hour
        </Button>
        <Button size="xs" onClick={() => onSet(now + 86_400)}>
          In 1 day
        </Button>
        {seconds !== undefined && claim !== 'exp' && (
          <Button size="xs" variant="ghost" onClick={() => onSet(undefined)}>
            Remove
          </Button>
        )}
      </div>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-300" aria-live="polite">
        {seconds === undefined ? 'Not set.' : `${seconds} = ${formatEpoch(seconds)}`}
      </p>
    </fieldset>
  );
}
