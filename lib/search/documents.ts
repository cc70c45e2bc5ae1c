import { ERROR_CATALOG } from '@/lib/errors';
import type { DocPage } from '@/lib/docs/pages';

export interface SearchDocument {
  id: string;
  href: string;
  title: string;
  section: string;
  description: string;
  headings: string;
  /** The exact messages a user may paste for this page (error pages only). */
  messages: string;
  text: string;
}

/** What users paste that should land on one page: each error's message and its aliases. */
export interface MessagePhrase {
  href: string;
  phrase: string;
}

export function buildSearchDocuments(pages: readonly DocPage[]): SearchDocument[] {
  return pages.map((page) => {
    const entry = page.code ? ERROR_CATALOG[page.code] : undefined;
    const generated = entry ? [entry.cause, ...entry.fix].join('\n') : '';
    return {
      id: page.href,
      href: page.href,
      title: page.title,
      section: page.section,
      description: page.description,
      headings: page.headings.map((heading) => heading.text).join('\n'),
      messages: entry ? [entry.code, entry.message, ...entry.aliases].join('\n') : '',
      text: [generated, page.searchText].filter(Boolean).join('\n'),
    };
  });
}

export function buildMessagePhrases(pages: readonly DocPage[]): MessagePhrase[] {
  return pages.flatMap((page) => {
    const entry = page.code ? ERROR_CATALOG[page.code] : undefined;
    if (!entry) return [];
    return [entry.message, entry.code, ...entry.aliases].map((phrase) => ({ href: page.href, phrase }));
  });
}
