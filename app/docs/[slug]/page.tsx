import { GuidePage, guideMetadata } from '@/components/docs/guide-page';
import { listDocPages } from '@/lib/docs/pages';

export const dynamicParams = false;

export function generateStaticParams() {
  return listDocPages()
    .filter((page) => page.kind === 'guide' && page.slug)
    .map((page) => ({ slug: page.slug }));
}

export async function generateMetadata({ params }: PageProps<'/docs/[slug]'>) {
  return guideMetadata((await params).slug);
}

export default async function GuideRoute({ params }: PageProps<'/docs/[slug]'>) {
  return <GuidePage slug={(await params).slug} />;
}
