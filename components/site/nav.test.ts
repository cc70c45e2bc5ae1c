import { describe, expect, it } from 'vitest';
import { HEADER_SECTIONS, isCurrentSection, SITE_SECTIONS } from './nav';

describe('site sections', () => {
  it('lists every section once, the header showing all but search and account', () => {
    expect(new Set(SITE_SECTIONS.map((section) => section.href)).size).toBe(SITE_SECTIONS.length);
    expect(HEADER_SECTIONS.map((section) => section.label)).toEqual(['Docs', 'Errors', 'Tools']);
  });

  it('counts a page as inside the most specific section that holds it', () => {
    expect(isCurrentSection('/docs/jwt-basics', '/docs')).toBe(true);
    expect(isCurrentSection('/docs/errors/token-expired', '/docs')).toBe(false);
    expect(isCurrentSection('/docs/errors/token-expired', '/docs/errors')).toBe(true);
    expect(isCurrentSection('/tools/token', '/tools')).toBe(true);
    expect(isCurrentSection('/toolsmith', '/tools')).toBe(false);
  });
});
