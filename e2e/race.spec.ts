import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const position = (page: Page) => page.getByTestId('race-position');
const current = (page: Page) => page.getByTestId('race-current');
const outcome = (page: Page) => page.getByTestId('race-outcome');

test('steps forward and back through the seven steps, with the list marking the current event', async ({
  page,
  problems,
}) => {
  await page.goto('/tools/race?provider=dynamic');
  await expect(position(page)).toHaveText('Event 0 of 12');
  await expect(current(page)).toContainText('Before the race');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(position(page)).toHaveText('Event 1 of 12');
  await expect(current(page)).toContainText(
    'Step 1 · Client B: B asks for a session for the document; the server has none yet.',
  );
  const events = page.getByRole('list', { name: 'Events in order' });
  await expect(events.getByRole('listitem')).toHaveCount(12);
  await expect(events.locator('li[aria-current="step"]')).toContainText('B asks for a session');
  for (let step = 0; step < 6; step++) await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(current(page)).toContainText('Step 4 · Server');
  await expect(page.getByRole('list', { name: 'Lanes now' })).toContainText('winner');
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(position(page)).toHaveText('Event 6 of 12');
  // Any event in the list can be jumped to.
  await events.getByRole('button').filter({ hasText: 'gets K1, decrypts the content' }).click();
  await expect(current(page)).toContainText('Step 7 · Client A');
  await expect(page.getByRole('list', { name: 'Lanes now' }).getByRole('listitem').first()).toContainText(
    'Collaborating',
  );
  await expect(outcome(page)).toHaveAttribute('data-lost', 'false');
  expect(problems.list).toEqual([]);
});

test('a discarding provider shows where it breaks and links to the fix', async ({ page, problems }) => {
  await page.goto('/tools/race');
  await expect(page.getByLabel('Encryption provider')).toHaveValue('discarding');
  await expect(outcome(page)).toHaveAttribute('data-lost', 'true');
  await expect(outcome(page)).toContainText('B wins with key hint h1, but A cannot decrypt the document');
  await expect(outcome(page).getByRole('link', { name: 'Why this provider loses keys' })).toHaveAttribute(
    'href',
    '/docs/session-race#when-a-provider-discards-old-keys',
  );
  await expect(outcome(page).getByRole('link', { name: 'The corrected provider, in code' })).toHaveAttribute(
    'href',
    '/docs/session-race#writing-a-safe-provider',
  );
  await page.getByRole('button', { name: 'Show where it breaks' }).click();
  await expect(current(page)).toContainText('K1 turns out to be the winning key');
  await expect(page.getByTestId('race-events').locator('li[aria-current="step"]')).toHaveAttribute('data-tone', 'bad');

  await page.getByLabel('Encryption provider').selectOption('dynamic');
  await expect(outcome(page)).toHaveAttribute('data-lost', 'false');
  await page.getByLabel('Encryption provider').selectOption('static');
  await expect(outcome(page)).toHaveAttribute('data-lost', 'false');
  await page.getByLabel('Encryption provider').selectOption('new-key-per-hint');
  await expect(outcome(page)).toHaveAttribute('data-lost', 'true');
  await expect(outcome(page)).toContainText('hands out a new key instead of K1');
  await page.getByRole('button', { name: 'Show where it breaks' }).click();
  await expect(current(page)).toContainText(
    'Step 7 · Client A: A asks its provider for the key for hint h1 and gets K3',
  );

  await outcome(page).getByRole('link', { name: 'Why this provider loses keys' }).click();
  await expect(page).toHaveURL(/\/docs\/session-race#when-a-hint-returns-a-new-key$/);
  await expect(page.getByRole('heading', { name: 'When a hint returns a new key' })).toBeVisible();
  await expect(page.locator('#writing-a-safe-provider')).toHaveCount(1);
  expect(problems.list).toEqual([]);
});

test('choosing who reaches the server first and the number of clients changes the race', async ({ page, problems }) => {
  await page.goto('/tools/race?provider=dynamic');
  await expect(outcome(page)).toContainText('B wins');
  await page.getByLabel('Reaches the server first').selectOption({ label: 'Client A' });
  await expect(outcome(page)).toContainText('A wins');
  await expect(page.getByLabel('Client A network delay (ms)')).toHaveValue('20');
  await page.getByLabel('Clients', { exact: true }).selectOption('4');
  await expect(page.getByTestId('race-timeline')).toContainText('Client D');
  await page.getByLabel('Client D network delay (ms)').fill('1');
  await page.getByLabel('Client D provider takes (ms)').fill('0');
  await expect(outcome(page)).toContainText('D wins');
  expect(problems.list).toEqual([]);
});

test('all orderings are counted in a Web Worker, per provider, and each can be stepped through', async ({
  page,
  problems,
}) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto('/tools/race?mode=orderings&provider=discarding');
  const summary = page.getByTestId('interleavings-summary');
  await expect(summary).toContainText('14 of 20 orderings lose data');
  await expect(summary).toHaveAttribute('data-total', '20');
  await expect(page.locator('tbody tr[data-lost="true"]')).toHaveCount(14);
  expect(workers.length).toBeGreaterThan(0);
  // A worker runs under its own script's policy: it may load this site's scripts and call this site, nothing else.
  const policy = (await page.request.get(workers[0]!.split('#')[0]!)).headers()['content-security-policy'];
  expect(policy).toBe("default-src 'none'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'");

  await page.getByLabel('Encryption provider').selectOption('dynamic');
  await expect(summary).toContainText('0 of 20 orderings lose data');
  await page.getByLabel('Encryption provider').selectOption('static');
  await expect(summary).toContainText('0 of 20 orderings lose data');
  await page.getByLabel('Encryption provider').selectOption('new-key-per-hint');
  await expect(summary).toContainText('20 of 20 orderings lose data');

  await page.getByLabel('Encryption provider').selectOption('discarding');
  await page.getByRole('button', { name: 'Step through A1 A2 A3 B1 B2 B3' }).click();
  await expect(page.getByRole('heading', { name: 'Ordering A1 A2 A3 B1 B2 B3' })).toBeVisible();
  await expect(outcome(page)).toHaveAttribute('data-lost', 'true');
  await expect(page).toHaveURL(/order=000111/);
  await page.getByRole('button', { name: '← All orderings' }).click();
  await expect(summary).toContainText('14 of 20');
  expect(problems.list).toEqual([]);
});

