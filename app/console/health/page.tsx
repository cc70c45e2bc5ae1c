import type { Metadata } from 'next';
import { ConsoleFrame } from '@/components/console/console-frame';
import { SearchMissesPanel } from '@/components/console/search-misses-panel';
import { consoleViewer } from '@/components/console/staff-only';
import { Providers } from '@/components/providers';

export const metadata: Metadata = { title: 'Docs health · Support console' };

export default async function DocsHealthPage() {
  const access = await consoleViewer();
  if ('refusal' in access) return access.refusal;
  return (
    <ConsoleFrame current="/console/health" email={access.staff.email}>
      <Providers>
        <SearchMissesPanel />
      </Providers>
    </ConsoleFrame>
  );
}
