import { GuidePage, guideMetadata } from '@/components/docs/guide-page';

export const metadata = guideMetadata('index');

export default function DocsOverviewPage() {
  return <GuidePage slug="index" />;
}
