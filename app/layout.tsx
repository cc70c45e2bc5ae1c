import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/site/site-footer';
import { SiteHeader } from '@/components/site/site-header';
import { themeScript } from '@/components/site/theme-script';
import { zodWithoutEvalScript } from '@/components/zod-without-eval';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'RTC Doctor', template: '%s · RTC Doctor' },
  description:
    'Diagnose real-time collaboration problems: secure contexts, JWT identity tokens, JWK sets and session races.',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#020617' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request makes every page render per request, which is what lets each carry a fresh CSP nonce.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* First, before any module can build a zod schema. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: zodWithoutEvalScript }} />
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only z-50 rounded bg-brand-600 text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:px-4 focus:py-2"
        >
          Skip to content
        </a>
        <SiteHeader />
        <div className="flex-1">{children}</div>
        <SiteFooter />
      </body>
    </html>
  );
}
