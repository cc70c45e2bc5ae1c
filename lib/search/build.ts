import type { DocPage } from '@/lib/docs/pages';
import { buildMessagePhrases, buildSearchDocuments } from './documents';
import { createSearchIndex, type LoadedSearchIndex, type SerializedSearchIndex } from './query';

/** Indexes the docs pages once; the server searches it directly and ships it serialized to browsers. */
export function buildDocsSearchIndex(pages: readonly DocPage[]): {
  loaded: LoadedSearchIndex;
  serialized: SerializedSearchIndex;
} {
  const phrases = buildMessagePhrases(pages);
  const loaded = createSearchIndex(buildSearchDocuments(pages), phrases);
  return { loaded, serialized: { version: 1, index: loaded.miniSearch.toJSON(), phrases } };
}
