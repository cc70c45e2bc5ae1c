// The route pattern a request path belongs to (`/api/sessions/[documentId]`, never the document id itself), read
// from the build's routes manifest, so that logs and metrics name routes by pattern: bounded label sets, and no
// identifier, token or query string from the path.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** What paths outside the manifest count as: the build's own files, and everything that matches no route. */
export const BUILD_FILES_ROUTE = '/_next/*';
export const UNMATCHED_ROUTE = '(unmatched)';

/** `routesManifest` as .next/routes-manifest.json has it: static routes by page, dynamic ones with their regex. */
export function routeMatcher(routesManifest) {
  const staticPages = new Set(routesManifest.staticRoutes.map((route) => route.page));
  const dynamic = routesManifest.dynamicRoutes.map((route) => ({ page: route.page, regex: new RegExp(route.regex) }));
  return (url = '/') => {
    const pathname = url.split('?', 1)[0].replace(/(.)\/+$/, '$1');
    if (staticPages.has(pathname)) return pathname;
    if (pathname.startsWith('/_next/')) return BUILD_FILES_ROUTE;
    return dynamic.find((route) => route.regex.test(pathname))?.page ?? UNMATCHED_ROUTE;
  };
}

/** The matcher for the build in `dir`. */
export function routeMatcherFor(dir) {
  return routeMatcher(JSON.parse(readFileSync(path.join(dir, '.next', 'routes-manifest.json'), 'utf8')));
}
