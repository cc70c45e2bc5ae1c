import { expect, seriousViolations, test } from './fixtures';
import { LAYOUT_VIEWPORTS, outsideTheViewport } from './layout-checks';

const TOOL = '/tools/secure-context';

for (const viewport of LAYOUT_VIEWPORTS) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${viewport.width}×${viewport.height}, ${colorScheme}`, () => {
      test.use({ viewport, colorScheme });

      test('with a LAN address typed in, the checker fits the width and is accessible', async ({ page, problems }) => {
        await page.goto(TOOL);
        await expect(page.locator('html')).toHaveClass(colorScheme === 'dark' ? /dark/ : /^(?!.*dark)/);
        await page.getByLabel('Page URL').fill('http://192.168.1.20:3000');
        await expect(page.getByTestId('verdict')).toHaveAttribute('data-rule', 'lan-address');
        await expect(page.getByRole('region', { name: 'Phone or LAN device recipe' })).toBeVisible();
        // The origin is never cut inside its host or port: it sits on one line.
        const origin = page.getByTestId('verdict').locator('dd').first();
        await expect(origin).toHaveText('http://192.168.1.20:3000');
        const lines = await origin.evaluate((element) => {
          const range = document.createRange();
          range.selectNodeContents(element);
          return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
        });
        expect(lines).toBe(1);
        expect(await outsideTheViewport(page)).toEqual([]);
        expect(await seriousViolations(page)).toEqual([]);
        expect(problems.list).toEqual([]);
      });

      test('with an https address, the checker fits the width and is accessible', async ({ page }) => {
        await page.goto(`${TOOL}?url=${encodeURIComponent('https://editor.example.com/')}`);
        await expect(page.getByTestId('verdict')).toHaveAttribute('data-secure', 'true');
        expect(await outsideTheViewport(page)).toEqual([]);
        expect(await seriousViolations(page)).toEqual([]);
      });
    });
  }
}
