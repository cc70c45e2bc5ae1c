import { useBrowserValue } from './use-browser-value';

const inBrowser = () => true;

/**
 * False in the server's HTML and during hydration, true once React runs the page in the browser: for
 * controls that only work with JavaScript (a form the browser would otherwise submit itself).
 */
export function useHydrated(): boolean {
  return useBrowserValue(inBrowser, false);
}
