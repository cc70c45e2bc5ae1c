import { SERVICE_MESSAGES } from '../lib/errors/service-messages.fixture';
import { expect, test, waitForSearchReady } from './fixtures';

const SEED_MESSAGES = SERVICE_MESSAGES.map(({ message, href }) => [message, href] as const);

test.describe('search palette, keyboard only', () => {
  for (const [message, href] of SEED_MESSAGES) {
    test(`pasting "${message}" opens its page`, async ({ page, problems }) => {
      await page.goto('/docs');
      await waitForSearchReady(page);
      await page.keyboard.press('Control+K');
      const input = page.getByRole('combobox', { name: /search the docs/i });
      await expect(input).toBeFocused();
      await input.fill(`Error: "${message}."`);
      const first = page.getByRole('option').first();
      await expect(first).toHaveAttribute('aria-selected', 'true');
      await expect(first).toContainText('Exact message match');
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`${href}$`));
      expect(problems.list).toEqual([]);
    });
  }

  test('arrow keys move through results and Escape closes', async ({ page }) => {
    await page.goto('/');
    await waitForSearchReady(page);
    await page.keyboard.press('Control+K');
    const input = page.getByRole('combobox', { name: /search the docs/i });
    await input.fill('token');
    const options = page.getByRole('option');
    await expect(options.nth(2)).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(input).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id'))!);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(options.last()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
  });

  test('the slash key opens the palette too, and an unknown query says so', async ({ page }) => {
    await page.goto('/docs/errors');
    await waitForSearchReady(page);
    await page.keyboard.press('/');
    const input = page.getByRole('combobox', { name: /search the docs/i });
    await input.fill('zzqqxxyy');
    await expect(page.getByText(/No page matches/)).toBeVisible();
  });
});

test.describe('search page', () => {
  for (const [message, href] of SEED_MESSAGES) {
    test(`"${message}" is the first result`, async ({ page }) => {
      await page.goto(`/search?q=${encodeURIComponent(`[rtc] ${message.toUpperCase()}!`)}`);
      await expect(page.getByRole('listitem').getByRole('link').first()).toHaveAttribute('href', href);
    });
  }

  test('a pasted service message shows its page and close relations only, and says how many matched loosely', async ({
    page,
  }) => {
    await page.goto(`/search?q=${encodeURIComponent('JWT has expired')}`);
    const results = page.getByRole('main').getByRole('listitem');
    await expect(results.first().getByRole('link')).toHaveAttribute('href', '/docs/errors/token-expired');
    expect(await results.count()).toBeLessThanOrEqual(4);
    await expect(page.getByRole('main').getByRole('link', { name: /RSA key is too short|key too weak/i })).toHaveCount(
      0,
    );
    await expect(page.getByTestId('loose-matches')).toContainText(/\d+ other pages share only a few common words/);
  });

  test('submitting the form works without a mouse', async ({ page }) => {
    await page.goto('/search');
    await expect(page.getByRole('searchbox')).toBeFocused();
    await page.keyboard.type('mkcert');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/search\?q=mkcert$/);
    await expect(page.getByRole('heading', { name: /(match|matches) “mkcert”/ })).toBeVisible();
  });

  test('an empty result explains what to try next', async ({ page }) => {
    await page.goto('/search?q=zzqqxxyy');
    await expect(page.getByText('No pages match “zzqqxxyy”.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'error reference', exact: true })).toBeVisible();
  });
});
