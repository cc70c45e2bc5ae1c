import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { findDocPage, neighbours } from '@/lib/docs/pages';
import { DocArticle } from './DocArticle';

export function guideHref(slug: string): string {
  return slug === 'index' ? '/docs' : `/docs/${slug}`;
}

export function guideMetadata(slug: string): Metadata {
  const page = findDocPage(guideHref(slug));
  return page ? { title: page.title, description: page.description } : {};
}

/** Renders content/docs/<slug>.mdx inside the docs frame; unknown slugs are a 404. */
export async function GuidePage({ slug }: { slug: string }) {
  const page = findDocPage(guideHref(slug));
  if (!page || page.kind !== 'guide') notFound();
  const { default: Content } = await import(`@/content/docs/${slug}.mdx`);
  return (
    <DocArticle page={page} headings={page.headings} neighbours={neighbours(page.href)}>
      <p className="lead">{page.description}</p>
      <Content />
    </DocArticle>
  );
}
