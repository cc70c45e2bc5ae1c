'use client';

import { useId } from 'react';
import { Button } from '@/components/ui/button';
import {
  ALGORITHM_NAMES,
  ALGORITHMS,
  isServiceSet,
  listAlgorithms,
  SERVICE_ALGORITHMS,
  type AlgorithmName,
} from '@/lib/algorithms';

export function sameSet(a: readonly AlgorithmName[], b: readonly AlgorithmName[]): boolean {
  return a.length === b.length && a.every((name) => b.includes(name));
}

/** Whose set this is, in words: "the service’s algorithms", "this deployment’s algorithms", "the algorithms chosen for this check". */
export function describeChosenSet(chosen: readonly AlgorithmName[], defaults: readonly AlgorithmName[]): string {
  if (isServiceSet(chosen)) return 'the service’s algorithms';
  if (sameSet(chosen, defaults)) return 'this deployment’s algorithms';
  return 'the algorithms chosen for this check';
}

/**
 * Which algorithms this check accepts (contract rule 5). Starts at the page's default (the deployment's set,
 * which is the service's unless the deployment says otherwise); the user may widen or narrow it for this
 * check only. A disclosure, so the usual case costs one line; checkboxes, so it works with the keyboard alone.
 */
export function AlgorithmSetPicker({
  value,
  defaults,
  onChange,
  open,
  onOpenChange,
}: {
  value: readonly AlgorithmName[];
  defaults: readonly AlgorithmName[];
  onChange: (algorithms: AlgorithmName[]) => void;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const id = useId();
  const changed = !sameSet(value, defaults);
  const toggle = (name: AlgorithmName, checked: boolean) => {
    const next = ALGORITHM_NAMES.filter((candidate) => (candidate === name ? checked : value.includes(candidate)));
    if (next.length > 0) onChange(next);
  };

  return (
    <details
      open={open}
      onToggle={(event) => onOpenChange(event.currentTarget.open)}
      className="rounded-lg border border-slate-200 text-sm dark:border-slate-700"
      data-testid="algorithm-set"
    >
      <summary className="cursor-pointer rounded-lg px-3 py-2 focus-visible:outline-2 focus-visible:outline-brand-500">
        <span data-testid="algorithm-set-summary">
          Checked against {describeChosenSet(value, defaults)}:{' '}
          <span className="font-mono text-xs">{listAlgorithms(value)}</span>
        </span>
        {changed && (
          <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">
            changed for this check
          </span>
        )}
      </summary>
      <fieldset
        className="border-t border-slate-200 px-3 pt-2 pb-3 dark:border-slate-700"
        aria-describedby={`${id}-help`}
      >
        <legend className="sr-only">Algorithms this check accepts</legend>
        <p id={`${id}-help`} className="text-xs text-slate-600 dark:text-slate-300">
          The collaboration service accepts only {listAlgorithms(SERVICE_ALGORITHMS)}. Widen the set to see what else is
          wrong with a token signed otherwise; this changes this check only, not what the service accepts.
        </p>
        <ul className="mt-2 grid gap-1 sm:grid-cols-2">
          {ALGORITHM_NAMES.map((name) => {
            const entry = ALGORITHMS[name];
            const checked = value.includes(name);
            const onlyOne = checked && value.length === 1;
            return (
              <li key={name}>
                <label
                  className="flex items-start gap-2 rounded px-1 py-0.5 has-focus-visible:outline-2 has-focus-visible:outline-brand-500"
                  title={entry.description}
                >
                  <input
                    type="checkbox"
                    checked={checked}
                    disabled={onlyOne}
                    onChange={(event) => toggle(name, event.target.checked)}
                    className="mt-0.5 size-4 accent-brand-600"
                  />
                  <span>
                    <span className="font-mono text-xs font-semibold">{name}</span>{' '}
                    <span
                      className={`text-xs ${entry.service ? 'text-slate-600 dark:text-slate-300' : 'text-amber-800 dark:text-amber-300'}`}
                    >
                      {entry.service ? 'the service’s' : 'not accepted by the service'}
                    </span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
        {changed && (
          <Button size="xs" onClick={() => onChange([...defaults])} className="mt-2">
            Back to {isServiceSet(defaults) ? 'the service’s' : 'this deployment’s'} set
          </Button>
        )}
      </fieldset>
    </details>
  );
}
