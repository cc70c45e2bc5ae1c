import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importPKCS8, SignJWT } from 'jose';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signUpOwner } from './owners';
import { startServer, type ServerProcess } from './server-process';

const SERVICE_SET = 'RS256, RS384, RS512, PS256, PS384 and PS512';

function publicJwkText(kid: string): string {
  return JSON.stringify({
    ...generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' }),
    kid,
  });
}

function ecKeyPair() {
  const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    jwk: pair.publicKey.export({ format: 'jwk' }),
    pem: pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

test('an owner signs up, adds keys by paste and by file, sees them in the JWK set, deletes one, and reads the audit log', async ({
  page,
  problems,
}) => {
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

  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'key.json', mimeType: 'application/json', buffer: Buffer.from(publicJwkText('file-key')) });
  await expect(page.getByLabel(/Paste a JWK set/)).toHaveValue(/file-key/);
  await page.getByRole('button', { name: 'Check and add' }).click();
  await expect(page.getByRole('cell', { name: 'file-key' })).toBeVisible();

  const apiKey = (await page.locator('dd code').first().innerText()).trim();
  const jwks = await (await page.request.get(`/api/accounts/${apiKey}/jwks.json`)).json();
  expect(jwks.keys.map((key: { kid: string }) => key.kid).sort()).toEqual(['file-key', 'pasted-key']);

  // A shared secret with its "k" is refused before it leaves the browser; without it, by the server, with the docs.
  await page.getByLabel(/Paste a JWK set/).fill(JSON.stringify({ kty: 'oct', k: 'c2VjcmV0' }));
  await expect(page.getByLabel(/Paste a JWK set/)).toHaveValue('');
  await expect(page.locator('form [role="alert"][data-code="KEY_IS_PRIVATE"]')).toContainText('shared secret');
  await page.getByLabel(/Paste a JWK set/).fill(JSON.stringify({ kty: 'oct', kid: 'hmac' }));
  await page.getByRole('button', { name: 'Check and add' }).click();
  const symmetric = page.locator('form [role="alert"] [data-code="KEY_SYMMETRIC"]');
  await expect(symmetric).toBeVisible();
  await expect(symmetric.getByRole('link', { name: 'How to fix it' })).toHaveAttribute(
    'href',
    '/docs/errors/key-symmetric',
  );

  // The service verifies RS and PS algorithms only: an EC key is refused, and nothing is stored.
  await page.getByLabel(/Paste a JWK set/).fill(JSON.stringify({ ...ecKeyPair().jwk, kid: 'ec-key' }));
  await page.getByRole('button', { name: 'Check and add' }).click();
  await expect(page.locator('form [role="alert"]')).toContainText('KEY_UNSUPPORTED_TYPE');
  await expect(page.getByRole('cell', { name: 'ec-key' })).toHaveCount(0);
  await expect(page.getByTestId('key-refused')).toHaveCount(0);

  await page
    .getByRole('row', { name: /pasted-key/ })
    .getByRole('button', { name: 'Delete' })
    .click();
  await page.getByRole('dialog', { name: 'Delete this key?' }).getByRole('button', { name: 'Delete key' }).click();
  await expect(page.getByRole('cell', { name: 'pasted-key' })).toHaveCount(0);
  const audit = page
    .getByRole('region', { name: 'Audit log' })
    .or(page.locator('section[aria-labelledby="audit-heading"]'));
  await expect(audit).toContainText('deleted key pasted-key (owner)');
  await expect(audit).toContainText('added key file-key (owner)');
  // The refused upload's 422 is logged by the browser as a failed load; nothing else may be.
  expect(problems.list.filter((problem) => !problem.includes('status of 422'))).toEqual([]);
});

async function addKeys(page: Page, baseURL: string, apiKey: string, kids: string[]): Promise<void> {
  const keys = kids.map((kid) => JSON.parse(publicJwkText(kid)));
  const upload = await page.request.post(`/api/accounts/${apiKey}/keys`, {
    data: { key: JSON.stringify({ keys }) },
    headers: { origin: baseURL },
  });
  expect(upload.status()).toBe(201);
}

