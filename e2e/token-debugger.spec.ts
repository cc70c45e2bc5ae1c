import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createExampleTokens, EXAMPLES } from '../lib/jwt/examples';
import { expect, seriousViolations, test } from './fixtures';

// The examples the debugger offers as buttons; the others complete `token example CODE`.
const examples = EXAMPLES.filter((example) => !('button' in example));

async function errorCodes(page: import('@playwright/test').Page): Promise<string[]> {
  return page
    .locator('[data-severity="error"]')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-code') ?? ''));
}

test('starts with an empty state that explains tokens', async ({ page, problems }) => {
  await page.goto('/tools/token');
  await expect(
    page.getByRole('heading', { name: 'Paste a token to see everything that is wrong with it' }),
  ).toBeVisible();
  await expect(page.getByTestId('clock-check')).toContainText(/clock/);
  expect(problems.list).toEqual([]);
});

for (const example of examples) {
  test(`the "${example.title}" example shows ${example.expected.join(', ') || 'an accepted token'}`, async ({
    page,
    problems,
  }) => {
    await page.goto('/tools/token');
    await page.getByRole('button', { name: example.title, exact: true }).click();
    if (example.expected.length === 0) {
      await expect(page.getByText('This token will be accepted.')).toBeVisible();
      await expect(page.getByRole('list', { name: 'Verdict per key' })).toContainText('Verified');
    } else {
      await expect(page.getByText(/The service would reject this token/)).toBeVisible();
      await expect.poll(() => errorCodes(page)).toEqual(example.expected);
      for (const code of example.expected) {
        const link = page.locator(`[data-code="${code}"]`).getByRole('link', { name: 'How to fix it' });
        await expect(link).toHaveAttribute('href', `/docs/errors/${code.toLowerCase().replaceAll('_', '-')}`);
      }
    }
    expect(problems.list).toEqual([]);
  });
}

test('decodes as you type, colours the parts and shows the header and payload', async ({ page }) => {
  const { examples: made } = await createExampleTokens();
  await page.goto('/tools/token');
  const [header, payload] = made[0]!.token.split('.');
  const { alg } = JSON.parse(Buffer.from(header!, 'base64url').toString('utf8')) as { alg: string };
  await page.getByLabel('Identity token').fill(made[0]!.token);
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText('"sub": "user-42"');
  await expect(page.getByRole('region', { name: 'Header' })).toContainText(`"alg": "${alg}"`);
  await expect(page.locator('[aria-hidden="true"] span.text-violet-700').filter({ hasText: payload! })).toHaveCount(1);
  await expect(page.getByText('Its signature is not checked yet.', { exact: false })).toBeVisible();
  await page.getByLabel('Identity token').fill('not a token');
  await expect.poll(() => errorCodes(page)).toEqual(['TOKEN_NOT_ENOUGH_PARTS']);
});

test('a share link carries the token in the fragment and restores it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/tools/token');
  await page.getByRole('button', { name: 'Expired', exact: true }).click();
  await expect.poll(() => errorCodes(page)).toEqual(['TOKEN_EXPIRED']);
  const token = await page.getByLabel('Identity token').inputValue();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const url = new URL(link);
  expect(url.pathname).toBe('/tools/token');
  expect(url.search).toBe('');
  expect(new URLSearchParams(url.hash.slice(1)).get('token')).toBe(token);

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByLabel('Identity token')).toHaveValue(token);
  await expect(other.getByRole('list', { name: 'Verdict per key' })).toContainText('Verified');
  await expect.poll(() => errorCodes(other)).toEqual(['TOKEN_EXPIRED']);
});

