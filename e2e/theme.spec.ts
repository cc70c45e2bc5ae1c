import { expect, test } from './fixtures';

/** Records the root element's classes at the moment <body> is first parsed, before anything paints. */
async function classAtFirstPaint(page: import('@playwright/test').Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __classAtBody: string }).__classAtBody);
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (document.body) {
        (window as unknown as { __classAtBody: string }).__classAtBody = document.documentElement.className;
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
});

test('follows a dark system setting before the first paint', async ({ page, problems }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/docs');
  expect(await classAtFirstPaint(page)).toContain('dark');
  await expect(page.locator('html')).toHaveClass(/dark/);
  expect(problems.list).toEqual([]);
});

test('follows a light system setting', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/docs');
  await expect(page.locator('html')).not.toHaveClass(/dark/);
});

test('the toggle cycles system, light, dark and the choice survives a reload with no flash', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const toggle = page.getByRole('button', { name: /theme/i });
  await expect(toggle).toHaveAccessibleName(/System theme/);
  await toggle.click();
  await expect(toggle).toHaveAccessibleName(/Light theme/);
  await toggle.click();
  await expect(toggle).toHaveAccessibleName(/Dark theme/);
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.reload();
  expect(await classAtFirstPaint(page)).toContain('dark');
  await expect(page.getByRole('button', { name: /Dark theme/ })).toBeVisible();
  await page.getByRole('button', { name: /Dark theme/ }).click();
  await expect(page.locator('html')).not.toHaveClass(/dark/);
});
