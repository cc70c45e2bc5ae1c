import { listDocPages } from '@/lib/docs/pages';
import { buildDocsSearchIndex } from './build';

let built: ReturnType<typeof buildDocsSearchIndex> | undefined;

/** The docs search index, built on first use and kept for the life of the process. */
export function siteSearchIndex(): ReturnType<typeof buildDocsSearchIndex> {
  if (!built || process.env.NODE_ENV === 'development') built = buildDocsSearchIndex(listDocPages());
  return built;
}
