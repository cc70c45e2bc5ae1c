/**
 * Reduces pasted text to comparable words: case, quotes, punctuation and
 * prefixes such as "Error:" or "[rtc]" stop mattering.
 */
export function normalizeForMatching(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when every word of `phrase` appears, in order and adjacent, in `text` (both normalized). */
export function containsPhrase(text: string, phrase: string): boolean {
  if (!phrase) return false;
  return ` ${text} `.includes(` ${phrase} `);
}
