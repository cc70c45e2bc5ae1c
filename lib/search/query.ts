import MiniSearch, { type Options, type SearchResult as MiniSearchResult } from 'minisearch';
import type { MessagePhrase, SearchDocument } from './documents';
import { containsPhrase, normalizeForMatching } from './normalize';

export interface SearchHit {
  href: string;
  title: string;
  section: string;
  description: string;
  /** True when the query contained an error message this page explains word for word. */
  exactMessage: boolean;
}

/** The index as it travels to the browser: built once at build time, loaded without re-indexing. */
export interface SerializedSearchIndex {
  version: 1;
  index: unknown;
  phrases: MessagePhrase[];
}

export interface LoadedSearchIndex {
  miniSearch: MiniSearch<SearchDocument>;
  phrases: { href: string; normalized: string }[];
}

const STORED_FIELDS = ['href', 'title', 'section', 'description'] as const;

export const INDEX_OPTIONS: Options<SearchDocument> = {
  fields: ['title', 'messages', 'headings', 'text'],
  storeFields: [...STORED_FIELDS],
  searchOptions: {
    boost: { title: 4, messages: 3, headings: 2, text: 1 },
    prefix: (term) => term.length > 2,
    fuzzy: (term) => (term.length > 4 ? 0.2 : false),
    combineWith: 'OR',
  },
};

function prepare(index: MiniSearch<SearchDocument>, phrases: readonly MessagePhrase[]): LoadedSearchIndex {
  return {
    miniSearch: index,
    phrases: phrases
      .map((item) => ({ href: item.href, normalized: normalizeForMatching(item.phrase) }))
      .filter((item) => item.normalized.length > 0),
  };
}

export function createSearchIndex(
  documents: readonly SearchDocument[],
  phrases: readonly MessagePhrase[],
): LoadedSearchIndex {
  const miniSearch = new MiniSearch<SearchDocument>(INDEX_OPTIONS);
  miniSearch.addAll(documents);
  return prepare(miniSearch, phrases);
}

export function loadSearchIndex(serialized: SerializedSearchIndex): LoadedSearchIndex {
  const miniSearch = MiniSearch.loadJS<SearchDocument>(serialized.index as never, INDEX_OPTIONS);
  return prepare(miniSearch, serialized.phrases);
}

function toHit(result: MiniSearchResult, exactMessage: boolean): SearchHit {
  return {
    href: String(result.href),
    title: String(result.title),
    section: String(result.section),
    description: String(result.description),
    exactMessage,
  };
}

/** What one search found: the pages to show, and how many more matched only loosely (left out). */
export interface SearchResults {
  hits: SearchHit[];
  looseMatches: number;
}

/**
 * When the query holds an error message word for word, a full-text result is shown beside that page only
 * if it scores at least this share of the best full-text score: a pasted message shares common words
 * ("token", "key", "has") with most pages, and listing all of them buries the one that explains it.
 */
export const RELATED_SCORE_RATIO = 0.25;

/**
 * Pages whose error message the query contains come first (the longest, most specific message
 * first), so a pasted error lands on its page whatever surrounds it; then the closely related pages
 * (see {@link RELATED_SCORE_RATIO}). A query without a known message gets every full-text result.
 */
export function searchDocs(loaded: LoadedSearchIndex, query: string, limit = 8): SearchResults {
  const normalizedQuery = normalizeForMatching(query);
  if (!normalizedQuery) return { hits: [], looseMatches: 0 };
  const exactHrefs = loaded.phrases
    .filter((item) => containsPhrase(normalizedQuery, item.normalized))
    .sort((a, b) => b.normalized.length - a.normalized.length)
    .map((item) => item.href)
    .filter((href, index, all) => all.indexOf(href) === index);

  const results = loaded.miniSearch.search(normalizedQuery);
  const byHref = new Map(results.map((result) => [String(result.href), result]));
  const exactHits: SearchHit[] = [];
  for (const href of exactHrefs) {
    const stored = byHref.get(href) ?? storedFieldsOf(loaded, href);
    if (stored) exactHits.push(toHit(stored, true));
  }
  const others = results.filter((result) => !exactHrefs.includes(String(result.href)));
  const cutOff = exactHits.length ? (results[0]?.score ?? 0) * RELATED_SCORE_RATIO : 0;
  const related = others.filter((result) => result.score >= cutOff).map((result) => toHit(result, false));
  const hits = [...exactHits, ...related].slice(0, limit);
  return { hits, looseMatches: exactHits.length + others.length - hits.length };
}

function storedFieldsOf(loaded: LoadedSearchIndex, href: string): MiniSearchResult | undefined {
  const fields = loaded.miniSearch.getStoredFields(href);
  return fields
    ? ({ ...fields, id: href, score: 0, terms: [], queryTerms: [], match: {} } as MiniSearchResult)
    : undefined;
}
