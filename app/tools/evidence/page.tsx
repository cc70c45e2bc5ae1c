import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { EvidenceTool } from '@/components/evidence/evidence-tool';
import { Providers } from '@/components/providers';
import { ownAccount } from '@/lib/accounts/pages';
import { getViewer } from '@/lib/auth';
import { deploymentAlgorithms } from '@/lib/config/env';
import { getStore } from '@/lib/db';

export const metadata: Metadata = {
  title: 'Evidence reader',
  description:
    'Drop a HAR capture or a log excerpt: every token in it diagnosed, the page origin judged, session calls laid out with their real timings.',
};

export default async function EvidencePage() {
  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:py-10">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Evidence reader</h1>
      <p className="mt-2 max-w-3xl text-slate-700 dark:text-slate-300">
        Support asks for a network capture or a log excerpt; this reads one for you. Tokens hiding in headers, cookies
        and bodies are found and diagnosed, the page’s origin is judged, and the session race is laid out as it
        happened.
      </p>
      <div className="mt-8">
        <Providers>
          <EvidenceTool
            ownAccount={await ownAccount(await getViewer(await headers()), await getStore())}
            defaultAlgorithms={deploymentAlgorithms()}
          />
        </Providers>
      </div>
    </main>
  );
}
