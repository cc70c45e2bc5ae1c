import type { Metadata } from 'next';
import Link from 'next/link';
import { Providers } from '@/components/providers';
import { RaceVisualizer } from '@/components/race/race-visualizer';
import { parseScenario } from '@/lib/race/parse-scenario';

export const metadata: Metadata = {
  title: 'Session race visualizer',
  description:
    'Watch two or more editors race to create one collaboration session, and see which encryption providers lose keys to it.',
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RaceVisualizerPage({ searchParams }: { searchParams: SearchParams }) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(await searchParams))
    if (typeof value === 'string') params.set(name, value);
  const { scenario, problems } = parseScenario(params);
  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:py-10">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Session race visualizer</h1>
      <p className="mt-2 max-w-3xl text-slate-700 dark:text-slate-300">
        When two editors open a brand-new document at the same moment, both try to create its session. One wins, the
        other waits and then asks its encryption provider for the winner’s key. Step through that race, pick how your
        provider behaves, and see where keys get lost.{' '}
        <Link href="/docs/session-race" className="text-brand-700 underline dark:text-brand-300">
          Read the guide
        </Link>
        .
      </p>
      <div className="mt-8">
        <Providers>
          <RaceVisualizer initial={scenario} problems={problems} />
        </Providers>
      </div>
    </main>
  );
}
