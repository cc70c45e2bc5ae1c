import fs from 'node:fs';
import path from 'node:path';
import type { Root as HastRoot } from 'hast';
import { z } from 'zod';
import {
  CATEGORY_TITLES,
  ERROR_CATALOG,
  errorDocsPath,
  errorSlug,
  errorsByCategory,
  type ErrorCode,
} from '@/lib/errors';
import type { Heading } from './headings';
import { compileMdx, type CompiledMdx } from './mdx';

export type DocKind = 'guide' | 'error-index' | 'error';

export interface DocPage {
  kind: DocKind;
  href: string;
  title: string;
  description: string;
  section: string;
  /** File name without extension under content/docs or content/errors ('' for the error index). */
  slug: string;
  code?: ErrorCode;
  /** The MDX file the page's prose comes from (none for generated pages and error codes without one). */
  file?: string;
  headings: Heading[];
  /** The prose's words for search ('' without a file). */
  searchText: string;
  /** The prose as HTML syntax tree, for components/docs to render (none without a file). */
  tree?: HastRoot;
  /** The prose's Markdown after the front matter ('' without a file) and the line of the file it starts on. */
  source: CompiledMdx<unknown>['source'];
}

const guideFrontMatter = z.object({
  title: z.string().min(1),
  description: z.string().min(1),
  order: z.number().int(),
});

const errorFrontMatter = z.object({ code: z.string() });

export const GUIDES_SECTION = 'Guides';
export const ERRORS_SECTION = 'Error reference';

export function defaultContentDir(): string {
  return path.join(process.cwd(), 'content');
}

/** What a page takes from its MDX file's one parse. */
type Prose = Pick<DocPage, 'file' | 'headings' | 'searchText' | 'tree' | 'source'>;

const NO_PROSE: Prose = { headings: [], searchText: '', source: { body: '', firstLine: 1 } };

function proseOf(file: string, { headings, searchText, tree, source }: CompiledMdx<unknown>): Prose {
  return { file, headings, searchText, tree, source };
}

function loadGuides(contentDir: string): DocPage[] {
  const dir = path.join(contentDir, 'docs');
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => {
      const file = path.join(dir, name);
      const compiled = compileMdx(file, guideFrontMatter);
      const { frontMatter } = compiled;
      const slug = name.replace(/\.mdx$/, '') === 'index' ? '' : name.replace(/\.mdx$/, '');
      return {
        order: frontMatter.order,
        page: {
          kind: 'guide' as const,
          href: slug ? `/docs/${slug}` : '/docs',
          title: frontMatter.title,
          description: frontMatter.description,
          section: GUIDES_SECTION,
          slug,
          ...proseOf(file, compiled),
        } satisfies DocPage,
      };
    })
    .sort((a, b) => a.order - b.order)
    .map(({ page }) => page);
}

function loadErrorPages(contentDir: string): DocPage[] {
  return errorsByCategory().flatMap(({ errors }) =>
    errors.map((entry) => {
      const slug = errorSlug(entry.code);
      const file = path.join(contentDir, 'errors', `${slug}.mdx`);
      // The file must name the code it explains, so a renamed or copied file cannot explain the wrong error.
      const mustNameCode = errorFrontMatter.refine(({ code }) => code === entry.code, {
        path: ['code'],
        message: `must be ${entry.code}`,
      });
      const prose = fs.existsSync(file) ? proseOf(file, compileMdx(file, mustNameCode)) : NO_PROSE;
      return {
        kind: 'error' as const,
        href: errorDocsPath(entry.code),
        title: entry.title,
        description: `“${entry.message}”: ${entry.cause}`,
        section: CATEGORY_TITLES[entry.category],
        slug,
        code: entry.code,
        ...prose,
      } satisfies DocPage;
    }),
  );
}

const errorIndexPage: DocPage = {
  kind: 'error-index',
  href: '/docs/errors',
  title: 'Error reference',
  description:
    'Every message the collaboration service and RTC Doctor report, grouped by what went wrong, with the page that explains each.',
  section: ERRORS_SECTION,
  slug: '',
  ...NO_PROSE,
};

const cache = new Map<string, DocPage[]>();

/** Every docs page in reading order: guides, the error index, then one page per error code. */
export function listDocPages(contentDir: string = defaultContentDir()): DocPage[] {
  const cached = cache.get(contentDir);
  if (cached && process.env.NODE_ENV !== 'development') return cached;
  const pages = [...loadGuides(contentDir), errorIndexPage, ...loadErrorPages(contentDir)];
  cache.set(contentDir, pages);
  return pages;
}

export function findDocPage(href: string, contentDir?: string): DocPage | undefined {
  return listDocPages(contentDir).find((page) => page.href === href);
}

export function neighbours(href: string, contentDir?: string): { previous?: DocPage; next?: DocPage } {
  const pages = listDocPages(contentDir);
  const index = pages.findIndex((page) => page.href === href);
  if (index < 0) return {};
  return { previous: pages[index - 1], next: pages[index + 1] };
}

export function errorEntryFor(page: DocPage) {
  return page.code ? ERROR_CATALOG[page.code] : undefined;
}
