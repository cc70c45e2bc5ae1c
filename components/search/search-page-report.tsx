'use client';

import { useEffect } from 'react';
import { Providers } from '@/components/providers';
import { useSearchMissReport } from './use-search-miss-report';

interface SearchPageReportProps {
  query: string;
  /** The first result's path, or none when the search found nothing. */
  firstHref?: string;
}

/** The search page's missed-search report: "no-result" at once, or "not-opened" when the reader leaves otherwise. */
export function SearchPageReport(props: SearchPageReportProps) {
  return (
    <Providers>
      <Report {...props} />
    </Providers>
  );
}

function Report({ query, firstHref }: SearchPageReportProps) {
  const report = useSearchMissReport();

  useEffect(() => {
    if (!query.trim()) return;
    if (!firstHref) {
      report(query, 'no-result');
      return;
    }
    let opened = false;
    function onClick(event: MouseEvent) {
      const link = event.target instanceof Element ? event.target.closest('a') : null;
      if (link && new URL(link.href, location.href).pathname === firstHref) opened = true;
    }
    function onLeave() {
      if (!opened) report(query, 'not-opened');
    }
    document.addEventListener('click', onClick, true);
    window.addEventListener('pagehide', onLeave);
    return () => {
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('pagehide', onLeave);
      // Leaving by a client-side link unmounts this without a pagehide.
      onLeave();
    };
  }, [query, firstHref, report]);

  return null;
}
