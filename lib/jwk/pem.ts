/** PEM text ↔ DER bytes, and the conversions jose cannot do itself: PKCS#1 RSA keys → SPKI and PKCS#8. */

export interface PemBlock {
  label: string;
  der: Uint8Array;
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

export function readPemBlocks(text: string): PemBlock[] | { error: string } {
  const blocks: PemBlock[] = [];
  for (const match of text.matchAll(BLOCK)) {
    const body = match[2]!.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 !== 0)
      return { error: `the ${match[1]} block is not valid base64` };
    const binary = atob(body);
    blocks.push({ label: match[1]!, der: Uint8Array.from(binary, (character) => character.charCodeAt(0)) });
  }
  if (blocks.length === 0) return { error: 'no complete "-----BEGIN …-----" / "-----END …-----" block was found' };
  return blocks;
}

export function toPem(label: string, der: Uint8Array): string {
  let binary = '';
  for (const byte of der) binary += String.fromCharCode(byte);
  const lines = btoa(binary).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

function derElement(tag: number, content: Uint8Array | number[]): number[] {
  return [tag, ...derLength(content.length), ...content];
}

const RSA_ENCRYPTION_ALGORITHM = [
  0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
];

/** Wraps an RSAPublicKey (PKCS#1) in a SubjectPublicKeyInfo so standard importers accept it. */
export function pkcs1ToSpki(pkcs1: Uint8Array): Uint8Array {
  const bitString = derElement(0x03, [0x00, ...pkcs1]);
  return Uint8Array.from(derElement(0x30, [...RSA_ENCRYPTION_ALGORITHM, ...bitString]));
}

/** Wraps an RSAPrivateKey (PKCS#1, "RSA PRIVATE KEY") in a PrivateKeyInfo (PKCS#8) so standard importers accept it. */
export function pkcs1PrivateToPkcs8(pkcs1: Uint8Array): Uint8Array {
  const version = [0x02, 0x01, 0x00];
  return Uint8Array.from(derElement(0x30, [...version, ...RSA_ENCRYPTION_ALGORITHM, ...derElement(0x04, pkcs1)]));
}

/** The label of every "-----BEGIN …-----" line, whether or not its block is complete (text cut short still says what it held). */
export function pemBeginLabels(text: string): string[] {
  return [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----/g)].map((match) => match[1]!);
}
