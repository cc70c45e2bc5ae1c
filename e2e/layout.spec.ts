import { listDocPages } from '../lib/docs/pages';
import { expect, test, waitForSearchReady } from './fixtures';
import { LAYOUT_VIEWPORTS, outsideTheViewport } from './layout-checks';

// The tools, sign-in, sign-up and the account page have layout checks of their own, in the states that stretch them.
const paths = ['/', '/search?q=JWT+has+expired', '/no-such-page', '/tools', ...listDocPages().map((page) => page.href)];

for (const viewport of LAYOUT_VIEWPORTS) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });
    for (const path of paths) {
      test(`${path} fits the width`, async ({ page }) => {
        await page.goto(path);
        // Hydrated: client-rendered parts have their real size.
        await waitForSearchReady(page);
        expect(await outsideTheViewport(page)).toEqual([]);
      });
    }
  });
}