test('works from the keyboard: arrows step, Space plays, Home and End jump', async ({ page, problems }) => {
  await page.goto('/tools/race?provider=static');
  await expect(position(page)).toHaveText('Event 0 of 12');
  // A click anywhere in the player gives it the keyboard.
  await current(page).click();
  await expect(page.getByTestId('race-player')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(position(page)).toHaveText('Event 2 of 12');
  await page.keyboard.press('ArrowLeft');
  await expect(position(page)).toHaveText('Event 1 of 12');
  await page.keyboard.press('End');
  await expect(position(page)).toHaveText('Event 12 of 12');
  await page.keyboard.press('Home');
  await expect(position(page)).toHaveText('Event 0 of 12');
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await expect(page.getByLabel('Speed')).toHaveValue('4');
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(position(page)).toHaveText('Event 12 of 12', { timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  // Keys typed into a field are the field's, not the player's.
  await page.getByLabel('Client A starts at (ms)').focus();
  await page.keyboard.press('Home');
  await expect(position(page)).toHaveText('Event 12 of 12');
  // Tab reaches the controls, and Enter on a focused button presses it.
  await page.getByRole('button', { name: 'Step back' }).focus();
  await page.keyboard.press('Enter');
  await expect(position(page)).toHaveText('Event 11 of 12');
  expect(problems.list).toEqual([]);
});

test('the shortcuts belong to the player: outside it Home, End, Space and the arrows do not move it', async ({
  page,
  problems,
}) => {
  await page.goto('/tools/race?provider=static&step=3');
  await expect(position(page)).toHaveText('Event 3 of 12');
  await page.locator('h1').click();
  for (const key of ['End', 'Home', 'ArrowRight', 'ArrowLeft', ' ']) await page.keyboard.press(key);
  await expect(position(page)).toHaveText('Event 3 of 12');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  // The same keys on a control outside the player (the share button) are that control's.
  await page.getByRole('button', { name: 'Copy share link' }).focus();
  await page.keyboard.press('End');
  await expect(position(page)).toHaveText('Event 3 of 12');

  await page.getByRole('button', { name: 'Step forward' }).focus();
  await page.keyboard.press('End');
  await expect(position(page)).toHaveText('Event 12 of 12');
  await page.getByTestId('race-timeline').click();
  await page.keyboard.press('Home');
  await expect(position(page)).toHaveText('Event 0 of 12');
  await page.keyboard.press('ArrowRight');
  await expect(position(page)).toHaveText('Event 1 of 12');
  expect(problems.list).toEqual([]);
});

test('a skip link, a few Tab presses in, reaches Play', async ({ page, problems }) => {
  await page.goto('/tools/race?provider=dynamic');
  await expect(position(page)).toHaveText('Event 0 of 12');
  const skip = page.getByRole('link', { name: 'Skip to the player' });
  let presses = 0;
  while (!(await skip.evaluate((link) => link === document.activeElement)) && presses < 40) {
    await page.keyboard.press('Tab');
    presses += 1;
  }
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  const play = page.getByRole('button', { name: 'Play', exact: true });
  await expect(play).toBeFocused();
  await expect(play).toBeInViewport();
  // The skip link comes before every setting of the scenario.
  const settingsBefore = await page.evaluate(() => {
    const link = [...document.querySelectorAll('a')].find((anchor) => anchor.textContent === 'Skip to the player')!;
    return [...document.querySelectorAll('main input, main select')].filter(
      (field) => link.compareDocumentPosition(field) & Node.DOCUMENT_POSITION_PRECEDING,
    ).length;
  });
  expect(settingsBefore).toBe(0);
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeFocused();
  expect(problems.list).toEqual([]);
});

test('the timeline is a time axis: positions follow the times, events at one moment stack', async ({ page }) => {
  await page.goto('/tools/race?provider=dynamic&step=12');
  const timeline = page.getByTestId('race-timeline');
  await expect(timeline.locator('[data-tick]').first()).toHaveText('0');
  const dots = await timeline.locator('[data-at]').evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return { at: Number(element.getAttribute('data-at')), x: box.left + box.width / 2 };
    }),
  );
  expect(dots.length).toBe(12);
  const byTime = [...dots].sort((a, b) => a.at - b.at);
  const first = byTime[0]!;
  const last = byTime.at(-1)!;
  for (const dot of dots) {
    // Proportional: each dot sits where its time falls between the first and the last.
    const expected = first.x + ((dot.at - first.at) / (last.at - first.at)) * (last.x - first.x);
    expect(Math.abs(dot.x - expected)).toBeLessThan(1.5);
  }
  // Two events of one lane at the same time (a key made and create-session sent) sit one above the other.
  const stacked = await timeline.locator('[data-level="1"]').count();
  expect(stacked).toBeGreaterThan(0);
});

