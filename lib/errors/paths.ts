import type { ErrorCode } from './summary';

// Every docs path a finding links to is made here.

/** `TOKEN_EXPIRED` → `token-expired`: the page name under /docs/errors. */
export function errorSlug(code: ErrorCode): string {
  return code.toLowerCase().replaceAll('_', '-');
}

export function errorDocsPath(code: ErrorCode): string {
  return `/docs/errors/${errorSlug(code)}`;
}

/** A section of a guide page: `guideDocsPath('jwt-identity-tokens', 'claims')` → `/docs/jwt-identity-tokens#claims`. */
export function guideDocsPath(slug: string, section: string): string {
  return `/docs/${slug}#${section}`;
}
