'use client';

import { useEffect, useRef, type RefObject } from 'react';
import { requestJson } from '@/components/request-json';

/**
 * Counts one showing of the feedback form for `page` (docs health's "views"): once per page load, when at least
 * half the form has been on screen. A failed count is not retried or shown: it is a statistic, not the reader's.
 */
export function useFormViewBeacon(target: RefObject<HTMLElement | null>, page: string) {
  const counted = useRef(false);

  useEffect(() => {
    const element = target.current;
    if (!element || counted.current || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (counted.current || !entries.some((entry) => entry.isIntersecting)) return;
        counted.current = true;
        observer.disconnect();
        // A fire-and-forget count, not server data the page shows: a plain request, which keeps TanStack Query
        // (11 KB) off every docs page.
        requestJson<void>('/api/feedback/views', { method: 'POST', body: JSON.stringify({ page }) }).catch(() => {});
      },
      { threshold: 0.5 },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [target, page]);
}
