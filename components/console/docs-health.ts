// How the docs health table orders its pages and words its figures; apart from the panel so it can be tested.
import type { DocsHealthPage } from './types';

type Figures = DocsHealthPage['last30Days'];

export const HEALTH_SORTS = {
  'most-unhelpful': 'Most unhelpful',
  'lowest-ratio-7': 'Lowest share of “yes”, last 7 days',
  'most-views': 'Most form views, last 30 days',
} as const;

export type HealthSort = keyof typeof HEALTH_SORTS;

export function isHealthSort(value: string | null | undefined): value is HealthSort {
  return typeof value === 'string' && Object.hasOwn(HEALTH_SORTS, value);
}

/** A page nobody voted on sorts after every page somebody did, whatever its other figures. */
const ratioOrLast = (figures: Figures) => figures.ratio ?? 2;

/** Pages in the chosen order; the API's own order is "most unhelpful", so that one keeps it. */
export function sortHealth(pages: readonly DocsHealthPage[], sort: HealthSort): DocsHealthPage[] {
  const sorted = [...pages];
  if (sort === 'lowest-ratio-7')
    sorted.sort(
      (a, b) => ratioOrLast(a.last7Days) - ratioOrLast(b.last7Days) || b.last7Days.unhelpful - a.last7Days.unhelpful,
    );
  if (sort === 'most-views') sorted.sort((a, b) => b.last30Days.views - a.last30Days.views);
  return sorted;
}

/** "3 yes · 1 no", with the share of yes when anybody voted: "75% yes". */
export function votesText(figures: Figures): { votes: string; ratio: string } {
  return {
    votes: `${figures.helpful} yes · ${figures.unhelpful} no`,
    ratio: figures.ratio === null ? 'no votes' : `${Math.round(figures.ratio * 100)}% yes`,
  };
}
