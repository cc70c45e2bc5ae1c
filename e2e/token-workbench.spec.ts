import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { expect, test } from './fixtures';
import { signUpOwner } from './owners';

const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privatePem = pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const jwks = { keys: [{ ...pair.publicKey.export({ format: 'jwk' }), kid: 'k1' }] };
/** A line from the middle of the private key: no request may carry it. */
const keyLine = privatePem.split('\n')[4]!;

test.use({ extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.90' } });

test('an expired token and its private key: the exp fix re-signs it, it is accepted, and no request carries the key', async ({
  page,
  context,
  baseURL,
  problems,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const bodies: string[] = [];
  page.on('request', (request) => bodies.push(`${request.url()} ${request.postData() ?? ''}`));
  const now = Math.floor(Date.now() / 1000);
  const expired = await new SignJWT({ sub: 'user-1' })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'k1' })
    .setIssuedAt(now - 10 * 3600)
    .setExpirationTime(now - 3600)
    .sign(pair.privateKey);

  await page.goto('/tools/token');
  await page.getByLabel('Identity token').fill(expired);
  await page.getByLabel('Public keys (JWK set, JWK or PEM)', { exact: true }).fill(JSON.stringify(jwks));
  await expect(page.locator('li[data-code="TOKEN_EXPIRED"]')).toBeVisible();

  await page.getByRole('button', { name: 'Edit and re-sign' }).click();
  await page.getByLabel('Private key (PEM or JWK)').fill(privatePem);
  await expect(page.getByText('RSA 2048-bit private key: every edit is signed with it.')).toBeVisible();
  await page
    .locator('li[data-code="TOKEN_EXPIRED"]')
    .getByRole('button', { name: /^Fix: Set exp to now/ })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'done.' })).toContainText('payload exp:');
  await expect(page.getByText('This token will be accepted.')).toBeVisible();
  // A clean token gets working endpoint code in the reader's language, and the choice is remembered.
  const endpoint = page.getByRole('region', { name: 'Token endpoint code' });
  await expect(endpoint.getByLabel('Node.js token endpoint (jose)')).toContainText('kid: KID');
  await endpoint.locator('label', { hasText: 'Python' }).click();
  await expect(endpoint.getByLabel('Python token endpoint (PyJWT)')).toContainText('jwt.encode(payload, PRIVATE_KEY');
  await expect(endpoint.getByLabel('Python token endpoint (PyJWT)')).toContainText('KID = "k1"');
  await endpoint.getByRole('button', { name: 'Copy the Python endpoint' }).click();
  await expect(endpoint.getByRole('button', { name: 'Copy the Python endpoint' })).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('LIFETIME_SECONDS = 28800');
  expect(await page.evaluate(() => localStorage.getItem('rtc-doctor.endpoint-language'))).toBe('python');
  // The editor follows the fixed token.
  await expect(page.getByLabel('Payload JSON')).toHaveText(/"exp": \d+/);
  // Highlighted, and each known claim explained on hover.
  const expName = page.getByLabel('Payload JSON').locator('span', { hasText: /^"exp"$/ });
  await expect(expName).toHaveClass(/text-rose-700/);
  await expect(page.locator('.cm-tooltip')).toHaveCount(0);
  await expName.hover();
  await expect(page.locator('.cm-tooltip')).toContainText('exp: ');

  // Without the key, an edit leaves the signature stale.
  await page.getByRole('button', { name: 'Clear key' }).click();
  await page.getByLabel('Payload JSON').fill('{ "sub": "user-2", "exp": 4102444800 }');
  await expect(page.getByText('Signature is stale:')).toBeVisible();
  await expect(page.locator('li[data-code="TOKEN_SIGNATURE_INVALID"]')).toBeVisible();
  await page.getByLabel('Payload JSON').fill('{ "sub": ');
  await expect(page.getByRole('alert').filter({ hasText: 'Value expected' })).toBeVisible();
  await expect(page.getByLabel('Payload JSON')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.cm-lintRange-error')).toHaveCount(1);

  expect(page.url()).not.toContain(keyLine.slice(0, 20));
  for (const body of bodies) expect(body).not.toContain(keyLine);
  expect(problems.list).toEqual([]);
});

test('a token with a wrong kid: the signed-in owner fixes kid to the account’s key and it is accepted as the service sees it', async ({
  page,
  baseURL,
  problems,
}) => {
  const bodies: string[] = [];
  page.on('request', (request) => bodies.push(`${request.url()} ${request.postData() ?? ''}`));
  const apiKey = await signUpOwner(page, baseURL!, 'Kit Owner');
  const upload = await page.request.post(`/api/accounts/${apiKey}/keys`, {
    data: { key: JSON.stringify({ ...jwks.keys[0], kid: 'acct-2026' }) },
    headers: { origin: baseURL! },
  });
  expect(upload.status()).toBe(201);
  const wrongKid = await new SignJWT({ sub: 'user-1' })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'old-key' })
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(pair.privateKey);

  await page.goto('/tools/token');
  await page.getByLabel('Identity token').fill(wrongKid);
  await page.locator('label', { hasText: 'An account’s registered keys' }).click();
  await expect(page.getByLabel('Account API key')).toHaveValue(apiKey);
  const noKey = page.locator('li[data-code="JWKS_UNAVAILABLE"]');
  await expect(noKey).toBeVisible();

  await page.getByRole('button', { name: 'Edit and re-sign' }).click();
  await page.getByLabel('Private key (PEM or JWK)').fill(privatePem);
  await noKey.getByRole('button', { name: 'Fix: Set kid to "acct-2026"' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'done.' })).toContainText('header kid:');
  await expect(page.getByRole('status').filter({ hasText: 'accepted as the service sees it' })).toContainText(
    'the key "acct-2026"',
  );
  // The endpoint code names the account's key.
  const endpoint = page.getByRole('region', { name: 'Token endpoint code' });
  await endpoint.locator('label', { hasText: 'Go' }).click();
  await expect(endpoint.getByLabel('Go token endpoint (golang-jwt v5)')).toContainText('const kid = "acct-2026"');

  for (const body of bodies) expect(body).not.toContain(keyLine);
  expect(problems.list).toEqual([]);
});