test('a private key pasted into "Add keys" is refused in the browser: nothing is sent, the field is cleared, and rotation is explained', async ({
  page,
  context,
  baseURL,
  problems,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await signUpOwner(page, baseURL!, 'Pat Owner');
  const uploads: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && /^\/api\/accounts\/[^/]+\/keys$/.test(new URL(request.url()).pathname))
      uploads.push(request.postData() ?? '');
  });
  await page.goto('/account');
  const field = page.getByLabel(/Paste a JWK set/);
  const add = page.getByRole('button', { name: 'Check and add' });
  const refusal = page.locator('[role="alert"][data-code="KEY_IS_PRIVATE"]');
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pkcs8 = pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

  async function expectRefused(what: RegExp) {
    await expect(field).toHaveValue('');
    await expect(add).toBeDisabled();
    await expect(refusal).toContainText(what);
    await expect(refusal).toContainText('Nothing was sent');
    await expect(refusal.getByRole('listitem')).toHaveText([
      /Generate a new key pair/,
      /Add the new public key/,
      /Switch your token endpoint to sign with the new private key/,
      /Delete the old key/,
    ]);
    await expect(refusal.getByRole('link', { name: 'How to fix it' })).toHaveAttribute(
      'href',
      '/docs/errors/key-is-private',
    );
  }

  // A real paste from the clipboard, as an owner would do it.
  await page.evaluate((text) => navigator.clipboard.writeText(text), pkcs8);
  await field.focus();
  await page.keyboard.press('ControlOrMeta+V');
  await expectRefused(/PEM block labelled “PRIVATE KEY”/);
  await refusal.getByRole('button', { name: 'Dismiss' }).click();
  await expect(refusal).toHaveCount(0);

  await field.fill(pair.privateKey.export({ format: 'pem', type: 'pkcs1' }).toString());
  await expectRefused(/“RSA PRIVATE KEY”/);
  await field.fill(
    JSON.stringify({
      keys: [JSON.parse(publicJwkText('public-one')), { ...pair.privateKey.export({ format: 'jwk' }), kid: 'leaked' }],
    }),
  );
  await expectRefused(/key 2 \(kid “leaked”\) has the private members “d”, “p”, “q”, “dp”, “dq”, “qi”/);
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'signing-key.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(pkcs8) });
  await expectRefused(/“PRIVATE KEY”/);
  expect(uploads).toEqual([]);

  // The same field still sends a public key: the listener above would have seen the private ones.
  await field.fill(publicJwkText('the-new-key'));
  await add.click();
  await expect(page.getByRole('cell', { name: 'the-new-key' })).toBeVisible();
  expect(uploads).toHaveLength(1);
  expect(uploads[0]).toContain('the-new-key');
  expect(problems.list).toEqual([]);
});

test('deleting a key asks in a dialog that names it and what breaks: Escape keeps the key, confirming deletes it', async ({
  page,
  baseURL,
  problems,
}) => {
  const apiKey = await signUpOwner(page, baseURL!, 'Dee Owner');
  await addKeys(page, baseURL!, apiKey, ['keep-me', 'delete-me']);
  const nativeDialogs: string[] = [];
  page.on('dialog', (dialog) => {
    nativeDialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const deletes: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'DELETE') deletes.push(request.url());
  });
  await page.goto('/account');

  const opener = page.getByRole('row', { name: /delete-me/ }).getByRole('button', { name: 'Delete' });
  await expect(opener).toHaveAccessibleDescription('delete-me');
  const dialog = page.getByRole('dialog', { name: 'Delete this key?' });
  await opener.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('The key delete-me is removed');
  await expect(dialog).toContainText('Tokens signed with this kid stop verifying: the editor cannot connect');
  await expect(dialog).toContainText('until your token endpoint signs with another registered key');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(page.getByRole('cell', { name: 'delete-me' })).toBeVisible();
  expect(deletes).toEqual([]);

  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Delete key' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: 'delete-me' })).toHaveCount(0);
  await expect(page.getByRole('cell', { name: 'keep-me' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Public keys' })).toBeFocused();
  expect(deletes).toHaveLength(1);
  const jwks = await (await page.request.get(`/api/accounts/${apiKey}/jwks.json`)).json();
  expect(jwks.keys.map((key: { kid: string }) => key.kid)).toEqual(['keep-me']);

  // The last key: the dialog says every token will fail.
  await page
    .getByRole('row', { name: /keep-me/ })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(dialog).toContainText(
    'It is the account’s only key, so every token will fail with “Unable to retrieve JWK set”.',
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(deletes).toHaveLength(1);
  expect(nativeDialogs).toEqual([]);
  expect(problems.list).toEqual([]);
});

test('the JWK set URL is shown absolute and its copy button copies it', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const apiKey = await signUpOwner(page, baseURL!, 'Cy Owner');
  await page.goto('/account');
  const absolute = `${new URL(baseURL!).origin}/api/accounts/${apiKey}/jwks.json`;
  await expect(page.getByRole('link', { name: absolute })).toHaveAttribute('href', `/api/accounts/${apiKey}/jwks.json`);
  const copy = page.getByRole('button', { name: 'Copy the JWK set URL' });
  await copy.click();
  await expect(copy).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(absolute);
  expect((await page.request.get(absolute)).status()).toBe(200);
});

test('the key API refuses anonymous readers and cross-site changes', async ({ request }) => {
  expect((await request.get('/api/accounts/rtc_anything/keys')).status()).toBe(401);
  const crossSite = await request.post('/api/accounts/rtc_anything/keys', {
    data: { key: '{}' },
    headers: { origin: 'https://evil.test' },
  });
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).error.code).toBe('CSRF_REJECTED');
});

