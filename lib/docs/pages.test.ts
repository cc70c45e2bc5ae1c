import { describe, expect, it } from 'vitest';
import { ERROR_CODES, errorDocsPath } from '@/lib/errors';
import { findDocPage, listDocPages, neighbours } from './pages';

describe('docs pages', () => {
  const pages = listDocPages();

  it('starts with the guides in their order, then the error reference', () => {
    expect(pages.slice(0, 5).map((page) => page.href)).toEqual([
      '/docs',
      '/docs/secure-context',
      '/docs/session-race',
      '/docs/jwt-identity-tokens',
      '/docs/errors',
    ]);
  });

  it('has one page per error code', () => {
    for (const code of ERROR_CODES) expect(findDocPage(errorDocsPath(code))?.code).toBe(code);
    expect(pages.filter((page) => page.kind === 'error')).toHaveLength(ERROR_CODES.length);
  });

  it('gives every page a unique address, a title and a description', () => {
    expect(new Set(pages.map((page) => page.href)).size).toBe(pages.length);
    for (const page of pages) {
      expect(page.title.length).toBeGreaterThan(0);
      expect(page.description.length).toBeGreaterThan(0);
    }
  });

  it('links each page to its neighbours in reading order', () => {
    expect(neighbours('/docs').previous).toBeUndefined();
    expect(neighbours('/docs').next?.href).toBe('/docs/secure-context');
    expect(neighbours('/docs/errors').previous?.href).toBe('/docs/jwt-identity-tokens');
    expect(neighbours(pages.at(-1)!.href).next).toBeUndefined();
    expect(neighbours('/nowhere')).toEqual({});
  });

  it('gives guides a table of contents', () => {
    for (const page of pages.filter((page) => page.kind === 'guide')) expect(page.headings.length).toBeGreaterThan(2);
  });
});
