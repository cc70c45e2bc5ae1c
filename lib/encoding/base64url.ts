/** Strict base64url (RFC 4648 §5, no padding), as compact JWS requires. */

const DECODE_TABLE: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  for (let index = 0; index < alphabet.length; index++) table[alphabet.charCodeAt(index)] = index;
  return table;
})();

export interface Base64UrlProblem {
  /** Offset of the first offending character within the part. */
  offset: number;
  reason: string;
}

function describeCharacter(character: string): string {
  if (character === '=') return "padding '=' is not allowed in base64url";
  if (character === '+' || character === '/')
    return `'${character}' belongs to standard base64; base64url uses '-' and '_' instead`;
  if (/\s/.test(character)) return 'whitespace is not allowed inside a token';
  const codePoint = character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `the character ${JSON.stringify(character)} (U+${codePoint}) is not in the base64url alphabet`;
}

export function findBase64UrlProblem(text: string): Base64UrlProblem | undefined {
  for (let offset = 0; offset < text.length; offset++) {
    const code = text.charCodeAt(offset);
    if (code >= 128 || DECODE_TABLE[code] === -1)
      return { offset, reason: describeCharacter(String.fromCodePoint(text.codePointAt(offset)!)) };
  }
  // Four characters carry three bytes; a single leftover character cannot carry even one.
  if (text.length % 4 === 1)
    return {
      offset: text.length - 1,
      reason: 'the part is one character too long or too short: no base64url text has this length',
    };
  // The last character of a short final group carries spare bits; a canonical encoder leaves them zero,
  // so two different strings can never stand for the same bytes.
  const spareBits = text.length % 4 === 2 ? 0b1111 : text.length % 4 === 3 ? 0b11 : 0;
  if (spareBits && DECODE_TABLE[text.charCodeAt(text.length - 1)]! & spareBits) {
    return {
      offset: text.length - 1,
      reason: 'the last character has bits set that no base64url encoder sets (the text was altered or badly encoded)',
    };
  }
  return undefined;
}

/** Decodes text that findBase64UrlProblem accepted. */
export function decodeBase64Url(text: string): Uint8Array {
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let written = 0;
  for (let index = 0; index < text.length; index++) {
    buffer = (buffer << 6) | DECODE_TABLE[text.charCodeAt(index)]!;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[written++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes.subarray(0, written);
}

export function encodeBase64Url(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let text = '';
  let index = 0;
  for (; index + 2 < bytes.length; index += 3) {
    const chunk = (bytes[index]! << 16) | (bytes[index + 1]! << 8) | bytes[index + 2]!;
    text +=
      alphabet[chunk >> 18]! + alphabet[(chunk >> 12) & 63]! + alphabet[(chunk >> 6) & 63]! + alphabet[chunk & 63]!;
  }
  const rest = bytes.length - index;
  if (rest === 1) {
    const chunk = bytes[index]! << 16;
    text += alphabet[chunk >> 18]! + alphabet[(chunk >> 12) & 63]!;
  } else if (rest === 2) {
    const chunk = (bytes[index]! << 16) | (bytes[index + 1]! << 8);
    text += alphabet[chunk >> 18]! + alphabet[(chunk >> 12) & 63]! + alphabet[(chunk >> 6) & 63]!;
  }
  return text;
}
