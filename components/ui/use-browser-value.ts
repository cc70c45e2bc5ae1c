'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * A value only the browser knows (the page's origin, the reader's time zone): `serverValue` in the server
 * render and during hydration, so the two agree, then the browser's.
 */
export function useBrowserValue<T>(read: () => T, serverValue: T): T {
  return useSyncExternalStore(subscribe, read, () => serverValue);
}
