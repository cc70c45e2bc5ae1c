import { listDocPages } from '../lib/docs/pages';
import { expect, seriousViolations, test, waitForSearchReady } from './fixtures';

const paths = ['/', '/search?q=JWT+has+expired', '/no-such-page', ...listDocPages().map((page) => page.href)];

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme });
    for (const path of paths) {
      test(`${path} has no serious accessibility violations`, async ({ page }) => {
        await page.goto(path);
        await expect(page.locator('html')).toHaveClass(colorScheme === 'dark' ? /dark/ : /^(?!.*dark)/);
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  });
}

test('the open search palette is accessible', async ({ page }) => {
  await page.goto('/');
  await waitForSearchReady(page);
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox').fill('jwt');
  await expect(page.getByRole('option').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
