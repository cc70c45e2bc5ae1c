// The token workbench's edit model: a token as editable header and payload JSON, put back together after each
// edit, re-signed when a private key is at hand and marked stale when not. Pure, for the browser and the tests.
import { CompactSign } from 'jose';
import { decodeBase64Url, encodeBase64Url, findBase64UrlProblem } from '@/lib/encoding/base64url';
import { parse, printParseErrorCode, type ParseError, type ParseErrorCode } from 'jsonc-parser';
import type { AlgorithmName } from '@/lib/algorithms';
import type { PrivateSigningKey } from './private-key';
import { signingAlgorithm } from './sign';
import type { JsonObject } from './types';

/** A panel's JSON, or its first error: where it is as 1-based line and column (for the message) and as an offset (for the marker). */
export type JsonEdit = { value: JsonObject } | { error: string; line: number; column: number; offset: number };

/** The JSON a panel holds, or where it stops being JSON (1-based line and column, for the inline error). */
export function parseJsonObject(text: string): JsonEdit {
  const errors: ParseError[] = [];
  // jsonc-parser, strict: it says where the first error is, which JSON.parse's messages no longer do.
  const value: unknown = parse(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  if (errors.length > 0) {
    const first = errors[0]!;
    const before = text.slice(0, first.offset).split('\n');
    return {
      error: describeParseError(first.error),
      line: before.length,
      column: before.at(-1)!.length + 1,
      offset: first.offset,
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { error: 'must be a JSON object ({ … })', line: 1, column: 1, offset: 0 };
  return { value: value as JsonObject };
}

function describeParseError(code: ParseErrorCode): string {
  // "PropertyNameExpected" → "property name expected"
  return printParseErrorCode(code)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/^./, (first) => first.toUpperCase());
}

export function formatJson(value: JsonObject): string {
  return JSON.stringify(value, null, 2);
}

/** `header.payload`, as a JWS signs it: compact JSON, base64url. */
export function signingInput(header: JsonObject, payload: JsonObject): string {
  const encode = (value: JsonObject) => encodeBase64Url(new TextEncoder().encode(JSON.stringify(value)));
  return `${encode(header)}.${encode(payload)}`;
}

/** The token's first two parts: what its signature was made over. */
export function signedPartOf(token: string): string {
  return token.trim().split('.').slice(0, 2).join('.');
}

/**
 * The edited token without a key: the new header and payload with the old signature, which no longer matches
 * them (stale) unless nothing changed. An unchanged edit gives back the original token, its encoding kept.
 */
export function withOldSignature(
  original: string,
  header: JsonObject,
  payload: JsonObject,
): { token: string; stale: boolean } {
  const parts = original.trim().split('.');
  const unchanged = sameJson(header, decodePart(parts[0])) && sameJson(payload, decodePart(parts[1]));
  if (unchanged) return { token: original.trim(), stale: false };
  return { token: `${signingInput(header, payload)}.${parts[2] ?? ''}`, stale: true };
}

function decodePart(part: string | undefined): unknown {
  if (!part || findBase64UrlProblem(part)) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(decodeBase64Url(part)));
  } catch {
    return undefined;
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Signs exactly this header and payload with the key (the header's alg; it must be accepted and fit the key). */
export async function signEdited(
  header: JsonObject,
  payload: JsonObject,
  key: PrivateSigningKey,
  accepted: readonly AlgorithmName[],
): Promise<{ token: string } | { error: string }> {
  const alg = signingAlgorithm({ key, accepted, alg: typeof header.alg === 'string' ? header.alg : 'none' });
  if (typeof alg !== 'string') return alg;
  const token = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ ...header, alg })
    .sign(await key.forAlgorithm(alg));
  return { token };
}
