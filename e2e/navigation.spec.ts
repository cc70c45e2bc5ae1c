import { expect, seriousViolations, test } from './fixtures';

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('the menu opens by keyboard, lists every section, closes on Escape and returns focus', async ({ page }) => {
    await page.goto('/docs');
    const menuButton = page.getByRole('button', { name: 'Menu' });
    await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
    await menuButton.focus();
    await page.keyboard.press('Enter');
    await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
    const menu = page.getByRole('navigation', { name: 'Site menu' });
    await expect(menu.getByRole('link')).toHaveText(['Docs', 'Errors', 'Tools', 'Search', 'Account']);
    await expect(menu.getByRole('link', { name: 'Docs' })).toBeFocused();
    await expect(menu.getByRole('link', { name: 'Docs' })).toHaveAttribute('aria-current', 'page');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(menuButton).toBeFocused();
  });

  test('choosing a section goes there and closes the menu', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'Site menu' }).getByRole('link', { name: 'Tools' }).click();
    await expect(page).toHaveURL(/\/tools$/);
    await expect(page.getByRole('navigation', { name: 'Site menu' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Menu' })).toHaveAttribute('aria-expanded', 'false');
  });

  test('the search palette shows no keyboard hints on a touch screen', async ({ page }) => {
    await page.goto('/');
    await page
      .getByRole('banner')
      .getByRole('button', { name: /search/i })
      .click();
    await page.getByRole('combobox').fill('jwt');
    await expect(page.getByRole('option').first()).toBeVisible();
    await expect(page.getByTestId('keyboard-hint')).toBeHidden();
  });
});

test('on a desktop the header shows the sections and no menu button; the footer links every section and feedback', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText([
    'Docs',
    'Errors',
    'Tools',
  ]);
  await expect(page.getByRole('navigation', { name: 'Footer' }).getByRole('link')).toHaveText([
    'Docs',
    'Error reference',
    'Tools',
    'Search',
    'Account',
    'Let us know',
  ]);
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Let us know' })).toHaveAttribute(
    'href',
    '/feedback?page=%2F',
  );
  await page
    .getByRole('banner')
    .getByRole('button', { name: /search/i })
    .click();
  await expect(page.getByTestId('keyboard-hint')).toBeVisible();
});
