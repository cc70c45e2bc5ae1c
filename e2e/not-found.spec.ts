import { expect, test } from './fixtures';

for (const path of [
  '/docs/no-such-page',
  '/docs/errors/no-such-error',
  '/docs/errors/TOKEN_EXPIRED',
  '/no/such/place',
]) {
  test(`${path} answers 404 with search and popular pages`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page does not exist');
    await expect(page.getByRole('searchbox')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Popular pages' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Token has expired' })).toBeVisible();
  });
}

test('searching from the 404 page finds the page', async ({ page }) => {
  await page.goto('/docs/expired');
  await page.getByRole('searchbox').fill('JWT has expired');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('listitem').getByRole('link').first()).toHaveAttribute(
    'href',
    '/docs/errors/token-expired',
  );
});
