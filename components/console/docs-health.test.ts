import { describe, expect, it } from 'vitest';
import { isHealthSort, sortHealth, votesText } from './docs-health';
import type { DocsHealthPage } from './types';

const figures = (views: number, helpful: number, unhelpful: number) => ({
  views,
  helpful,
  unhelpful,
  ratio: helpful + unhelpful ? helpful / (helpful + unhelpful) : null,
});
const page = (name: string, week: ReturnType<typeof figures>, month: ReturnType<typeof figures>): DocsHealthPage => ({
  page: `/docs/${name}`,
  title: name,
  last7Days: week,
  last30Days: month,
  comments: [],
});

describe('docs health order and wording', () => {
  const pages = [
    page('a', figures(10, 1, 1), figures(50, 2, 4)),
    page('b', figures(0, 0, 0), figures(90, 0, 0)),
    page('c', figures(5, 0, 2), figures(5, 0, 2)),
  ];

  it('keeps the API order for most unhelpful, and orders by 7-day ratio (unvoted last) or by views', () => {
    expect(sortHealth(pages, 'most-unhelpful').map((row) => row.title)).toEqual(['a', 'b', 'c']);
    expect(sortHealth(pages, 'lowest-ratio-7').map((row) => row.title)).toEqual(['c', 'a', 'b']);
    expect(sortHealth(pages, 'most-views').map((row) => row.title)).toEqual(['b', 'a', 'c']);
  });

  it('words votes and the share of yes, and says when nobody voted', () => {
    expect(votesText(figures(3, 3, 1))).toEqual({ votes: '3 yes · 1 no', ratio: '75% yes' });
    expect(votesText(figures(3, 0, 0))).toEqual({ votes: '0 yes · 0 no', ratio: 'no votes' });
  });

  it('knows its sorts', () => {
    expect(isHealthSort('most-views')).toBe(true);
    expect(isHealthSort('toString')).toBe(false);
    expect(isHealthSort(null)).toBe(false);
  });
});
