import { siteSearchIndex } from '@/lib/search/site';

// Built once by `next build` and served as a static file.
export const dynamic = 'force-static';

export function GET() {
  return Response.json(siteSearchIndex().serialized);
}
