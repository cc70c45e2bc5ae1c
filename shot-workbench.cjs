const { chromium } = require('playwright-core');
const { CHROMIUM_PATH, CHROMIUM_ARGS } = require('./scripts/chromium.cjs');
const { generateKeyPairSync } = require('node:crypto');
(async () => {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 }, colorScheme: scheme });
    await page.goto('http://127.0.0.1:4150/tools/token');
    await page.getByRole('button', { name: /Expired/ }).first().click().catch(() => {});
    await page.getByRole('button', { name: 'Edit and re-sign' }).click();
    await page.getByRole('button', { name: /Generate an RS256/ }).click();
    await page.waitForTimeout(1500);
    await page.getByLabel('Payload JSON').locator('span', { hasText: /^"sub"$/ }).hover();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `/tmp/wb-${scheme}.png`, fullPage: false });
    await page.close();
  }
  await browser.close();
})();
