import { listDocPages } from '../lib/docs/pages';
import { expect, seriousViolations, test, waitForSearchReady } from './fixtures';

const paths = [
  '/',
  '/search?q=JWT+has+expired',
  '/no-such-page',
  '/tools',
  '/tools/token',
  '/tools/secure-context',
  `/tools/secure-context?url=${encodeURIComponent('http://192.168.1.20:3000/')}&setup=vite`,
  '/tools/race',
  '/tools/race?mode=orderings',
  '/tools/race?mode=live',
  '/tools/evidence',
  '/sign-in',
  '/sign-up',
  ...listDocPages().map((page) => page.href),
];

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

test('the token debugger with a diagnosis on screen is accessible in both modes', async ({ page }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto('/tools/token');
    await page.getByRole('button', { name: 'Expired', exact: true }).click();
    await expect(page.getByText(/The service would reject this token/)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Payload' }).locator('pre.shiki')).toBeVisible();
    expect(await seriousViolations(page), colorScheme).toEqual([]);
  }
});

test('the race visualizer mid-race and with every ordering listed is accessible in both modes', async ({ page }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto('/tools/race?step=11');
    await expect(page.getByTestId('race-outcome')).toBeVisible();
    expect(await seriousViolations(page), `${colorScheme} player`).toEqual([]);
    await page.goto('/tools/race?mode=orderings&provider=discarding');
    await expect(page.getByTestId('interleavings-summary')).toBeVisible();
    expect(await seriousViolations(page), `${colorScheme} orderings`).toEqual([]);
  }
});