test('an owner generates a key pair in the browser, registers it, and a token signed with it checks out', async ({
  page,
}) => {
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill('Grace Owner');
  await page.getByLabel('Email').fill(`grace-${crypto.randomUUID().slice(0, 8)}@example.test`);
  await page.getByLabel('Password').fill('another long password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Grace Owner’s account');

  // RS256 by default, and only the deployment's algorithms (here the service's) on offer.
  const algorithm = page.getByLabel('Algorithm');
  await expect(algorithm).toHaveValue('RS256');
  expect(
    await algorithm
      .locator('option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value)),
  ).toEqual(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512']);
  await page.getByRole('button', { name: 'Generate key pair' }).click();
  const status = page.getByRole('status').filter({ hasText: 'Made an RS256 key pair' });
  await expect(status).toBeVisible();
  const kid = (await status.locator('code').innerText()).trim();
  await expect(page.getByLabel(/Paste a JWK set/)).toHaveValue(new RegExp(kid));

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download private key (PEM)' }).click();
  const pem = readFileSync((await (await downloading).path())!, 'utf8');
  expect(pem).toContain('-----BEGIN PRIVATE KEY-----');
  // The snippets sign with the chosen algorithm, for a whole editing session (8 hours), not minutes.
  await expect(page.locator('pre').filter({ hasText: 'SignJWT' })).toContainText(
    `setProtectedHeader({ alg: 'RS256', kid: '${kid}' })`,
  );
  await expect(page.locator('pre').filter({ hasText: 'SignJWT' })).toContainText(`setExpirationTime('8h')`);
  await expect(page.locator('pre').filter({ hasText: 'jwt.encode' })).toContainText('"exp": now + 28800');
  await expect(page.locator('pre').filter({ hasText: 'jwt.encode' })).toContainText('algorithm="RS256"');

  await page.getByRole('button', { name: 'Check and add' }).click();
  // The kid is the key's thumbprint: two cells of its row show it.
  await expect(page.getByRole('row', { name: new RegExp(kid) })).toBeVisible();
  // Added, and its private key downloaded: the generator starts over instead of still saying "add it".
  await expect(page.getByText('Its public key is in the form below: add it')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Download private key (PEM)' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Generate key pair' })).toBeEnabled();

  const apiKey = (await page.locator('dd code').first().innerText()).trim();
  const jwks = await (await page.request.get(`/api/accounts/${apiKey}/jwks.json`)).json();
  const token = await new SignJWT({ sub: 'user-1' })
    .setProtectedHeader({ alg: 'RS256', kid })
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(await importPKCS8(pem, 'RS256'));
  const result = await (await page.request.post('/api/tokens/diagnose', { data: { token, jwks } })).json();
  expect(result).toMatchObject({ ok: true, key: { kid } });
  await expect(page.getByRole('row', { name: new RegExp(kid) })).toContainText('Never');

  // As the service sees it: the debugger checks against the signed-in owner's registered keys.
  await page.goto('/tools/token');
  await page.getByLabel('Identity token').fill(token);
  await page.locator('label', { hasText: 'An account’s registered keys' }).click();
  await expect(page.getByRole('radio', { name: 'An account’s registered keys' })).toBeChecked();
  await expect(page.getByLabel('Account API key')).toHaveValue(apiKey);
  await expect(page.getByTestId('account-key-summary')).toHaveText(
    'Grace Owner’s account has 1 public key registered.',
  );
  await expect(page.getByText('This token will be accepted.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Verdict per key' })).toContainText('Verified');

  const unknownKid = await new SignJWT({ sub: 'user-1' })
    .setProtectedHeader({ alg: 'RS256', kid: 'abc' })
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(await importPKCS8(pem, 'RS256'));
  await page.getByLabel('Identity token').fill(unknownKid);
  await expect(page.locator('[data-code="JWKS_UNAVAILABLE"]')).toContainText(
    `Account "Grace Owner’s account" has 1 key; none has kid "abc" (the kids are "${kid}")`,
  );

  // The share link names the account, not its keys, and reopens in account mode.
  expect(new URL(page.url()).hash).toContain(`apiKey=${apiKey}`);

  await page.goto('/account');
  await expect(page.getByRole('row', { name: new RegExp(kid) })).not.toContainText('Never');
});

