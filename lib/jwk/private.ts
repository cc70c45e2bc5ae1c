import { excessiveNesting } from '@/lib/encoding/json-depth';
import { PRIVATE_MEMBERS } from './members';
import { pemBeginLabels } from './pem';

/**
 * What makes key material private, for the key reader (which refuses it on the server) and for the browser,
 * which finds it in pasted text so that a private key is refused before it is sent anywhere. No crypto and no
 * parsing beyond JSON: it must answer at once, on every keystroke, for text that may be cut short.
 */

/** The private members of a JWK: "d", "p", … of an asymmetric key; "k", the secret itself, of an "oct" key. */
export function privateMembersOf(jwk: Record<string, unknown>): string[] {
  const members: readonly string[] = jwk.kty === 'oct' ? ['k'] : PRIVATE_MEMBERS;
  return members.filter((member) => Object.hasOwn(jwk, member));
}

/** "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "OPENSSH PRIVATE KEY", … */
export function isPrivatePemLabel(label: string): boolean {
  return label.includes('PRIVATE');
}

export type PrivateMaterial =
  | { form: 'pem'; label: string }
  /** `index` is the key's place in a set, from 0; `members` the private members it has ("k" for an "oct" key's secret). */
  | { form: 'jwk'; index: number; kid: string | null; kty: string | null; members: string[] };

/** An object that is, or was meant to be, a key: it names its type or has a public member. */
function looksLikeKey(value: Record<string, unknown>): boolean {
  return typeof value.kty === 'string' || Object.hasOwn(value, 'n') || Object.hasOwn(value, 'x');
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The first key-like object with private members anywhere in parsed JSON (a JWK, or one wrapped in something). */
function findPrivateJwk(value: unknown): Record<string, unknown> | undefined {
  const object = record(value);
  if (!object && !Array.isArray(value)) return undefined;
  if (object && looksLikeKey(object) && privateMembersOf(object).length) return object;
  for (const member of Object.values(value as object)) {
    const found = findPrivateJwk(member);
    if (found) return found;
  }
  return undefined;
}

/** A key of a JWK set is named by its place in the set, as the reader names it; anything else is key 1. */
function findInJson(value: unknown): PrivateMaterial | undefined {
  const keys = record(value)?.keys;
  const candidates: [number, unknown][] = Array.isArray(keys)
    ? keys.map((key, index): [number, unknown] => [index, key])
    : [];
  candidates.push([0, value]);
  for (const [index, candidate] of candidates) {
    const jwk = findPrivateJwk(candidate);
    if (jwk)
      return {
        form: 'jwk',
        index,
        kid: typeof jwk.kid === 'string' ? jwk.kid : null,
        kty: typeof jwk.kty === 'string' ? jwk.kty : null,
        members: privateMembersOf(jwk),
      };
  }
  return undefined;
}

/** Text that looks like JSON but does not parse (cut short, say): a private member name in it is enough. */
function findInBrokenJson(text: string): PrivateMaterial | undefined {
  const oct = /"kty"\s*:\s*"oct"/.test(text);
  const members = (oct ? ['k', ...PRIVATE_MEMBERS] : PRIVATE_MEMBERS).filter((member) =>
    new RegExp(`"${member}"\\s*:`).test(text),
  );
  if (!members.length) return undefined;
  const stringMember = (name: string) => new RegExp(`"${name}"\\s*:\\s*"([^"\\\\]*)"`).exec(text)?.[1] ?? null;
  return { form: 'jwk', index: 0, kid: stringMember('kid'), kty: stringMember('kty'), members };
}

/**
 * The first private key in text pasted as a public key: a PEM block labelled private (complete or not), or a
 * JWK, in a set or on its own, with private members. Undefined when there is none.
 */
export function findPrivateKeyMaterial(text: string): PrivateMaterial | undefined {
  const label = pemBeginLabels(text).find(isPrivatePemLabel);
  if (label) return { form: 'pem', label };
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  if (excessiveNesting(trimmed)) return findInBrokenJson(trimmed);
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return findInBrokenJson(trimmed);
  }
  return findInJson(value);
}