test('a share link carries the scenario and the step', async ({ page, context, problems }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/tools/race');
  await page.getByLabel('Encryption provider').selectOption('new-key-per-hint');
  await page.getByLabel('Client B provider takes (ms)').fill('15');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const url = new URL(link);
  expect(url.pathname).toBe('/tools/race');
  expect(url.searchParams.get('provider')).toBe('new-key-per-hint');
  expect(url.searchParams.get('t')).toBe('0-20-40,0-15-20');
  expect(url.searchParams.get('step')).toBe('2');
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByLabel('Encryption provider')).toHaveValue('new-key-per-hint');
  await expect(other.getByLabel('Client B provider takes (ms)')).toHaveValue('15');
  await expect(other.getByTestId('race-position')).toHaveText('Event 2 of 12');
  expect(problems.list).toEqual([]);
});

test('a link with bad parts says which, and uses the defaults for them', async ({ page }) => {
  await page.goto('/tools/race?provider=sometimes&t=1-2');
  const notice = page.getByTestId('link-problems');
  await expect(notice).toHaveAttribute('role', 'alert');
  await expect(notice).toContainText('provider:');
  await expect(notice).toContainText('t: each client is start-key-network in milliseconds');
  await expect(page.getByLabel('Encryption provider')).toHaveValue('discarding');
});

test('with reduced motion the current event does not pulse', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/tools/race');
  await page.getByRole('button', { name: 'Step forward' }).click();
  const dot = page.getByTestId('race-timeline').locator('[data-current="true"]');
  await expect(dot).toHaveCount(1);
  expect(await dot.evaluate((element) => getComputedStyle(element).animationName)).toBe('none');
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await expect.poll(() => dot.evaluate((element) => getComputedStyle(element).animationName)).not.toBe('none');
});

