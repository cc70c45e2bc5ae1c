'use client';

import { useBrowserValue } from '@/components/ui/use-browser-value';

const SHORT = { dateStyle: 'medium', timeStyle: 'short' } as const;

/**
 * A moment in the reader's own time zone and language, short enough for a table cell. The server does not know
 * either, so it renders UTC and the browser replaces it.
 */
export function LocalTime({ iso }: { iso: string }) {
  const text = useBrowserValue(
    () => new Intl.DateTimeFormat(undefined, SHORT).format(new Date(iso)),
    `${new Intl.DateTimeFormat('en-GB', { ...SHORT, timeZone: 'UTC' }).format(new Date(iso))} UTC`,
  );
  return <time dateTime={iso}>{text}</time>;
}