test('the token never travels to the server', async ({ page }) => {
  const sent: string[] = [];
  page.on('request', (request) =>
    sent.push(`${request.url()}\n${request.postData() ?? ''}\n${JSON.stringify(request.headers())}`),
  );
  await page.goto('/tools/token');
  const seen: string[] = [];
  for (const example of examples) {
    await page.getByRole('button', { name: example.title, exact: true }).click();
    await expect(page.getByRole('status').first()).toBeVisible();
    seen.push(await page.getByLabel('Identity token').inputValue());
  }
  const { examples: made } = await createExampleTokens();
  await page.getByLabel('Identity token').fill(made[0]!.token);
  seen.push(made[0]!.token);
  await page.getByRole('link', { name: 'Docs', exact: true }).first().hover();
  await page.waitForLoadState('networkidle');
  expect(sent.length).toBeGreaterThan(0);
  for (const token of seen) {
    // The payload part identifies the token; no request may carry it in its URL, body or headers.
    const payload = token.split('.')[1]!;
    for (const request of sent) expect(request).not.toContain(payload);
  }
});

const SERVICE_SET = 'RS256, RS384, RS512, PS256, PS384 and PS512';

/** A key pair of `alg` made here, its public JWK set, and a token signed with it that is otherwise sound. */
async function signedToken(alg: string, kid: string) {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg, use: 'sig' }] };
  const token = await new SignJWT({ sub: 'user-1', name: 'Ada Example' })
    .setProtectedHeader({ alg, kid })
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
  return { jwks, token };
}

test('an ES256 token is refused under the service’s algorithms, and accepted only after widening the set for this check', async ({
  page,
  context,
  problems,
}) => {
  const { jwks, token } = await signedToken('ES256', 'ec-key');
  await page.goto('/tools/token');
  const summary = page.getByTestId('algorithm-set-summary');
  await expect(summary).toHaveText(`Checked against the service’s algorithms: ${SERVICE_SET}`);
  await page.getByLabel('Identity token').fill(token);
  await page.getByLabel('Public keys (JWK set, JWK or PEM)', { exact: true }).fill(JSON.stringify(jwks));

  await expect.poll(() => errorCodes(page)).toEqual(['TOKEN_UNSUPPORTED_ALG']);
  await expect(page.locator('[data-verdict="rejected"]')).toBeVisible();
  // The service prints this message itself: it is labelled as what the editor shows.
  await expect(page.locator('[data-code="TOKEN_UNSUPPORTED_ALG"] [data-shown-by="service"]')).toContainText(
    'What the editor shows',
  );
  // Under the service's set the pasted EC key is of no use, and the page says so.
  await expect(page.locator('[data-severity="warning"][data-code="JWKS_KEY_SKIPPED"]').first()).toBeVisible();
  expect(new URLSearchParams(new URL(page.url()).hash.slice(1)).has('algorithms')).toBe(false);

  // Widen the set with the keyboard: the disclosure and its checkboxes.
  await page.getByTestId('algorithm-set').locator('summary').focus();
  await page.keyboard.press('Enter');
  const es256 = page.getByRole('checkbox', { name: /^ES256\b/ });
  await expect(es256).toBeVisible();
  await expect(es256).not.toBeChecked();
  await expect(es256).toHaveAccessibleName(/not accepted by the service/);
  await expect(page.getByRole('checkbox', { name: /^RS256\b/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /^RS256\b/ })).toHaveAccessibleName(/the service’s/);
  await es256.focus();
  await page.keyboard.press('Space');
  await expect(es256).toBeChecked();

  await expect(summary).toHaveText(
    `Checked against the algorithms chosen for this check: RS256, RS384, RS512, PS256, PS384, PS512 and ES256`,
  );
  const verdict = page.locator('[data-verdict="accepted"]');
  await expect(verdict).toContainText('Accepted under the algorithms chosen for this check.');
  await expect(verdict.getByTestId('service-would-refuse')).toContainText(
    `The collaboration service itself would refuse this token: it accepts only ${SERVICE_SET}, and this token is signed with ES256.`,
  );
  await expect(page.getByText('This token will be accepted.')).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Verdict per key' })).toContainText('Verified');
  expect(await errorCodes(page)).toEqual([]);

  // The widened set travels in the share link, and only because it differs from the default.
  await expect
    .poll(() => new URLSearchParams(new URL(page.url()).hash.slice(1)).get('algorithms'))
    .toBe('RS256,RS384,RS512,PS256,PS384,PS512,ES256');
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.getByRole('checkbox', { name: /^ES256\b/ })).toBeChecked();
  await expect(other.locator('[data-verdict="accepted"]').getByTestId('service-would-refuse')).toBeVisible();
  await other.close();

  // The open control, the widened verdict and its notice are accessible in both colour schemes; a reload keeps the set.
  expect(await seriousViolations(page), 'light').toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expect(page.getByRole('checkbox', { name: /^ES256\b/ })).toBeChecked();
  await expect(page.locator('[data-verdict="accepted"]').getByTestId('service-would-refuse')).toBeVisible();
  expect(await seriousViolations(page), 'dark').toEqual([]);

  await page.getByRole('button', { name: 'Back to the service’s set' }).click();
  await expect(summary).toHaveText(`Checked against the service’s algorithms: ${SERVICE_SET}`);
  await expect.poll(() => errorCodes(page)).toEqual(['TOKEN_UNSUPPORTED_ALG']);
  await expect.poll(() => new URLSearchParams(new URL(page.url()).hash.slice(1)).has('algorithms')).toBe(false);
  expect(problems.list).toEqual([]);
});

