'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/** This site's origin in the browser; a placeholder during the server render, replaced on hydration. */
export function useSiteOrigin(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.origin,
    () => 'http://localhost:3000',
  );
}
