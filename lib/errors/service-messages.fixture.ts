/**
 * Test data: every message the vendor's troubleshooting page lists, word for word, with the code it belongs to.
 * Kept apart from the catalog so tests check the catalog against it rather than against itself.
 */
export const SERVICE_MESSAGES = [
  {
    code: 'SECURE_CONTEXT_REQUIRED',
    message: 'RTC services require a secure context',
    href: '/docs/errors/secure-context-required',
  },
  {
    code: 'TOKEN_ISSUED_IN_FUTURE',
    message: 'JWT was issued in the future',
    href: '/docs/errors/token-issued-in-future',
  },
  { code: 'TOKEN_EXPIRED', message: 'JWT has expired', href: '/docs/errors/token-expired' },
  { code: 'TOKEN_NOT_YET_VALID', message: 'JWT is not yet valid', href: '/docs/errors/token-not-yet-valid' },
  {
    code: 'TOKEN_UNSUPPORTED_ALG',
    message: 'Unsupported JWT signature algorithm',
    href: '/docs/errors/token-unsupported-alg',
  },
  { code: 'JWKS_UNAVAILABLE', message: 'Unable to retrieve JWK set', href: '/docs/errors/jwks-unavailable' },
  { code: 'TOKEN_NOT_ENOUGH_PARTS', message: 'Not enough parts', href: '/docs/errors/token-not-enough-parts' },
  {
    code: 'TOKEN_PART_NOT_BASE64',
    message: 'A part was not correctly base64 encoded',
    href: '/docs/errors/token-part-not-base64',
  },
  { code: 'TOKEN_PART_NOT_JSON', message: 'A part was not valid JSON', href: '/docs/errors/token-part-not-json' },
  {
    code: 'TOKEN_HEADER_NO_ALG',
    message: 'The header part does not specify an algorithm',
    href: '/docs/errors/token-header-no-alg',
  },
  {
    code: 'TOKEN_MISSING_CLAIMS',
    message: 'The payload part does not contain all required claims',
    href: '/docs/errors/token-missing-claims',
  },
] as const;
