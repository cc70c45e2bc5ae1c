import { ERROR_CATALOG, ERROR_CODES, type ErrorCategory, type ErrorCode, type ErrorEntry } from './catalog';
import { errorSlug } from './paths';

export { errorDocsPath, errorSlug } from './paths';

export { ERROR_CATALOG, ERROR_CODES };
export type { ErrorCategory, ErrorCode, ErrorEntry };

export const CATEGORY_TITLES: Record<ErrorCategory, string> = {
  'token-structure': 'Token structure',
  'token-claims': 'Token claims',
  'token-time': 'Token times and clocks',
  'token-keys': 'Keys and signatures',
  'public-keys': 'Uploading public keys',
  environment: 'Browser environment',
};

export function isErrorCode(value: string): value is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(value);
}

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
