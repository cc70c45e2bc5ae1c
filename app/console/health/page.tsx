import type { Metadata } from 'next';
import { ConsoleFrame } from '@/components/console/console-frame';
import { isHealthSort } from '@/components/console/docs-health';
import { DocsHealthPanel } from '@/components/console/docs-health-panel';
import { SearchMissesPanel } from '@/components/console/search-misses-panel';
import { consoleViewer } from '@/components/console/staff-only';
import { Providers } from '@/components/providers';

export const metadata: Metadata = { title: 'Docs health · Support console' };

export default async function DocsHealthPage({
  searchParams,
}: {
  searchParams: Promise<{ sort?: string | string[] }>;
}) {
  const access = await consoleViewer();
  if ('refusal' in access) return access.refusal;
  const { sort } = await searchParams;
  const requested = typeof sort === 'string' ? sort : undefined;
  return (
    <ConsoleFrame current="/console/health" email={access.staff.email}>
      <Providers>
        <div className="space-y-12">
          <DocsHealthPanel initialSort={isHealthSort(requested) ? requested : 'most-unhelpful'} />
          <SearchMissesPanel />
        </div>
      </Providers>
    </ConsoleFrame>
  );
}
