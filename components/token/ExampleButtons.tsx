'use client';

import { useQuery } from '@tanstack/react-query';

/** Example tokens made in this browser with Web Crypto, each showing one failure. */
export function ExampleButtons({ onPick }: { onPick: (token: string, jwks: string) => void }) {
  const examples = useQuery({ queryKey: ['example-tokens'], queryFn: async () => (await import('@/lib/jwt/examples')).createExampleTokens(), staleTime: Infinity });
  return (
    <fieldset>
      <legend className="mb-2 font-semibold">Examples</legend>
      {examples.isError && <p className="text-sm text-red-700 dark:text-red-300">Examples need Web Crypto, which this page cannot use: {examples.error.message}</p>}
      <div className="flex flex-wrap gap-2">
        {(examples.data?.examples ?? []).map((example) => (
          <button
            key={example.id}
            type="button"
            title={example.description}
            onClick={() => onPick(example.token, JSON.stringify(examples.data!.jwks, null, 2))}
            className="rounded-full border border-slate-300 px-3 py-1 text-sm hover:border-brand-500 hover:text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-500 dark:border-slate-600 dark:hover:border-brand-400 dark:hover:text-brand-300"
          >
            {example.title}
          </button>
        ))}
        {examples.isPending && <span className="text-sm text-slate-600 dark:text-slate-300">Making example tokens…</span>}
      </div>
    </fieldset>
  );
}
