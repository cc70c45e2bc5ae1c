import { generateKeyPairSync } from 'node:crypto';
import { expect, seriousViolations, test } from './fixtures';
import { DESKTOP, PHONE, outsideTheViewport } from './layout-checks';

// Each test signs up, reads the page in two themes and runs the accessibility checker several times.
test.describe.configure({ timeout: 120_000 });

const LONG_KIDS = [
  '2025-rotation-production-signing-key-for-the-editor-eu-west-1',
  `tenant-${'Zk9x'.repeat(24)}`,
  'short',
];

function publicJwk(kid: string) {
  return { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' }), kid };
}

for (const viewport of [PHONE, DESKTOP]) {
  test(`/account at ${viewport.width}×${viewport.height}: an owner with long kids sees nothing wider than the screen, accessible in light and dark`, async ({
    page,
    baseURL,
    problems,
  }) => {
    await page.setViewportSize(viewport);
    const headers = { origin: baseURL! };
    const signUp = await page.request.post('/api/auth/sign-up/email', {
      data: {
        name: 'Wide Owner',
        email: `wide-${crypto.randomUUID().slice(0, 8)}@example.test`,
        password: 'a long enough password',
      },
      headers,
    });
    expect(signUp.status()).toBe(200);
    const apiKey = /rtc_[A-Za-z0-9_-]{24}/.exec(await (await page.request.get('/account')).text())?.[0];
    const upload = await page.request.post(`/api/accounts/${apiKey}/keys`, {
      data: { key: JSON.stringify({ keys: LONG_KIDS.map(publicJwk) }) },
      headers,
    });
    expect(upload.status()).toBe(201);

    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto('/account');
      await expect(page.locator('html')).toHaveClass(colorScheme === 'dark' ? /dark/ : /^(?!.*dark)/);
      for (const kid of LONG_KIDS) await expect(page.getByRole('cell', { name: kid })).toBeVisible();
      await expect(
        page.getByRole('link', { name: `${new URL(baseURL!).origin}/api/accounts/${apiKey}/jwks.json` }),
      ).toBeVisible();
      expect(await outsideTheViewport(page), colorScheme).toEqual([]);
      expect(await seriousViolations(page), colorScheme).toEqual([]);
    }

    // Shown whole, the two long kids and the three thumbprints still fit.
    const showAll = page.getByRole('button', { name: /^Show all of/ });
    await expect(showAll).toHaveCount(5);
    // Each click renames its button ("Show less of …"), so take the first that is left each time.
    for (let left = 5; left > 0; left--) await showAll.first().click();
    await expect(page.getByRole('button', { name: /^Show less of/ })).toHaveCount(5);
    expect(await outsideTheViewport(page)).toEqual([]);

    // So do the delete dialog naming the longest kid, and the refusal of a private key.
    await page
      .getByRole('row', { name: new RegExp(LONG_KIDS[1]!) })
      .getByRole('button', { name: 'Delete' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Delete this key?' });
    await expect(dialog).toContainText(LONG_KIDS[1]!);
    expect(await outsideTheViewport(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();

    await page
      .getByLabel(/Paste a JWK set/)
      .fill(
        generateKeyPairSync('rsa', { modulusLength: 2048 })
          .privateKey.export({ format: 'pem', type: 'pkcs8' })
          .toString(),
      );
    await expect(page.locator('[data-code="KEY_IS_PRIVATE"]')).toBeVisible();
    expect(await outsideTheViewport(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems.list).toEqual([]);
  });

  test(`/sign-in and /sign-up at ${viewport.width}×${viewport.height} fit the screen in light and dark`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      for (const path of ['/sign-in', '/sign-up']) {
        await page.goto(path);
        await expect(
          page.getByRole('button', { name: path === '/sign-in' ? 'Sign in' : 'Create account' }),
        ).toBeEnabled();
        expect(await outsideTheViewport(page), `${path} ${colorScheme}`).toEqual([]);
      }
    }
  });
}
