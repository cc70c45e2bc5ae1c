/**
 * Findings that do not stop a token from being accepted but deserve attention.
 * Like errors, each has one wording here that every surface (UI, API, CLI) shows.
 */
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
] as const;

export type WarningCode = (typeof WARNING_CODES)[number];

export interface WarningEntry {
  readonly code: WarningCode;
  readonly title: string;
  readonly explanation: string;
  readonly docs: string;
}

export const WARNING_CATALOG: { readonly [C in WarningCode]: WarningEntry & { readonly code: C } } = {
  TOKEN_INPUT_CLEANED: {
    code: 'TOKEN_INPUT_CLEANED',
    title: 'Text around the token was removed',
    explanation:
      'The pasted value had something around the token itself: a "Bearer " prefix, quotes or spaces, a JSON body the token was a field of, an Authorization or Cookie header line, a URL carrying it as a parameter, or line breaks from wrapping. The note says what was removed; the rest was checked. Your token provider must hand the editor the bare token.',
    docs: '/docs/jwt-identity-tokens#anatomy-of-a-token',
  },
  TOKEN_HEADER_KEY_IGNORED: {
    code: 'TOKEN_HEADER_KEY_IGNORED',
    title: 'A key reference in the header is ignored',
    explanation:
      'The header names a key or where to fetch one (jwk, jku, x5u or x5c). The service never trusts keys offered by the token itself; it only uses the public keys registered on the account.',
    docs: '/docs/jwt-identity-tokens#how-the-service-finds-your-public-key',
  },
  TOKEN_UNEXPECTED_HEADER: {
    code: 'TOKEN_UNEXPECTED_HEADER',
    title: 'The header has unusual fields',
    explanation:
      'A signed identity token needs only alg, and usually typ and kid. Other header fields are unusual and some verifiers reject them.',
    docs: '/docs/jwt-identity-tokens#anatomy-of-a-token',
  },
  TOKEN_NO_IAT: {
    code: 'TOKEN_NO_IAT',
    title: 'The token has no issue time',
    explanation:
      'Without an iat claim nobody can tell how old the token is, which makes clock problems and cached tokens harder to spot. Add iat when signing.',
    docs: '/docs/jwt-identity-tokens#claims',
  },
  TOKEN_SHORT_LIFETIME: {
    code: 'TOKEN_SHORT_LIFETIME',
    title: 'The token expires before a normal editing session ends',
    explanation:
      'The editor keeps the token it was given when it connected and does not ask for a new one when that token expires, so a user still editing at the expiry time is disconnected. Give the token a lifetime that covers a whole editing session.',
    docs: '/docs/jwt-identity-tokens#choosing-a-lifetime',
  },
  TOKEN_LONG_LIFETIME: {
    code: 'TOKEN_LONG_LIFETIME',
    title: 'The token stays valid for days',
    explanation:
      'A leaked identity token can be used by anyone until it expires. A lifetime that covers one working day is enough for an editing session (RTC Doctor recommends 8 hours); a token valid for days stays useful for days to whoever copies it.',
    docs: '/docs/jwt-identity-tokens#choosing-a-lifetime',
  },
  JWKS_KEY_SKIPPED: {
    code: 'JWKS_KEY_SKIPPED',
    title: 'A key in the set cannot be used',
    explanation:
      'One entry of the key set could not be used to check signatures and was left out, because the service could not use it either: it is unreadable, a shared secret, an RSA key under 2048 bits, or a key type no accepted algorithm uses. The other keys were still tried.',
    docs: '/docs/errors/key-malformed',
  },
  JWKS_KEY_REFUSED_ON_UPLOAD: {
    code: 'JWKS_KEY_REFUSED_ON_UPLOAD',
    title: 'The service would refuse this key set',
    explanation:
      'A key in the set was still tried, but uploading this set to an account would be refused (for example two keys share a kid, or a key names an algorithm that does not fit it). Fix the set before you register it.',
    docs: '/docs/errors/key-duplicate-kid',
  },
  JWKS_PRIVATE_KEY: {
    code: 'JWKS_PRIVATE_KEY',
    title: 'The key set contains private key material',
    explanation:
      'A private key was given where only public keys belong. Its public part was used for this check, but anyone who saw the private part can sign tokens as your users: treat it as leaked and rotate it.',
    docs: '/docs/errors/key-is-private',
  },
};
