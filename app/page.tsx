import Link from 'next/link';
import { SearchForm } from '@/components/search/search-form';
import { PopularPages } from '@/components/site/popular-pages';
import { ToolCards } from '@/components/site/tool-cards';
import { allErrors } from '@/lib/errors';

const AUDIENCES = [
  {
    title: 'Your editor shows an error',
    body: 'Find the message you see and get the cause and the fix in plain words: tokens, clocks, keys and secure contexts.',
    links: [
      { href: '/tools/token', label: 'Check a token' },
      { href: '/tools/secure-context', label: 'Can my page run RTC?' },
      { href: '/docs/errors', label: 'Error reference' },
      { href: '/docs', label: 'Start here by symptom' },
    ],
  },
  {
    title: 'You own the account and its keys',
    body: 'Learn how identity tokens are signed and checked, which algorithms are accepted, and how the JWK set on your account is used.',
    links: [
      { href: '/docs/jwt-identity-tokens', label: 'JWT identity tokens' },
      { href: '/docs/errors/jwks-unavailable', label: 'No matching public key' },
    ],
  },
  {
    title: 'You support customers',
    body: 'Search every page, paste a customer’s error to land on its explanation, and share a link straight to the fix.',
    links: [
      { href: '/search', label: 'Search the docs' },
      { href: '/docs/session-race', label: 'Two clients, one session' },
      { href: '/tools/race', label: 'Watch the race' },
    ],
  },
];

export default function HomePage() {
  const messages = allErrors().filter(
    (entry) => entry.code.startsWith('TOKEN_') || entry.category === 'environment' || entry.code === 'JWKS_UNAVAILABLE',
  );
  return (
    <main id="main">
      <section className="border-b border-slate-200 bg-gradient-to-b from-brand-50 to-white dark:border-slate-800 dark:from-slate-900 dark:to-slate-950">
        <div className="mx-auto max-w-7xl px-4 py-16 sm:px-6 sm:py-20">
          <h1 className="max-w-3xl text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl dark:text-white">
            Get real-time collaboration working again
          </h1>
          <p className="mt-4 max-w-2xl text-lg text-slate-700 dark:text-slate-300">
            RTC Doctor explains every error the collaboration service and its editor plugin report, from rejected
            identity tokens to missing public keys and insecure pages, and tells you exactly how to fix each one.
          </p>
          <div className="mt-8">
            <SearchForm label="Search the docs or paste an error message" />
          </div>
        </div>
      </section>
      <div className="mx-auto max-w-7xl space-y-16 px-4 py-12 sm:px-6">
        <section aria-labelledby="audiences">
          <h2 id="audiences" className="sr-only">
            Where to start
          </h2>
          <ul className="grid gap-6 md:grid-cols-3">
            {AUDIENCES.map((audience) => (
              <li
                key={audience.title}
                className="flex flex-col rounded-xl border border-slate-200 p-6 dark:border-slate-800"
              >
                <h3 className="text-lg font-semibold text-slate-900 dark:text-white">{audience.title}</h3>
                <p className="mt-2 flex-1 text-slate-700 dark:text-slate-300">{audience.body}</p>
                <ul className="mt-4 space-y-1">
                  {audience.links.map((link) => (
                    <li key={link.href}>
                      <Link href={link.href} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                        {link.label} →
                      </Link>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="tools">
          <h2 id="tools" className="mb-4 text-lg font-semibold">
            Tools
          </h2>
          <ToolCards headingLevel="h3" />
        </section>
        <section aria-labelledby="messages">
          <h2 id="messages" className="text-lg font-semibold">
            Seeing one of these messages?
          </h2>
          <ul className="mt-3 flex flex-wrap gap-2">
            {messages.map((entry) => (
              <li key={entry.code}>
                <Link
                  href={entry.docs}
                  className="inline-block rounded-full border border-slate-300 px-3 py-1 text-sm text-slate-800 hover:border-brand-500 hover:text-brand-700 dark:border-slate-700 dark:text-slate-200 dark:hover:border-brand-400 dark:hover:text-brand-300"
                >
                  {entry.message}
                </Link>
              </li>
            ))}
          </ul>
        </section>
        <PopularPages />
      </div>
    </main>
  );
}
