'use client';

import { useMemo } from 'react';
import { Button } from '@/components/ui/button';
import { cleanTokenInput, describeCleaning, WHITESPACE_NOTE } from '@/lib/jwt/input';

/**
 * What the paste clean-up took away, said next to the field it happened in (the same clean-up the API and CLI run),
 * with a way to keep only the token, so the field shows what was judged.
 */
export function CleanedInputNote({ input, onKeepToken }: { input: string; onKeepToken: (token: string) => void }) {
  const cleaned = useMemo(() => cleanTokenInput(input), [input]);
  // A trailing newline or space is too common to mention here; the warning in the result still lists it.
  const notes = cleaned.notes.filter((note) => note !== WHITESPACE_NOTE);
  if (notes.length === 0 || cleaned.token === '') return null;
  return (
    <div
      data-testid="input-cleaned"
      className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950/50 dark:text-sky-50"
    >
      <p className="min-w-0 flex-1 [overflow-wrap:anywhere]">{describeCleaning(notes)}</p>
      <Button variant="secondary" size="xs" onClick={() => onKeepToken(cleaned.token)}>
        Keep only the token
      </Button>
    </div>
  );
}
