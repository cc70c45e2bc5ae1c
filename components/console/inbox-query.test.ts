import { describe, expect, it } from 'vitest';
import { filtersQuery, hasFilters, inboxSearch, NO_FILTERS, parseInboxQuery, type InboxQuery } from './inbox-query';

describe('the inbox query string', () => {
  it('is empty for the unfiltered inbox', () => {
    expect(inboxSearch({ filters: NO_FILTERS, item: undefined })).toBe('');
    expect(hasFilters(NO_FILTERS)).toBe(false);
  });

  it('names every filter with the API’s parameters, text trimmed, and the open item last', () => {
    const query: InboxQuery = {
      filters: { page: ' /docs/errors ', helpful: false, status: 'in-progress', q: 'expired token ' },
      item: 'f-1',
    };
    expect(filtersQuery(query.filters)).toBe('page=%2Fdocs%2Ferrors&helpful=false&status=in-progress&q=expired+token');
    expect(inboxSearch(query)).toBe('?page=%2Fdocs%2Ferrors&helpful=false&status=in-progress&q=expired+token&item=f-1');
  });

  it('reads back what it writes, from the browser’s query or the page’s searchParams', () => {
    const cases: InboxQuery[] = [
      { filters: NO_FILTERS, item: undefined },
      { filters: { page: '/docs/a', helpful: true, status: 'new', q: 'kid & “quotes”' }, item: undefined },
      { filters: { page: '', helpful: false, status: 'done', q: '' }, item: 'abc' },
    ];
    for (const query of cases) {
      const search = inboxSearch(query);
      expect(parseInboxQuery(new URLSearchParams(search))).toEqual(query);
      expect(parseInboxQuery(Object.fromEntries(new URLSearchParams(search)))).toEqual(query);
    }
  });

  it('ignores values it does not know and takes the first of repeated parameters', () => {
    expect(parseInboxQuery({ helpful: 'maybe', status: 'closed', item: '' })).toEqual({
      filters: NO_FILTERS,
      item: undefined,
    });
    expect(parseInboxQuery({ status: ['done', 'new'], page: ['/a', '/b'] }).filters).toMatchObject({
      status: 'done',
      page: '/a',
    });
  });
});
