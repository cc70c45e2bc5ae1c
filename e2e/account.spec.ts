import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { importPKCS8, SignJWT } from 'jose';
import { expect, test } from './fixtures';

function publicJwkText(kid: string): string {
  return JSON.stringify({ ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }), kid });
}

test('an owner signs up, adds keys by paste and by file, sees them in the JWK set, deletes one, and reads the audit log', async ({ page, problems }) => {
  const email = `owner-${crypto.randomUUID().slice(0, 8)}@example.test`;
  await page.goto('/account');
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByLabel('Your name').fill('Ada Owner');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ada Owner’s account');
  await expect(page.getByText('No keys yet.')).toBeVisible();

  await page.getByLabel(/Paste a JWK set/).fill(publicJwkText('pasted-key'));
  await page.getByRole('button', { name: 'Check and add' }).click();
  await expect(page.getByRole('cell', { name: 'pasted-key' })).toBeVisible();

  await page.locator('input[type="file"]').setInputFiles({ name: 'key.json', mimeType: 'application/json', buffer: Buffer.from(publicJwkText('file-key')) });
  await expect(page.getByLabel(/Paste a JWK set/)).toHaveValue(/file-key/);
  await page.getByRole('button', { name: 'Check and add' }).click();
  await expect(page.getByRole('cell', { name: 'file-key' })).toBeVisible();

  const apiKey = (await page.locator('dd code').first().innerText()).trim();
  const jwks = await (await page.request.get(`/api/accounts/${apiKey}/jwks.json`)).json();
  expect(jwks.keys.map((key: { kid: string }) => key.kid).sort()).toEqual(['file-key', 'pasted-key']);

  await page.getByLabel(/Paste a JWK set/).fill(JSON.stringify({ kty: 'oct', k: 'c2VjcmV0' }));
  await page.getByRole('button', { name: 'Check and add' }).click();
  await expect(page.locator('form [role="alert"]')).toContainText('KEY_SYMMETRIC');

  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('row', { name: /pasted-key/ }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('cell', { name: 'pasted-key' })).toHaveCount(0);
  const audit = page.getByRole('region', { name: 'Audit log' }).or(page.locator('section[aria-labelledby="audit-heading"]'));
  await expect(audit).toContainText('deleted key pasted-key (owner)');
  await expect(audit).toContainText('added key file-key (owner)');
  // The refused upload's 422 is logged by the browser as a failed load; nothing else may be.
  expect(problems.list.filter((problem) => !problem.includes('status of 422'))).toEqual([]);
});

test('the key API refuses anonymous readers and cross-site changes', async ({ request }) => {
  expect((await request.get('/api/accounts/rtc_anything/keys')).status()).toBe(401);
  const crossSite = await request.post('/api/accounts/rtc_anything/keys', { data: { key: '{}' }, headers: { origin: 'https://evil.test' } });
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).error.code).toBe('CSRF_REJECTED');
});

test('an owner generates a key pair in the browser, registers it, and a token signed with it checks out', async ({ page }) => {
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill('Grace Owner');
  await page.getByLabel('Email').fill(`grace-${crypto.randomUUID().slice(0, 8)}@example.test`);
  await page.getByLabel('Password').fill('another long password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Grace Owner’s account');

  await page.getByLabel('Algorithm').selectOption('ES256');
  await page.getByRole('button', { name: 'Generate key pair' }).click();
  const status = page.getByRole('status').filter({ hasText: 'Made an ES256 key pair' });
  await expect(status).toBeVisible();
  const kid = (await status.locator('code').innerText()).trim();
  await expect(page.getByLabel(/Paste a JWK set/)).toHaveValue(new RegExp(kid));

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download private key (PEM)' }).click();
  const pem = readFileSync((await (await downloading).path())!, 'utf8');
  expect(pem).toContain('-----BEGIN PRIVATE KEY-----');

  await page.getByRole('button', { name: 'Check and add' }).click();
  await expect(page.getByRole('cell', { name: kid })).toBeVisible();

  const apiKey = (await page.locator('dd code').first().innerText()).trim();
  const jwks = await (await page.request.get(`/api/accounts/${apiKey}/jwks.json`)).json();
  const token = await new SignJWT({ sub: 'user-1' }).setProtectedHeader({ alg: 'ES256', kid }).setIssuedAt().setExpirationTime('5m').sign(await importPKCS8(pem, 'ES256'));
  const result = await (await page.request.post('/api/tokens/diagnose', { data: { token, jwks } })).json();
  expect(result).toMatchObject({ ok: true, key: { kid } });
  await expect(page.getByRole('row', { name: new RegExp(kid) })).toContainText('Never');

  // As the service sees it: the debugger checks against the signed-in owner's registered keys.
  await page.goto('/tools/token');
  await page.getByLabel('Identity token').fill(token);
  await page.locator('label', { hasText: 'An account’s registered keys' }).click();
  await expect(page.getByRole('radio', { name: 'An account’s registered keys' })).toBeChecked();
  await expect(page.getByLabel('Account API key')).toHaveValue(apiKey);
  await expect(page.getByTestId('account-key-summary')).toHaveText('Grace Owner’s account has 1 public key registered.');
  await expect(page.getByText('This token will be accepted.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Verdict per key' })).toContainText('Verified');

  const unknownKid = await new SignJWT({ sub: 'user-1' }).setProtectedHeader({ alg: 'ES256', kid: 'abc' }).setIssuedAt().setExpirationTime('5m').sign(await importPKCS8(pem, 'ES256'));
  await page.getByLabel('Identity token').fill(unknownKid);
  await expect(page.locator('[data-code="JWKS_UNAVAILABLE"]')).toContainText(`Account "Grace Owner’s account" has 1 key; none has kid "abc" (the kids are "${kid}")`);

  // The share link names the account, not its keys, and reopens in account mode.
  expect(new URL(page.url()).hash).toContain(`apiKey=${apiKey}`);

  await page.goto('/account');
  await expect(page.getByRole('row', { name: new RegExp(kid) })).not.toContainText('Never');
});
