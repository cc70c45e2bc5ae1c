import type { DocPage } from '@/lib/docs/pages';
import { normalizeForMatching } from './normalize';
import type { LoadedSearchIndex } from './query';

/** The page a missed query is nearest to, and how it was found. */
export interface ClosestPage {
  href: string;
  title: string;
  /** `search`: a looser search than readers get found it; `similar-words`: its title or headings share letters. */
  match: 'search' | 'similar-words';
}

/** Letter triples of the text's words, padded so that short words count: "key" → " ke", "key", "ey ". */
function trigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const word of normalizeForMatching(text).split(' ')) {
    const padded = ` ${word} `;
    for (let index = 0; index + 3 <= padded.length; index++) grams.add(padded.slice(index, index + 3));
  }
  return grams;
}

/** The share of the query's letter triples the page's words hold: 1 when all of them, 0 for none. */
function containment(query: Set<string>, page: Set<string>): number {
  if (query.size === 0) return 0;
  let shared = 0;
  for (const gram of query) if (page.has(gram)) shared++;
  return shared / query.size;
}

// The console asks for a hint for each of up to 100 queries per answer; a page's letters are counted once.
const aboutCache = new WeakMap<DocPage, Set<string>>();

/** The letter triples of what a page is about: its title, description and headings. */
function aboutTrigrams(page: DocPage): Set<string> {
  let grams = aboutCache.get(page);
  if (!grams) {
    grams = trigrams([page.title, page.description, ...page.headings.map((heading) => heading.text)].join(' '));
    aboutCache.set(page, grams);
  }
  return grams;
}

// Below this, letters in common are chance ("tok" in "stock"), not a topic in common.
const MIN_CONTAINMENT = 0.6;

/**
 * Where the answer to a query readers did not find would go, for support's "write it" hint: the best result of a
 * search looser than the readers' one (more typos forgiven, every longer word a prefix), else the page whose title,
 * description or headings hold most of the query's letter triples (words run together, say); none when nothing is alike.
 */
export function closestPage(
  loaded: LoadedSearchIndex,
  pages: readonly DocPage[],
  query: string,
): ClosestPage | undefined {
  const normalized = normalizeForMatching(query);
  if (!normalized) return undefined;
  const [best] = loaded.miniSearch.search(normalized, {
    fuzzy: (term) => (term.length > 3 ? 0.3 : false),
    prefix: (term) => term.length > 3,
    combineWith: 'OR',
  });
  if (best) return { href: String(best.href), title: String(best.title), match: 'search' };
  const wanted = trigrams(normalized);
  let closest: { page: DocPage; score: number } | undefined;
  for (const page of pages) {
    const score = containment(wanted, aboutTrigrams(page));
    if (score > (closest?.score ?? MIN_CONTAINMENT)) closest = { page, score };
  }
  return closest && { href: closest.page.href, title: closest.page.title, match: 'similar-words' };
}