/** Chromium logs every 4xx answer to fetch as a console error; the 409 for each losing creator is the contract, not a fault. */
function unexpectedProblems(list: string[]): string[] {
  return list.filter((problem) => !/Failed to load resource: the server responded with a status of 409/.test(problem));
}

test.describe('live mode against the real session API', () => {
  // The first request to a fresh server also creates its embedded database.
  test.setTimeout(120_000);

  test("one 201 and one 409 with the winner's hint, the same hint on every event stream", async ({
    page,
    problems,
  }) => {
    // A sends its create-session long before B does, so the real server should pick A.
    await page.goto('/tools/race?mode=live&provider=dynamic&t=0-10-10,0-800-10');
    await expect(page.getByRole('heading', { name: 'Nothing run yet' })).toBeVisible();
    await page.getByRole('button', { name: 'Run against this server' }).click();
    const verdict = page.getByTestId('live-outcome');
    await expect(verdict).toBeVisible({ timeout: 90_000 });
    await expect(verdict).toHaveAttribute('data-lost', 'false');
    await expect(verdict).toContainText('The server chose A (key hint h1)');
    const log = page.getByRole('list', { name: 'Live events in order' });
    await expect(log.getByText(/^201 \{"outcome":"created","keyHint":"h\d"\}$/)).toHaveCount(1);
    await expect(log.getByText(/^409 \{"outcome":"rejected","keyHint":"h\d"\}$/)).toHaveCount(1);
    const created = (await log.getByText(/^201 /).textContent())!.match(/"keyHint":"(h\d)"/)![1]!;
    expect(await log.getByText(/^409 /).textContent()).toContain(`"keyHint":"${created}"`);
    await expect(log.getByText(`data: {"keyHint":"${created}"}`)).toHaveCount(2);
    await expect(log.getByText(/opens its event stream for the new document race-/)).toHaveCount(2);
    // In the order each party saw it: the server's 201 before anyone hears the announcement, and A's create-session
    // (sent first) before A hears it.
    const lines = await log.getByRole('listitem').allInnerTexts();
    const first = (pattern: RegExp) => lines.findIndex((line) => pattern.test(line));
    const accepted = first(/The server accepts A/);
    expect(accepted).toBeGreaterThan(-1);
    expect(accepted).toBeLessThan(first(/A hears "new session available"/));
    expect(accepted).toBeLessThan(first(/B hears "new session available"/));
    expect(first(/A sends create-session/)).toBeLessThan(first(/A hears "new session available"/));
    expect(first(/A's create-session reaches the server/)).toBeLessThan(accepted);
    expect(unexpectedProblems(problems.list)).toEqual([]);
  });

  test('with a provider that returns a new key for the hint, the real loser cannot decrypt', async ({
    page,
    problems,
  }) => {
    await page.goto('/tools/race?mode=live&provider=new-key-per-hint&clients=3&t=0-10-10,0-10-10,0-10-10');
    await page.getByRole('button', { name: 'Run against this server' }).click();
    const verdict = page.getByTestId('live-outcome');
    await expect(verdict).toBeVisible({ timeout: 90_000 });
    await expect(verdict).toHaveAttribute('data-lost', 'true');
    await expect(page.getByRole('list', { name: 'Live events in order' }).getByText(/^409 /)).toHaveCount(2);
    // All three are sent at the same moment: the page says they reached the server together.
    await expect(page.getByTestId('live-overlap')).toContainText(
      /A’s, B’s and C’s create-session reached the server (in the same millisecond|within \d+ ms of each other)/,
    );
    expect(unexpectedProblems(problems.list)).toEqual([]);
  });

  test('says clearly when the session API is not there', async ({ page }) => {
    await page.route('**/api/sessions/**', (route) =>
      route.fulfill({ status: 404, contentType: 'application/json', body: '{"error":{"code":"NOT_FOUND"}}' }),
    );
    await page.goto('/tools/race?mode=live');
    await page.getByRole('button', { name: 'Run against this server' }).click();
    await expect(page.getByTestId('live-error')).toContainText('The live race could not finish.');
    await expect(page.getByTestId('live-error')).toContainText(
      'could not be opened. Is the session API running on this server?',
    );
  });
});
