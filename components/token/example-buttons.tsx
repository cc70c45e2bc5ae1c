'use client';

import { useQuery } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';

/** Example tokens made in this browser with Web Crypto, each showing one failure. */
export function ExampleButtons({ onPick }: { onPick: (token: string, jwks: string) => void }) {
  const examples = useQuery({
    queryKey: ['example-tokens'],
    queryFn: async () => (await import('@/lib/jwt/examples')).createExampleTokens(),
    staleTime: Infinity,
  });
  return (
    <fieldset>
      <legend className="mb-2 font-semibold">Examples</legend>
      {examples.isError && (
        <p className="text-sm text-red-700 dark:text-red-300">
          Examples need Web Crypto, which this page cannot use: {examples.error.message}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {(examples.data?.examples ?? [])
          .filter((example) => example.button)
          .map((example) => (
            <Button
              key={example.id}
              size="sm"
              title={example.description}
              onClick={() => onPick(example.token, JSON.stringify(examples.data!.jwks, null, 2))}
            >
              {example.title}
            </Button>
          ))}
        {examples.isPending && (
          <span className="text-sm text-slate-600 dark:text-slate-300">Making example tokens…</span>
        )}
      </div>
    </fieldset>
  );
}