test('an RS256 token passes under the service’s set; a finding in RTC Doctor’s own words is labelled as such', async ({
  page,
  problems,
}) => {
  const { jwks, token } = await signedToken('RS256', 'rsa-key');
  const stranger = await signedToken('RS256', 'rsa-key');
  await page.goto('/tools/token');
  await page.getByLabel('Identity token').fill(token);
  await page.getByLabel('Public keys (JWK set, JWK or PEM)', { exact: true }).fill(JSON.stringify(jwks));
  await expect(page.getByText('This token will be accepted.')).toBeVisible();
  await expect(page.getByTestId('service-would-refuse')).toHaveCount(0);

  await page.getByLabel('Public keys (JWK set, JWK or PEM)', { exact: true }).fill(JSON.stringify(stranger.jwks));
  await expect.poll(() => errorCodes(page)).toEqual(['TOKEN_SIGNATURE_INVALID']);
  const message = page.locator('[data-code="TOKEN_SIGNATURE_INVALID"] [data-shown-by="rtc-doctor"]');
  await expect(message).toContainText('RTC Doctor’s finding (not the editor’s words)');
  await expect(message).not.toContainText('What the editor shows');
  expect(problems.list).toEqual([]);
});

test('in account mode an unknown kid is headlined as the finding, with the service’s words shown as what the editor displays', async ({
  page,
  problems,
}) => {
  const { jwks } = await signedToken('RS256', 'main-2026');
  await page.goto('/tools/token');
  const origin = new URL(page.url()).origin;
  const signUp = await page.request.post('/api/auth/sign-up/email', {
    data: {
      name: 'Kid Owner',
      email: `kid-${crypto.randomUUID().slice(0, 8)}@example.test`,
      password: 'a long enough password',
    },
    headers: { origin },
  });
  expect(signUp.status()).toBe(200);
  const apiKey = /rtc_[A-Za-z0-9_-]{24}/.exec(await (await page.request.get('/account')).text())?.[0];
  expect(apiKey).toBeDefined();
  expect(
    (
      await page.request.post(`/api/accounts/${apiKey}/keys`, {
        data: { key: JSON.stringify(jwks) },
        headers: { origin },
      })
    ).status(),
  ).toBe(201);
  // A token naming a kid the account does not have.
  const stranger = await signedToken('RS256', 'abc');

  await page.reload();
  await page.getByLabel('Identity token').fill(stranger.token);
  await page.locator('label', { hasText: 'An account’s registered keys' }).click();
  await expect(page.getByLabel('Account API key')).toHaveValue(apiKey!);
  const problem = page.locator('[data-code="JWKS_UNAVAILABLE"]');
  await expect(problem.locator('p').first()).toContainText('No key in this account has kid "abc"');
  await expect(problem.locator('p').first()).not.toContainText('Unable to retrieve JWK set');
  const shown = problem.locator('[data-shown-by="service"]');
  await expect(shown).toContainText('What the editor shows:');
  await expect(shown.locator('q')).toHaveText('Unable to retrieve JWK set');
  await expect(shown).toContainText('none has kid "abc" (the kids are "main-2026")');
  expect(problems.list).toEqual([]);
});
