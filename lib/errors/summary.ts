import { errorDocsPath, guideDocsPath } from './paths';

export { errorDocsPath, errorSlug, guideDocsPath } from './paths';

/**
 * The short half of the catalog: every finding code with what the UI shows for it (title, headline message, docs
 * path). It is all browser code may import from lib/errors; the prose the docs pages add (cause, fix, aliases,
 * related codes, explanations) is in ./prose.ts, keyed by the same codes, and ./catalog.ts joins the two.
 */

export const ERROR_CODES = [
  'TOKEN_NOT_ENOUGH_PARTS',
  'TOKEN_TOO_MANY_PARTS',
  'TOKEN_PART_NOT_BASE64',
  'TOKEN_PART_NOT_JSON',
  'TOKEN_HEADER_NO_ALG',
  'TOKEN_UNSUPPORTED_ALG',
  'TOKEN_MISSING_CLAIMS',
  'TOKEN_INVALID_CLAIM',
  'TOKEN_EXPIRED',
  'TOKEN_ISSUED_IN_FUTURE',
  'TOKEN_NOT_YET_VALID',
  'JWKS_UNAVAILABLE',
  'TOKEN_SIGNATURE_INVALID',
  'KEY_MALFORMED',
  'KEY_IS_PRIVATE',
  'KEY_SYMMETRIC',
  'KEY_TOO_WEAK',
  'KEY_UNSUPPORTED_TYPE',
  'KEY_DUPLICATE_KID',
  'KEY_ALG_MISMATCH',
  'SECURE_CONTEXT_REQUIRED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Findings that do not stop a token or key from being accepted but deserve attention. */
export const WARNING_CODES = [
  'TOKEN_INPUT_CLEANED',
  'TOKEN_HEADER_KEY_IGNORED',
  'TOKEN_UNEXPECTED_HEADER',
  'TOKEN_NO_IAT',
  'TOKEN_SHORT_LIFETIME',
  'TOKEN_LONG_LIFETIME',
  'JWKS_KEY_SKIPPED',
  'JWKS_KEY_REFUSED_ON_UPLOAD',
  'JWKS_PRIVATE_KEY',
  'KEY_NO_KID',
  'KEY_USE_NOT_SIG',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/** Every code a finding (an error or a warning) of the UI, the API or the CLI carries. */
export type FindingCode = ErrorCode | WarningCode;

export type ErrorCategory =
  'token-structure' | 'token-claims' | 'token-time' | 'token-keys' | 'public-keys' | 'environment';

/** What every finding, error or warning, shows wherever it appears. */
export interface FindingSummary<C extends FindingCode = FindingCode> {
  readonly code: C;
  /** Short title for headings and lists, e.g. "Token has expired". */
  readonly title: string;
  /** The headline every reported finding with this code starts with; the finding adds its particulars. */
  readonly message: string;
  /** Where the docs explain it: the error's own page, or the guide section a warning belongs to. */
  readonly docs: string;
}

export interface ErrorSummary<C extends ErrorCode = ErrorCode> extends FindingSummary<C> {
  /**
   * Who prints `message`: the collaboration service (seen in the editor), or RTC Doctor only. For 'service' the
   * message is what the editor shows, word for word (the service's troubleshooting page lists it); for
   * 'rtc-doctor' it is RTC Doctor's own wording of a finding the service reports in words nobody has published, so
   * nobody should search for it as the service's text.
   */
  readonly shownBy: 'service' | 'rtc-doctor';
  readonly category: ErrorCategory;
}

export type WarningSummary<C extends WarningCode = WarningCode> = FindingSummary<C>;

type ErrorSource = Omit<ErrorSummary, 'code' | 'docs'>;
/** A warning's headline is its title; its docs are usually a guide section rather than a page of its own. */
type WarningSource = Pick<WarningSummary, 'title' | 'docs'>;

const ERROR_SOURCES: { readonly [C in ErrorCode]: ErrorSource } = {
  TOKEN_NOT_ENOUGH_PARTS: {
    title: 'Token has fewer than three parts',
    message: 'Not enough parts',
    shownBy: 'service',
    category: 'token-structure',
  },
  TOKEN_TOO_MANY_PARTS: {
    title: 'Token has more than three parts',
    message: 'Too many parts',
    shownBy: 'rtc-doctor',
    category: 'token-structure',
  },
  TOKEN_PART_NOT_BASE64: {
    title: 'Token part is not valid base64url',
    message: 'A part was not correctly base64 encoded',
    shownBy: 'service',
    category: 'token-structure',
  },
  TOKEN_PART_NOT_JSON: {
    title: 'Token part is not a JSON object',
    message: 'A part was not valid JSON',
    shownBy: 'service',
    category: 'token-structure',
  },
  TOKEN_HEADER_NO_ALG: {
    title: 'Token header has no algorithm',
    message: 'The header part does not specify an algorithm',
    shownBy: 'service',
    category: 'token-structure',
  },
  TOKEN_UNSUPPORTED_ALG: {
    title: 'Token uses an unsupported algorithm',
    message: 'Unsupported JWT signature algorithm',
    shownBy: 'service',
    category: 'token-structure',
  },
  TOKEN_MISSING_CLAIMS: {
    title: 'Token is missing required claims',
    message: 'The payload part does not contain all required claims',
    shownBy: 'service',
    category: 'token-claims',
  },
  TOKEN_INVALID_CLAIM: {
    title: 'Token claim has the wrong type',
    message: 'A claim has an invalid value',
    shownBy: 'rtc-doctor',
    category: 'token-claims',
  },
  TOKEN_EXPIRED: { title: 'Token has expired', message: 'JWT has expired', shownBy: 'service', category: 'token-time' },
  TOKEN_ISSUED_IN_FUTURE: {
    title: 'Token issued in the future',
    message: 'JWT was issued in the future',
    shownBy: 'service',
    category: 'token-time',
  },
  TOKEN_NOT_YET_VALID: {
    title: 'Token is not yet valid',
    message: 'JWT is not yet valid',
    shownBy: 'service',
    category: 'token-time',
  },
  JWKS_UNAVAILABLE: {
    title: 'No public key can check this token',
    message: 'Unable to retrieve JWK set',
    shownBy: 'service',
    category: 'token-keys',
  },
  TOKEN_SIGNATURE_INVALID: {
    title: 'Token signature does not verify',
    message: 'The token signature is invalid',
    shownBy: 'rtc-doctor',
    category: 'token-keys',
  },
  KEY_MALFORMED: {
    title: 'Public key cannot be parsed',
    message: 'The public key could not be read',
    shownBy: 'rtc-doctor',
    category: 'public-keys',
  },
  KEY_IS_PRIVATE: {
    title: 'Key contains private material',
    message: 'The key contains private key material',
    shownBy: 'rtc-doctor',
    category: 'public-keys',
  },
  KEY_SYMMETRIC: {
    title: 'Key is a shared secret',
    message: 'The key is a symmetric secret, not a public key',
    shownBy: 'rtc-doctor',
    category: 'public-keys',
  },
  KEY_TOO_WEAK: {
    title: 'RSA key is too short',
    message: 'The RSA key is shorter than 2048 bits',
    shownBy: 'rtc-doctor',
    category: 'public-keys',
  },
  KEY_UNSUPPORTED_TYPE: {
    title: 'Key type or curve not supported',
    message: 'The key type or curve is not supported',
    shownBy: 'rtc-doctor',
    category: 'public-keys',
  },
  KEY_DUPLICATE_KID: {
    title: 'Duplicate key ID in the key set',
    message: 'Two keys in the set share the same key ID',
    shownBy: 'rtc-doctor',
    category: 'public-keys',
  },
  KEY_ALG_MISMATCH: {
    title: 'Key alg does not fit the key',
    message: "The key's algorithm does not match the key",
    shownBy: 'rtc-doctor',
    category: 'public-keys',
  },
  SECURE_CONTEXT_REQUIRED: {
    title: 'Page is not a secure context',
    message: 'RTC services require a secure context',
    shownBy: 'service',
    category: 'environment',
  },
};

const WARNING_SOURCES: { readonly [C in WarningCode]: WarningSource } = {
  TOKEN_INPUT_CLEANED: {
    title: 'Text around the token was removed',
    docs: guideDocsPath('jwt-identity-tokens', 'anatomy-of-a-token'),
  },
  TOKEN_HEADER_KEY_IGNORED: {
    title: 'A key reference in the header is ignored',
    docs: guideDocsPath('jwt-identity-tokens', 'how-the-service-finds-your-public-key'),
  },
  TOKEN_UNEXPECTED_HEADER: {
    title: 'The header has unusual fields',
    docs: guideDocsPath('jwt-identity-tokens', 'anatomy-of-a-token'),
  },
  TOKEN_NO_IAT: { title: 'The token has no issue time', docs: guideDocsPath('jwt-identity-tokens', 'claims') },
  TOKEN_SHORT_LIFETIME: {
    title: 'The token expires before a normal editing session ends',
    docs: guideDocsPath('jwt-identity-tokens', 'choosing-a-lifetime'),
  },
  TOKEN_LONG_LIFETIME: {
    title: 'The token stays valid for days',
    docs: guideDocsPath('jwt-identity-tokens', 'choosing-a-lifetime'),
  },
  JWKS_KEY_SKIPPED: { title: 'A key in the set cannot be used', docs: errorDocsPath('KEY_MALFORMED') },
  JWKS_KEY_REFUSED_ON_UPLOAD: {
    title: 'The service would refuse this key set',
    docs: errorDocsPath('KEY_DUPLICATE_KID'),
  },
  JWKS_PRIVATE_KEY: { title: 'The key set contains private key material', docs: errorDocsPath('KEY_IS_PRIVATE') },
  KEY_NO_KID: {
    title: 'A key has no kid',
    docs: guideDocsPath('jwt-identity-tokens', 'how-the-service-finds-your-public-key'),
  },
  KEY_USE_NOT_SIG: {
    title: 'A key is not marked for signatures',
    docs: guideDocsPath('jwt-identity-tokens', 'how-the-service-finds-your-public-key'),
  },
};

function mapCodes<C extends string, S, T>(
  codes: readonly C[],
  sources: { readonly [K in C]: S },
  entry: (code: C, source: S) => T,
): { readonly [K in C]: T & { readonly code: K } } {
  return Object.fromEntries(codes.map((code) => [code, entry(code, sources[code])])) as {
    readonly [K in C]: T & { readonly code: K };
  };
}

export const ERROR_SUMMARIES = mapCodes(ERROR_CODES, ERROR_SOURCES, (code, source): ErrorSummary => ({
  code,
  ...source,
  docs: errorDocsPath(code),
}));

export const WARNING_SUMMARIES = mapCodes(WARNING_CODES, WARNING_SOURCES, (code, { title, docs }): WarningSummary => ({
  code,
  title,
  message: title,
  docs,
}));

/** How an error page labels its headline message: the service's own words, or RTC Doctor's finding. */
export function messageLabel(shownBy: ErrorSummary['shownBy']): { heading: string; note: string } {
  return shownBy === 'service'
    ? {
        heading: 'What the editor shows',
        note: 'The words the editor shows, exactly as the service’s troubleshooting page lists them.',
      }
    : {
        heading: 'RTC Doctor’s finding',
        note: 'These are RTC Doctor’s words. The service’s own wording for this problem is not published, so the editor may say something else: go by the cause below rather than searching for this text.',
      };
}

export function isErrorCode(value: string): value is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(value);
}
