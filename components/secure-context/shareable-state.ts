'use client';

import type { RecipeId } from '@/lib/secure-context/recipe-ids';

/**
 * The checker's state lives in the query (?url=…&setup=…): a URL under test is not a secret, and the
 * server can then render a shared link's verdict straight away.
 */
export interface CheckerState {
  url: string;
  setup: RecipeId | undefined;
}

export function queryFor({ url, setup }: CheckerState): string {
  const params = new URLSearchParams();
  if (url) params.set('url', url);
  if (setup) params.set('setup', setup);
  const encoded = params.toString();
  return encoded ? `?${encoded}` : '';
}

export function writeQuery(state: CheckerState): void {
  const query = queryFor(state);
  if (query === window.location.search) return;
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${query}${window.location.hash}`);
}
