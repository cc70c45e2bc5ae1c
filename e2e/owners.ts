import { expect, type Page } from '@playwright/test';

/** Signs a new owner up through the auth API, so the page's cookies are theirs; returns the account's API key. */
export async function signUpOwner(page: Page, baseURL: string, name: string): Promise<string> {
  const signUp = await page.request.post('/api/auth/sign-up/email', {
    data: {
      name,
      email: `${name.split(' ')[0]!.toLowerCase()}-${crypto.randomUUID().slice(0, 8)}@example.test`,
      password: 'a long enough password',
    },
    headers: { origin: baseURL },
  });
  expect(signUp.status()).toBe(200);
  return /rtc_[A-Za-z0-9_-]{24}/.exec(await (await page.request.get('/account')).text())![0];
}
