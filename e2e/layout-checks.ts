import type { Page } from '@playwright/test';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 900 };
/** The two widths every layout check runs at. */
export const LAYOUT_VIEWPORTS = [PHONE, DESKTOP] as const;

/**
 * What breaks a narrow screen: the page scrolling sideways, or a control drawn past the viewport's edge.
 * Empty when neither happens; otherwise one line per problem. A control inside a box meant to scroll
 * sideways (a code block, a docs table, or one marked `data-scrolls-sideways`, which shows that it
 * scrolls) counts by that box; any other clipped control counts where it really is.
 */
export async function outsideTheViewport(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth > width) problems.push(`the page is ${scrollWidth} px wide in a ${width} px viewport`);
    for (const element of document.querySelectorAll<HTMLElement>(
      'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])',
    )) {
      const rect = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      // Not rendered, or visually hidden (a skip link until it has the focus).
      if (
        rect.width <= 1 ||
        rect.height <= 1 ||
        style.visibility === 'hidden' ||
        element.closest('[hidden], dialog:not([open])')
      )
        continue;
      if (style.clipPath === 'inset(50%)' || style.clip === 'rect(0px, 0px, 0px, 0px)') continue;
      const box = (element.closest('pre, .prose table, [data-scrolls-sideways]') ?? element).getBoundingClientRect();
      if (box.left < -0.5 || box.right > width + 0.5)
        problems.push(
          `${element.tagName.toLowerCase()} “${(element.textContent ?? element.getAttribute('aria-label') ?? '').trim().slice(0, 40)}” spans ${Math.round(box.left)}–${Math.round(box.right)} px`,
        );
    }
    return problems;
  });
}
