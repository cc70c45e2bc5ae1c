import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { findDocPage, neighbours } from '@/lib/docs/pages';
import { DocArticle } from './doc-article';
import { MdxBody } from './mdx-body';

export function guideHref(slug: string): string {
  return slug === 'index' ? '/docs' : `/docs/${slug}`;
}

export function guideMetadata(slug: string): Metadata {
  const page = findDocPage(guideHref(slug));
  return page ? { title: page.title, description: page.description } : {};
}

/** Renders content/docs/<slug>.mdx inside the docs frame; unknown slugs are a 404. */
export function GuidePage({ slug }: { slug: string }) {
  const page = findDocPage(guideHref(slug));
  if (!page?.tree || page.kind !== 'guide') notFound();
  return (
    <DocArticle page={page} headings={page.headings} neighbours={neighbours(page.href)}>
      <p className="lead">{page.description}</p>
      <MdxBody tree={page.tree} />
    </DocArticle>
  );
}
