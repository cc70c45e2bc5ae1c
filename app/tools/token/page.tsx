import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { Providers } from '@/components/providers';
import { TokenDebugger } from '@/components/token/token-debugger';
import { ownAccount } from '@/lib/accounts/pages';
import { getViewer } from '@/lib/auth';
import { deploymentAlgorithms } from '@/lib/config/env';
import { getStore } from '@/lib/db';

export const metadata: Metadata = {
  title: 'Token debugger',
  description:
    'Paste an RTC identity token and see every problem at once: structure, algorithm, claims, clocks, keys and signature.',
};

export default async function TokenDebuggerPage() {
  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:py-10">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Token debugger</h1>
      <p className="mt-2 max-w-3xl text-slate-700 dark:text-slate-300">
        Paste an identity token to see every problem the collaboration service would find, each with the page that
        explains the fix. Add the account’s public keys, or its API key, to check the signature too.
      </p>
      <div className="mt-8">
        <Providers>
          <TokenDebugger
            ownAccount={await ownAccount(await getViewer(await headers()), await getStore())}
            defaultAlgorithms={deploymentAlgorithms()}
          />
        </Providers>
      </div>
    </main>
  );
}
