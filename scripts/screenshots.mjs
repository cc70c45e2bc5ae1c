#!/usr/bin/env node
// Screenshots of the running portal in light and dark mode, wide and narrow, for review.
// Usage: node scripts/screenshots.mjs [baseURL] [outDir] [path ...]
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.cjs';

const [base = 'http://127.0.0.1:3000', outDir = 'screenshots', ...paths] = process.argv.slice(2);
const targets = paths.length
  ? paths
  : [
      '/',
      '/docs',
      '/docs/errors',
      '/docs/errors/token-expired',
      '/docs/session-race',
      '/search?q=JWT+has+expired',
      '/nope',
    ];
const viewports = { wide: { width: 1366, height: 900 }, narrow: { width: 390, height: 844 } };

mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_ARGS,
});
for (const scheme of ['light', 'dark']) {
  for (const [size, viewport] of Object.entries(viewports)) {
    const page = await browser.newPage({ viewport, colorScheme: scheme });
    page.on(
      'console',
      (message) => message.type() === 'error' && console.error(`[${scheme} ${size}] console: ${message.text()}`),
    );
    for (const target of targets) {
      await page.goto(base + target, { waitUntil: 'networkidle' });
      const name = `${target.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}-${scheme}-${size}.png`;
      await page.screenshot({ path: `${outDir}/${name}`, fullPage: process.env.FULL_PAGE === '1' });
      console.log(`${outDir}/${name}`);
    }
    await page.close();
  }
}
await browser.close();
