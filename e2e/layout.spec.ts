import type { Page } from '@playwright/test';
import { listDocPages } from '../lib/docs/pages';
import { expect, test, waitForSearchReady } from './fixtures';

const paths = [
  '/',
  '/search?q=JWT+has+expired',
  '/no-such-page',
  '/tools',
  '/tools/token',
  '/tools/secure-context',
  `/tools/secure-context?url=${encodeURIComponent('http://192.168.1.20:3000/')}`,
  '/tools/race',
  '/tools/race?mode=orderings',
  '/tools/race?mode=live',
  '/sign-in',
  '/sign-up',
  '/account',
  ...listDocPages().map((page) => page.href),
];

/**
 * The page's own width beyond the viewport, and every visible control that reaches past it. A control
 * inside a box meant to scroll sideways (a code block, a docs table, or one marked `data-scrolls-sideways`, which shows
 * that it scrolls) counts by that box; any other clipped control counts where it really is.
 */
async function overflow(page: Page): Promise<{ pageOverflow: number; outside: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const outside: string[] = [];
    const describe = (element: Element) => `${element.tagName.toLowerCase()} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}"`;
    for (const element of document.querySelectorAll('a[href], button, input, select, textarea, [tabindex="0"]')) {
      const style = getComputedStyle(element);
      const rect = element.getBoundingClientRect();
      // Visually hidden (the skip link until focused) or not rendered at all.
      if (rect.width <= 1 || rect.height <= 1 || style.visibility === 'hidden' || element.closest('[hidden], dialog:not([open])')) continue;
      const box = element.closest('pre, .prose table, [data-scrolls-sideways]') ?? element;
      const shown = box.getBoundingClientRect();
      if (shown.left < -0.5 || shown.right > width + 0.5) outside.push(`${describe(element)} spans ${Math.round(shown.left)}–${Math.round(shown.right)} px`);
    }
    return { pageOverflow: document.documentElement.scrollWidth - width, outside };
  });
}

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1366, height: 900 },
]) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });
    for (const path of paths) {
      test(`${path} fits the width`, async ({ page }) => {
        await page.goto(path);
        // Hydrated: client-rendered parts have their real size.
        await waitForSearchReady(page);
        const { pageOverflow, outside } = await overflow(page);
        expect(pageOverflow, 'the page scrolls sideways by this many pixels').toBeLessThanOrEqual(0);
        expect(outside).toEqual([]);
      });
    }
  });
}
