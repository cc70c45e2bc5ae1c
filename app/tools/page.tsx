import type { Metadata } from 'next';
import { ToolCards } from '@/components/site/tool-cards';

export const metadata: Metadata = {
  title: 'Tools',
  description:
    'Interactive checks for real-time collaboration: tokens, secure contexts, the session race and public keys.',
};

export default function ToolsPage() {
  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Tools</h1>
      <p className="mt-2 max-w-3xl text-slate-700 dark:text-slate-300">
        Each tool gives the same verdict as the API and the <code>rtc-doctor</code> command line, from the same code.
      </p>
      <div className="mt-8">
        <ToolCards />
      </div>
    </main>
  );
}
