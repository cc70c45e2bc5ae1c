import { expect, seriousViolations, test } from './fixtures';
import { LAYOUT_VIEWPORTS, outsideTheViewport } from './layout-checks';

for (const viewport of LAYOUT_VIEWPORTS) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${viewport.width}×${viewport.height}, ${colorScheme}`, () => {
      test.use({ viewport, colorScheme });

      test('the race, mid-playback, fits the width and is accessible', async ({ page, problems }) => {
        await page.goto('/tools/race?provider=discarding&step=6');
        await expect(page.getByTestId('race-position')).toHaveText('Event 6 of 12');
        await expect(page.locator('html')).toHaveClass(colorScheme === 'dark' ? /dark/ : /^(?!.*dark)/);
        // Every lane, the server's too, is drawn inside the timeline's box.
        const timeline = await page.getByTestId('race-timeline').boundingBox();
        for (const dot of await page.getByTestId('race-timeline').locator('[data-at]').all()) {
          const box = (await dot.boundingBox())!;
          expect(box.x).toBeGreaterThanOrEqual(timeline!.x);
          expect(box.x + box.width).toBeLessThanOrEqual(timeline!.x + timeline!.width);
        }
        expect(await outsideTheViewport(page)).toEqual([]);
        expect(await seriousViolations(page)).toEqual([]);
        expect(problems.list).toEqual([]);
      });

      test('the orderings list and the live mode fit the width and are accessible', async ({ page }) => {
        for (const path of ['/tools/race?mode=orderings', '/tools/race?mode=live']) {
          await page.goto(path);
          await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
          if (path.endsWith('orderings')) await expect(page.getByTestId('interleavings-summary')).toBeVisible();
          expect(await outsideTheViewport(page), path).toEqual([]);
          expect(await seriousViolations(page), path).toEqual([]);
        }
      });
    });
  }
}
