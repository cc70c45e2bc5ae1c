import { expect, seriousViolations, test, waitForSearchReady } from './fixtures';

const PAGE = '/docs/errors/token-expired';

/** A different reader each test, so the per-client rate limits of one test do not reach the next. */
function asReader(index: number) {
  return { extraHTTPHeaders: { 'x-forwarded-for': `198.51.100.${60 + index}` } };
}

test.describe('with JavaScript', () => {
  test.use(asReader(1));

  test('a reader votes no by keyboard, adds a comment and is thanked without a reload', async ({ page, problems }) => {
    await page.goto(PAGE);
    const form = page.getByRole('region', { name: 'Was this page helpful?' });
    await expect(form).toBeVisible();
    // The comment waits for an answer.
    await expect(form.getByLabel('What were you trying to do? (optional)')).toBeHidden();
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));

    await form.getByRole('radio', { name: 'Yes' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(form.getByRole('radio', { name: 'No' })).toBeChecked();
    await form.getByLabel('What were you trying to do? (optional)').fill('Set up token refresh');
    await form.getByLabel('Email for a reply (optional)').fill('reader@example.com');
    const sent = page.waitForResponse((response) => response.url().endsWith('/api/feedback'));
    await form.getByRole('button', { name: 'Send feedback' }).click();
    const response = await sent;
    expect(response.status()).toBe(201);
    expect(response.request().postDataJSON()).toEqual({
      page: PAGE,
      helpful: false,
      comment: 'Set up token refresh',
      email: 'reader@example.com',
    });
    const thanks = page.getByRole('status').filter({ hasText: 'Your feedback was sent' });
    await expect(thanks).toBeFocused();
    expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(problems.list).toEqual([]);
  });

  test('a refused field is named and marked, and nothing is lost from the form', async ({ page }) => {
    await page.goto(PAGE);
    const form = page.getByRole('region', { name: 'Was this page helpful?' });
    await form.getByText('Yes', { exact: true }).click();
    await form.getByLabel('What were you trying to do? (optional)').fill('Keep this text');
    // The browser checks the email's shape first; a server refusal is what a longer address than stored gets.
    await form.getByLabel('Email for a reply (optional)').evaluate((input: HTMLInputElement) => {
      input.removeAttribute('maxlength');
      input.value = `${'a'.repeat(250)}@example.com`;
    });
    await form.getByRole('button', { name: 'Send feedback' }).click();
    await expect(form.getByRole('alert')).toContainText('Not sent. Email:');
    await expect(form.getByLabel('Email for a reply (optional)')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('What were you trying to do? (optional)')).toHaveValue('Keep this text');
  });

  test('the form counts one view when it comes on screen, and has no accessibility problems', async ({ page }) => {
    const views: unknown[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/feedback/views')) views.push(request.postDataJSON());
    });
    await page.goto(PAGE);
    const form = page.getByRole('region', { name: 'Was this page helpful?' });
    await form.scrollIntoViewIfNeeded();
    await expect.poll(() => views).toEqual([{ page: PAGE }]);
    await page.mouse.wheel(0, -5000);
    await form.scrollIntoViewIfNeeded();
    await form.getByText('No', { exact: true }).click();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await seriousViolations(page), colorScheme).toEqual([]);
    }
    expect(views).toHaveLength(1);
  });

  test('"Let us know" in the footer opens the form for the page the reader is on', async ({ page }) => {
    await page.goto('/tools/token');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Let us know' }).click();
    await expect(page).toHaveURL('/feedback?page=%2Ftools%2Ftoken');
    await expect(page.getByRole('link', { name: '/tools/token' })).toBeVisible();
    const form = page.getByRole('region', { name: 'Was this page helpful?' });
    await form.getByText('Yes', { exact: true }).click();
    const sent = page.waitForResponse((response) => response.url().endsWith('/api/feedback'));
    await form.getByRole('button', { name: 'Send feedback' }).click();
    expect((await sent).request().postDataJSON()).toMatchObject({ page: '/tools/token', helpful: true });
  });

  test('searches that find nothing, or whose first result is not opened, are reported once each', async ({ page }) => {
    const misses: unknown[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/search/misses')) misses.push(request.postDataJSON());
    });
    await page.goto('/docs');
    await waitForSearchReady(page);
    await page.keyboard.press('Control+K');
    const input = page.getByRole('combobox', { name: 'Search the docs or paste an error message' });
    await input.fill('Zebra  Quokka');
    await expect(page.getByText('No page matches')).toBeVisible();
    await expect.poll(() => misses).toEqual([{ query: 'zebra quokka', kind: 'no-result' }]);
    await input.fill('expired token');
    await expect(page.getByRole('option').first()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect.poll(() => misses).toContainEqual({ query: 'expired token', kind: 'not-opened' });

    await page.goto('/search?q=zebra+quokka');
    await page.goto('/search?q=narwhal+walrus');
    await expect.poll(() => misses).toContainEqual({ query: 'narwhal walrus', kind: 'no-result' });
    // The dialog reported "zebra quokka" already in this tab.
    expect(misses.filter((miss) => JSON.stringify(miss).includes('zebra'))).toHaveLength(1);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, ...asReader(2) });

  test('the form posts, lands on the feedback page with thanks, and links back', async ({ page }) => {
    await page.goto(PAGE);
    const form = page.getByRole('region', { name: 'Was this page helpful?' });
    await form.getByText('No', { exact: true }).click();
    await form.getByLabel('What were you trying to do? (optional)').fill('Posted without JavaScript');
    await form.getByRole('button', { name: 'Send feedback' }).click();
    await expect(page).toHaveURL(`/feedback?page=${encodeURIComponent(PAGE)}&feedback=sent`);
    await expect(page.getByRole('status')).toContainText('Your feedback was sent');
    await page.getByRole('link', { name: 'Token has expired' }).click();
    await expect(page).toHaveURL(PAGE);
  });

  test('a refused field is named on the feedback page, with the form to try again', async ({ page }) => {
    await page.goto(`/feedback?page=${encodeURIComponent(PAGE)}&feedback=invalid&field=comment`);
    await expect(page.getByRole('alert')).toHaveText('Not sent. Comment: at most 2000 characters.');
    await expect(page.getByRole('button', { name: 'Send feedback' })).toBeHidden();
  });
});