// A key stored while the deployment accepted ES256 stays stored when it no longer does, and is flagged. Two
// production servers of this test's own share one data directory: the first accepts ES256, the second does not.
test('an EC key stored earlier stays stored, is flagged on the account page, and the debugger refuses its tokens unless widened', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const port = Number(process.env.E2E_PORT ?? 3100) + 92;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rtc-doctor-stored-ec-'));
  const env = { RTC_DOCTOR_DATA_DIR: dataDir, DATABASE_URL: '' };
  let server: ServerProcess | undefined;
  try {
    server = await startServer(port, { ...env, RTC_DOCTOR_ALGORITHMS: 'RS256,ES256' });
    const origin = { origin: server.url };
    const signUp = await page.request.post(`${server.url}/api/auth/sign-up/email`, {
      data: {
        name: 'Eve Owner',
        email: `eve-${crypto.randomUUID().slice(0, 8)}@example.test`,
        password: 'a long enough password',
      },
      headers: origin,
    });
    expect(signUp.status()).toBe(200);
    const apiKey = /rtc_[A-Za-z0-9_-]{24}/.exec(await (await page.request.get(`${server.url}/account`)).text())?.[0];
    expect(apiKey).toBeDefined();
    const ec = ecKeyPair();
    const keys = { keys: [{ ...ec.jwk, kid: 'old-ec', alg: 'ES256' }, JSON.parse(publicJwkText('current-rsa'))] };
    const upload = await page.request.post(`${server.url}/api/accounts/${apiKey}/keys`, {
      data: { key: JSON.stringify(keys) },
      headers: origin,
    });
    expect(upload.status()).toBe(201);
    await server.kill();

    server = await startServer(port, { ...env, RTC_DOCTOR_ALGORITHMS: '' });
    const listing = (await (await page.request.get(`${server.url}/api/accounts/${apiKey}/keys`)).json()) as {
      keys: { kid: string; acceptedAlgorithms: string[] }[];
    };
    expect(Object.fromEntries(listing.keys.map((key) => [key.kid, key.acceptedAlgorithms]))).toEqual({
      'old-ec': [],
      'current-rsa': ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'],
    });
    const jwks = await (await page.request.get(`${server.url}/api/accounts/${apiKey}/jwks.json`)).json();
    expect(jwks.keys.map((key: { kid: string }) => key.kid).sort()).toEqual(['current-rsa', 'old-ec']);

    await page.goto(`${server.url}/account`);
    const flag = page.getByTestId('key-refused');
    await expect(flag).toHaveCount(1);
    await expect(flag).toContainText(
      `Tokens signed with the key old-ec will be refused: the service accepts only ${SERVICE_SET}.`,
    );
    await expect(flag.getByRole('link')).toHaveAttribute('href', '/docs/errors/key-unsupported-type');
    await expect(page.getByRole('row', { name: /old-ec/ }).getByTestId('key-refused-badge')).toHaveText('Refused');
    await expect(page.getByRole('row', { name: /current-rsa/ }).getByTestId('key-refused-badge')).toHaveCount(0);

    // In account mode the debugger sends its accepted set: the service's refuses the token, a widened one takes the stored key.
    const token = await new SignJWT({ sub: 'user-1' })
      .setProtectedHeader({ alg: 'ES256', kid: 'old-ec' })
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(await importPKCS8(ec.pem, 'ES256'));
    await page.goto(`${server.url}/tools/token`);
    await page.getByLabel('Identity token').fill(token);
    await page.locator('label', { hasText: 'An account’s registered keys' }).click();
    await expect(page.getByLabel('Account API key')).toHaveValue(apiKey!);
    await expect(page.locator('[data-severity="error"]')).toHaveAttribute('data-code', 'TOKEN_UNSUPPORTED_ALG');
    await page.getByTestId('algorithm-set').locator('summary').click();
    const sent = page.waitForRequest(
      (request) =>
        request.url().endsWith('/api/tokens/diagnose') &&
        (request.postDataJSON() as { algorithms?: string[] }).algorithms?.includes('ES256') === true,
    );
    await page.getByRole('checkbox', { name: /^ES256\b/ }).check();
    await sent;
    await expect(page.locator('[data-verdict="accepted"]').getByTestId('service-would-refuse')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Verdict per key' })).toContainText('Verified');
  } finally {
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
