import { describe, expect, it } from 'vitest';
import { listDocPages } from '@/lib/docs/pages';
import { buildDocsSearchIndex } from './build';
import { closestPage } from './closest-page';
import { searchDocs } from './query';

describe('the closest page to a missed search', () => {
  const pages = listDocPages();
  const { loaded } = buildDocsSearchIndex(pages);

  it('finds a page for a query readers’ search does not, forgiving more typos', () => {
    expect(searchDocs(loaded, 'expierd').hits).toEqual([]);
    expect(closestPage(loaded, pages, 'expierd')).toMatchObject({
      href: '/docs/errors/token-expired',
      match: 'search',
    });
  });

  it('falls back to letters in common with a title or heading', () => {
    expect(searchDocs(loaded, 'racecondition').hits).toEqual([]);
    expect(closestPage(loaded, pages, 'racecondition')).toEqual({
      href: '/docs/session-race',
      title: 'Two clients creating one session',
      match: 'similar-words',
    });
  });

  it('names no page when nothing is alike', () => {
    expect(closestPage(loaded, pages, 'zzzz qqqq')).toBeUndefined();
    expect(closestPage(loaded, pages, 'kubernetes ingress')).toBeUndefined();
    expect(closestPage(loaded, pages, '  !!  ')).toBeUndefined();
  });
});
