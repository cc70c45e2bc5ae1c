import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { z } from 'zod';
import {
  CATEGORY_TITLES,
  ERROR_CATALOG,
  errorDocsPath,
  errorSlug,
  errorsByCategory,
  type ErrorCode,
} from '@/lib/errors';
import { extractHeadings, type Heading } from './headings';

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
  /** Markdown body without front matter ('' for generated pages). */
  body: string;
  headings: Heading[];
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

function readMdx(file: string): { data: unknown; body: string } {
  const parsed = matter(fs.readFileSync(file, 'utf8'));
  return { data: parsed.data, body: parsed.content };
}

function loadGuides(contentDir: string): DocPage[] {
  const dir = path.join(contentDir, 'docs');
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => {
      const file = path.join(dir, name);
      const { data, body } = readMdx(file);
      const result = guideFrontMatter.safeParse(data);
      if (!result.success) throw new Error(`${file}: front matter is invalid: ${z.prettifyError(result.error)}`);
      const slug = name.replace(/\.mdx$/, '') === 'index' ? '' : name.replace(/\.mdx$/, '');
      return {
        order: result.data.order,
        page: {
          kind: 'guide' as const,
          href: slug ? `/docs/${slug}` : '/docs',
          title: result.data.title,
          description: result.data.description,
          section: GUIDES_SECTION,
          slug,
          body,
          headings: extractHeadings(body),
        },
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
      const { data, body } = fs.existsSync(file) ? readMdx(file) : { data: { code: entry.code }, body: '' };
      const front = errorFrontMatter.safeParse(data);
      if (!front.success || front.data.code !== entry.code) {
        throw new Error(`${file}: front matter must say code: ${entry.code}`);
      }
      return {
        kind: 'error' as const,
        href: errorDocsPath(entry.code),
        title: entry.title,
        description: `“${entry.message}”: ${entry.cause}`,
        section: CATEGORY_TITLES[entry.category],
        slug,
        code: entry.code,
        body,
        headings: extractHeadings(body),
      };
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
  body: '',
  headings: [],
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
