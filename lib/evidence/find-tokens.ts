// JWTs in free text: "eyJ" (a JSON object's first bytes in base64url), then one or two more dot-separated parts.
// A candidate counts only when its first part decodes to a JSON object, which keeps ordinary words and IDs out.
import { decodeBase64Url } from '@/lib/encoding/base64url';

const CANDIDATE = /eyJ[A-Za-z0-9_-]{4,}(?:\.[A-Za-z0-9_-]*){1,2}/g;

/** A token part as the JSON object it encodes, or undefined when it is not one. */
export function jsonObjectPart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(decodeBase64Url(part)));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Every JWT in `text`, in order, repeats included. */
export function findTokens(text: string): string[] {
  if (!text.includes('eyJ')) return [];
  return [...text.matchAll(CANDIDATE)]
    .map((match) => match[0])
    .filter((token) => jsonObjectPart(token.split('.')[0]!) !== undefined);
}
