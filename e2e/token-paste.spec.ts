import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { Page } from '@playwright/test';
import { expect, seriousViolations, test } from './fixtures';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

/** A sound RS256 token and the public JWK set that verifies it. */
async function signedToken(kid = 'paste-key') {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] };
  const token = await new SignJWT({ sub: 'user-1' })
    .setProtectedHeader({ alg: 'RS256', kid })
    .setIssuedAt()
    .setExpirationTime('8h')
    .sign(privateKey);
  return { jwks, token, privateKey };
}

/** A real paste, through the clipboard and the keyboard, so the page sees the paste event a person causes. */
async function paste(page: Page, text: string) {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.getByLabel('Identity token').focus();
  // Over whatever the field holds, as a person replacing one token with another does.
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect(page.getByLabel('Identity token')).toHaveValue(text);
}

/** Nothing scrolls sideways, and every control a person can reach lies within the viewport's width. */
async function expectFitsWidth(page: Page) {
  const layout = await page.evaluate(() => {
    const controls = [
      ...document.querySelectorAll<HTMLElement>('a[href], button, input, textarea, select, summary, [tabindex]'),
    ]
      .filter((element) => element.getClientRects().length > 0)
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      // sr-only radios are 1 px boxes inside their visible labels; they are checked through the label.
      .filter(({ box }) => box.width > 1 && box.height > 1)
      // The skip link waits just off the left edge until it is focused; a pixel of rounding is not overflow.
      .filter(({ box }) => box.left < -1 || box.right > window.innerWidth + 1)
      .map(
        ({ element, box }) =>
          `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 40)}" ${Math.round(box.left)}–${Math.round(box.right)}`,
      );
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, outside: controls };
  });
  expect(layout.scrollWidth, 'page scrolls sideways').toBeLessThanOrEqual(layout.innerWidth);
  expect(layout.outside, 'controls outside the viewport width').toEqual([]);
}

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

test('pasting a token endpoint’s JSON body judges the token inside it and says what was removed', async ({
  page,
  problems,
}) => {
  const { token, jwks } = await signedToken();
  await page.goto('/tools/token');
  await page.getByLabel('Public keys (JWK set, JWK or PEM)', { exact: true }).fill(JSON.stringify(jwks));
  await paste(page, JSON.stringify({ token }));

  const note = page.getByTestId('input-cleaned');
  await expect(note).toHaveText(/Took the token from the JSON body's "token" field\./);
  await expect(page.getByText('This token will be accepted.')).toBeVisible();
  await expect(page.locator('[data-severity="warning"][data-code="TOKEN_INPUT_CLEANED"]')).toContainText(
    'took the token from the JSON body\'s "token" field',
  );
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText('"sub": "user-1"');

  await note.getByRole('button', { name: 'Keep only the token' }).click();
  await expect(page.getByLabel('Identity token')).toHaveValue(token);
  await expect(note).toHaveCount(0);
  await expect(page.locator('[data-code="TOKEN_INPUT_CLEANED"]')).toHaveCount(0);
  await expect(page.getByText('This token will be accepted.')).toBeVisible();
  expect(problems.list).toEqual([]);
});

test('on a phone the verdict is in view right after a paste, and "Details" brings the full verdict up', async ({
  page,
  problems,
}) => {
  await page.setViewportSize(PHONE);
  const { token } = await signedToken();
  await page.goto('/tools/token');
  await paste(page, `Authorization: Bearer ${token}`);

  const compact = page.locator('[data-compact-verdict]');
  await expect(compact).toHaveAttribute('data-compact-verdict', 'unchecked');
  await expect(compact).toBeInViewport();
  await expect(compact).toContainText('signature not checked');
  await expect(page.getByTestId('input-cleaned')).toContainText(
    'Removed an "Authorization:" header name; removed a "Bearer " prefix.',
  );

  const verdict = page.locator('[data-verdict]');
  await expect(verdict).not.toBeInViewport();
  await compact.getByRole('button', { name: 'Details' }).click();
  await expect(verdict).toBeInViewport();
  await expect(verdict).toBeFocused();
  await expect(verdict).toContainText('Its signature is not checked yet.');
  expect(problems.list).toEqual([]);
});

test('with reduced motion the verdict is brought into view at once, without a smooth scroll', async ({ page }) => {
  // A short phone screen, so the compact verdict under the field starts out of view.
  await page.setViewportSize({ width: 390, height: 480 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const { token } = await signedToken();
  await page.goto('/tools/token');
  const field = page.getByLabel('Identity token');
  await field.evaluate((element) => element.scrollIntoView({ block: 'end' }));
  const scrolledBefore = await page.evaluate(() => window.scrollY);
  await page.evaluate((value) => navigator.clipboard.writeText(value), `${token}\n`);
  await field.focus();
  await page.keyboard.press('ControlOrMeta+V');
  // The first token's verdict mounts once its module has loaded. Two frames after that: the page reveals it on the
  // first; an instant scroll has finished by the second, a smooth one not.
  await page.locator('[data-compact-verdict]').waitFor({ state: 'attached' });
  const after = await page.evaluate(
    () =>
      new Promise<{ inView: boolean; scrollY: number }>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const box = document.querySelector('[data-compact-verdict]')?.getBoundingClientRect();
            resolve({
              inView: box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight,
              scrollY: window.scrollY,
            });
          }),
        ),
      ),
  );
  expect(after.scrollY, 'the page scrolled to the verdict').toBeGreaterThan(scrolledBefore);
  expect(after.inView).toBe(true);
});

test('on a wide screen a paste does not move the page: the verdict is already beside the field', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  const { token } = await signedToken();
  await page.goto('/tools/token');
  await paste(page, token);
  await expect(page.locator('[data-verdict="unchecked"]')).toBeInViewport();
  await expect(page.locator('[data-compact-verdict]')).toBeHidden();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

for (const viewport of [PHONE, DESKTOP]) {
  test(`at ${viewport.width} px nothing is wider than the screen, in every state, and axe finds nothing serious in light or dark`, async ({
    page,
  }) => {
    // Five states and two axe runs: more than the default budget on a busy machine.
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    const { token } = await signedToken();
    await page.goto('/tools/token');
    await expectFitsWidth(page);
    for (const example of ['Valid', 'Expired', 'Unknown kid']) {
      await page.getByRole('button', { name: example, exact: true }).click();
      await expect(page.getByRole('list', { name: 'Verdict per key' })).toBeVisible();
      await expectFitsWidth(page);
    }
    await paste(page, `https://app.example.com/editor?document=42#access_token=${token}`);
    await expect(page.getByTestId('input-cleaned')).toContainText(
      'Took the token from the "access_token" parameter in the URL\'s fragment.',
    );
    await expectFitsWidth(page);
    expect(await seriousViolations(page), 'light').toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await expect(page.locator('html')).toHaveClass(/dark/);
    // The share fragment brings the pasted URL back.
    await expect(page.getByTestId('input-cleaned')).toBeVisible();
    await expectFitsWidth(page);
    expect(await seriousViolations(page), 'dark').toEqual([]);
  });
}
