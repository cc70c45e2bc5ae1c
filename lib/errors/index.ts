import { ERROR_CATALOG, type ErrorEntry } from './catalog';
import { errorSlug } from './paths';
import { ERROR_CODES, isErrorCode, type ErrorCategory } from './summary';

// For server code: the whole catalog. Browser code imports ./summary instead, which carries no prose.

export * from './summary';
export { ERROR_CATALOG, WARNING_CATALOG, type ErrorEntry, type WarningEntry } from './catalog';
export type { ErrorProse } from './prose';
export type { WarningProse } from './warnings';
export { API_ERROR_STATUS, type ApiErrorCode } from './api';

export const CATEGORY_TITLES: Record<ErrorCategory, string> = {
  'token-structure': 'Token structure',
  'token-claims': 'Token claims',
  'token-time': 'Token times and clocks',
  'token-keys': 'Keys and signatures',
  'public-keys': 'Uploading public keys',
  environment: 'Browser environment',
};

export function errorBySlug(slug: string): ErrorEntry | undefined {
  const code = slug.toUpperCase().replaceAll('-', '_');
  return isErrorCode(code) && errorSlug(code) === slug ? ERROR_CATALOG[code] : undefined;
}

export function allErrors(): ErrorEntry[] {
  return ERROR_CODES.map((code) => ERROR_CATALOG[code]);
}

export function errorsByCategory(): { category: ErrorCategory; title: string; errors: ErrorEntry[] }[] {
  return (Object.keys(CATEGORY_TITLES) as ErrorCategory[])
    .map((category) => ({
      category,
      title: CATEGORY_TITLES[category],
      errors: allErrors().filter((entry) => entry.category === category),
    }))
    .filter((group) => group.errors.length > 0);
}
