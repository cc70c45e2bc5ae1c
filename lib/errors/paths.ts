import type { ErrorCode } from './catalog';

// Apart from the catalog so that browser code linking to an error page does not ship every error's text.

/** `TOKEN_EXPIRED` → `token-expired`: the page name under /docs/errors. */
export function errorSlug(code: ErrorCode): string {
  return code.toLowerCase().replaceAll('_', '-');
}

export function errorDocsPath(code: ErrorCode): string {
  return `/docs/errors/${errorSlug(code)}`;
}
