import { WARNING_CODES, WARNING_SUMMARIES, type WarningCode, type WarningSummary } from './summary';

/**
 * The long half of the catalog for warnings, and the joined warning entries. Apart from the errors' prose
 * (./prose.ts) because modules that read only warnings (lib/docs/facts, which the token debugger's browser code
 * imports) should not pull in every error's cause and fix.
 */

export interface WarningProse {
  /** One short paragraph: why it deserves attention and what to do about it. */
  readonly explanation: string;
}

export type WarningEntry<C extends WarningCode = WarningCode> = WarningSummary<C> & WarningProse;

const WARNING_PROSE: { readonly [C in WarningCode]: WarningProse } = {
  TOKEN_INPUT_CLEANED: {
    explanation:
      'The pasted value had something around the token itself: a "Bearer " prefix, quotes or spaces, a JSON body the token was a field of, an Authorization or Cookie header line, a URL carrying it as a parameter, or line breaks from wrapping. The note says what was removed; the rest was checked. Your token provider must hand the editor the bare token.',
  },
  TOKEN_HEADER_KEY_IGNORED: {
    explanation:
      'The header names a key or where to fetch one (jwk, jku, x5u or x5c). The service never trusts keys offered by the token itself; it only uses the public keys registered on the account.',
  },
  TOKEN_UNEXPECTED_HEADER: {
    explanation:
      'A signed identity token needs only alg, and usually typ and kid. Other header fields are unusual and some verifiers reject them.',
  },
  TOKEN_NO_IAT: {
    explanation:
      'Without an iat claim nobody can tell how old the token is, which makes clock problems and cached tokens harder to spot. Add iat when signing.',
  },
  TOKEN_SHORT_LIFETIME: {
    explanation:
      'The editor keeps the token it was given when it connected and does not ask for a new one when that token expires, so a user still editing at the expiry time is disconnected. Give the token a lifetime that covers a whole editing session.',
  },
  TOKEN_LONG_LIFETIME: {
    explanation:
      'A leaked identity token can be used by anyone until it expires. A lifetime that covers one working day is enough for an editing session (RTC Doctor recommends 8 hours); a token valid for days stays useful for days to whoever copies it.',
  },
  JWKS_KEY_SKIPPED: {
    explanation:
      'One entry of the key set could not be used to check signatures and was left out, because the service could not use it either: it is unreadable, a shared secret, an RSA key under 2048 bits, or a key type no accepted algorithm uses. The other keys were still tried.',
  },
  JWKS_KEY_REFUSED_ON_UPLOAD: {
    explanation:
      'A key in the set was still tried, but uploading this set to an account would be refused (for example two keys share a kid, or a key names an algorithm that does not fit it). Fix the set before you register it.',
  },
  JWKS_PRIVATE_KEY: {
    explanation:
      'A private key was given where only public keys belong. Its public part was used for this check, but anyone who saw the private part can sign tokens as your users: treat it as leaked and rotate it.',
  },
  KEY_NO_KID: {
    explanation:
      "The key has no kid member. The service picks the key for a token by the kid in the token's header, so RTC Doctor offers the key's thumbprint as its kid: register the key under that kid and put the same kid in the header of every token it signs.",
  },
  KEY_USE_NOT_SIG: {
    explanation:
      'The key\'s use member says it is for something other than signatures, such as encryption. Keys that check token signatures need "use": "sig" or no use member at all; give the service a key made for signing.',
  },
};

export const WARNING_CATALOG = Object.fromEntries(
  WARNING_CODES.map((code) => [code, { ...WARNING_SUMMARIES[code], ...WARNING_PROSE[code] }]),
) as { readonly [C in WarningCode]: WarningEntry<C> };

export { WARNING_CODES, type WarningCode };
