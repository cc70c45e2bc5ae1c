'use client';

import type { ReactNode } from 'react';
import { RECIPE_IDS, RECIPE_LABELS, type RecipeId } from '@/lib/secure-context/recipe-ids';

/** Pick a setup, get its commands. Native radios give arrow-key movement and a single tab stop. */
export function RecipePicker({
  selected,
  impliedByAddress,
  onSelect,
  panels,
}: {
  selected: RecipeId | undefined;
  /** The selection follows the address under test rather than a choice made here. */
  impliedByAddress: boolean;
  onSelect: (id: RecipeId) => void;
  panels: Record<RecipeId, ReactNode>;
}) {
  return (
    <section id="recipes" aria-labelledby="recipes-heading" className="scroll-mt-20">
      <h2 id="recipes-heading" className="text-2xl font-bold tracking-tight">
        Serve your dev setup securely
      </h2>
      <p className="mt-2 max-w-3xl text-slate-700 dark:text-slate-300">
        Opening the dev server as <code>http://localhost</code> is the quickest fix on your own machine. For another
        name, a LAN address or a phone, pick your setup for the exact commands.
      </p>
      <fieldset className="mt-4">
        <legend className="mb-2 font-semibold">Your setup</legend>
        <div className="flex flex-wrap gap-2">
          {RECIPE_IDS.map((id) => (
            <label
              key={id}
              className="cursor-pointer rounded-full border border-slate-300 px-3 py-1 text-sm has-checked:border-brand-600 has-checked:bg-brand-600 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-500 hover:border-brand-500 dark:border-slate-600 dark:has-checked:border-brand-400 dark:has-checked:bg-brand-400 dark:has-checked:text-slate-950"
            >
              <input
                type="radio"
                name="setup"
                value={id}
                checked={id === selected}
                onChange={() => onSelect(id)}
                className="sr-only"
              />
              {RECIPE_LABELS[id]}
            </label>
          ))}
        </div>
        {impliedByAddress && (
          <p className="mt-2 text-sm text-slate-700 dark:text-slate-300" data-testid="recipe-implied">
            Picked from the address above; choose another setup if it fits yours better.
          </p>
        )}
      </fieldset>
      <div className="mt-6" data-testid="recipe">
        {selected ? (
          <section aria-label={`${RECIPE_LABELS[selected]} recipe`}>
            <h3 className="text-lg font-semibold">{RECIPE_LABELS[selected]}</h3>
            <div className="mt-2">{panels[selected]}</div>
          </section>
        ) : (
          <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-700 dark:border-slate-600 dark:text-slate-300">
            Pick a setup above to see how to serve it over HTTPS or from localhost.
          </p>
        )}
      </div>
    </section>
  );
}
