// Secrets that readers paste into free text (feedback comments, staff notes, search queries), taken out before the
// text is stored, and out of the evidence page's support bundles before they leave the browser. What the browser
// sends is redacted again where it is received.
import { API_KEY_PATTERN } from '@/lib/accounts/api-key';
import { decodeBase64Url } from '@/lib/encoding/base64url';

export const PRIVATE_KEY_REMOVED = '[private key removed]';
export const SIGNATURE_REMOVED = '[signature removed]';
/** Something token-shaped that is not a readable JWT: nothing of it is worth keeping. */
export const TOKEN_REMOVED = '[token removed]';

/** How much of a JWT's header and payload JSON a summary keeps, in characters, each. */
export const JWT_SUMMARY_JSON_LENGTH = 200;
/** How many characters of an API key stay readable: enough for support to tell keys apart. */
export const API_KEY_VISIBLE_CHARACTERS = 6;

const B64URL = 'A-Za-z0-9_-';

/**
 * A PEM private key block (PKCS#8, PKCS#1, SEC 1, OpenSSH, encrypted), up to its END line or, when the paste was
 * cut short, to the end of the text.
 */
const PEM_PRIVATE_KEY =
  /-{2,}\s*BEGIN[^\n-]{0,40}PRIVATE\s+KEY\s*-{2,}[\s\S]*?(?:-{2,}\s*END[^\n-]{0,40}PRIVATE\s+KEY\s*-{2,}|$)/gi;
/** What is left of a PEM armour line once the blocks are gone (a lone END line, a mangled BEGIN). */
const PEM_ARMOUR_LEFTOVER = /PRIVATE\s+KEY\s*-{5,}/gi;

/**
 * The value of a private JWK member (RFC 7518: d, p, q, dp, dq, qi of RSA and EC keys, k of symmetric keys), in
 * JSON or a JavaScript literal, also inside an escaped JSON string (`\"d\":\"…\"`). The member is replaced wherever
 * it is, whether or not the object around it parses, so the rest of the key (kty, kid, n, x) stays readable.
 */
const PRIVATE_JWK_MEMBER = /((?:\\?["'])(?:d|p|q|dp|dq|qi|k)\\?["']\s*:\s*\\?["']?)[A-Za-z0-9_+/=-]+/g;

/**
 * Token-shaped text: three or more base64url segments of 10 characters or more joined by dots (any compact JWS or
 * JWE, whatever surrounds it), or a `eyJ….eyJ…` header and payload with or without a signature.
 */
const TOKEN_SHAPED = new RegExp(
  `eyJ[${B64URL}]*\\.eyJ[${B64URL}]*(?:\\.[${B64URL}]*)*|[${B64URL}]{10,}(?:\\.[${B64URL}]{10,}){2,}`,
  'g',
);

/** An API key as generateApiKey (lib/db/store.ts) makes them, within any text. */
const API_KEY_IN_TEXT = new RegExp(`(?<![${B64URL}])rtc_[${B64URL}]{16,}`, 'g');

/** How deep secrets nested in a JWT's header or payload are followed before the summary is dropped. */
const MAX_NESTING = 3;

function truncate(text: string, length: number): string {
  const characters = [...text];
  return characters.length <= length ? text : `${characters.slice(0, length).join('')}…`;
}

/** A base64url segment decoded to a JSON object, or undefined. */
function jsonObject(segment: string | undefined): Record<string, unknown> | undefined {
  if (!segment) return undefined;
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(decodeBase64Url(segment)));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The JSON of a header or payload as a summary shows it: compact, itself redacted, and cut short. */
function summaryJson(value: Record<string, unknown>, depth: number): string {
  return truncate(redactAt(JSON.stringify(value), depth + 1), JWT_SUMMARY_JSON_LENGTH);
}

function summariseToken(match: string, depth: number): string {
  const segments = match.split('.');
  // Base64url text typed or pasted right before a token runs into its first segment: the token starts at its header.
  const start = segments[0]!.indexOf('eyJ');
  const prefix = start > 0 ? segments[0]!.slice(0, start) : '';
  const header = start >= 0 ? jsonObject(segments[0]!.slice(start)) : undefined;
  if (!header || depth >= MAX_NESTING) return `${prefix}${TOKEN_REMOVED}`;
  const payload = jsonObject(segments[1]);
  const signed = segments.length > 2 ? ` ${SIGNATURE_REMOVED}` : '';
  return `${prefix}[JWT header ${summaryJson(header, depth)} payload ${payload ? summaryJson(payload, depth) : '(not JSON)'}${signed}]`;
}

function shortenApiKey(match: string): string {
  return API_KEY_PATTERN.test(match) ? `${match.slice(0, API_KEY_VISIBLE_CHARACTERS)}…` : TOKEN_REMOVED;
}

function redactAt(text: string, depth: number): string {
  return text
    .replace(PEM_PRIVATE_KEY, PRIVATE_KEY_REMOVED)
    .replace(PEM_ARMOUR_LEFTOVER, PRIVATE_KEY_REMOVED)
    .replace(PRIVATE_JWK_MEMBER, `$1${PRIVATE_KEY_REMOVED}`)
    .replace(TOKEN_SHAPED, (match) => summariseToken(match, depth))
    .replace(API_KEY_IN_TEXT, shortenApiKey);
}

/**
 * `text` with every secret a reader may have pasted replaced: a JWT by a summary of its header and payload and
 * `[signature removed]` (anything else token-shaped by `[token removed]`), a PEM private key block and each private
 * JWK member's value by `[private key removed]`, and an API key by its first 6 characters and `…`.
 */
export function redactSecrets(text: string): string {
  return redactAt(text, 0);
}

/** `text` redacted and, when the summaries made it longer than the column holds, cut to `limit` characters. */
export function redactForStorage(text: string, limit: number): string {
  const redacted = redactSecrets(text);
  const characters = [...redacted];
  return characters.length <= limit ? redacted : `${characters.slice(0, limit - 1).join('')}…`;
}
