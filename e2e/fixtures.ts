import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export { expect };

/** Console errors, uncaught exceptions and CSP violations seen by one page. */
export interface PageProblems {
  list: string[];
}

export const test = base.extend<{ problems: PageProblems }>({
  problems: async ({ page }, use) => {
    const problems: PageProblems = { list: [] };
    page.on('console', (message) => {
      if (message.type() === 'error') problems.list.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.list.push(`exception: ${error.message}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await use(problems);
  },
});

/** Serious and critical accessibility violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes
          .map((node) => node.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    );
}

/** The palette's shortcuts work once the page has hydrated; the trigger says so. */
export async function waitForSearchReady(page: Page): Promise<void> {
  await expect(page.locator('[data-search-ready="true"]')).toHaveCount(1);
}
