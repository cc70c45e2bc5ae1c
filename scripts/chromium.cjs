'use strict';
// Debian's Chromium, and the flags it runs with on these machines: Playwright cannot download a browser of its own
// here. CommonJS so that the Playwright config, the e2e specs, the test runner and the benches all import it.
const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

module.exports = { CHROMIUM_PATH, CHROMIUM_ARGS };
