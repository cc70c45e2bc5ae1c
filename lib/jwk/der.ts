/**
 * Just enough DER to tell what a PEM block holds before asking jose to import it: the algorithm of a
 * SubjectPublicKeyInfo or PrivateKeyInfo, and the SubjectPublicKeyInfo inside an X.509 certificate. With it, a
 * damaged key reads as malformed and a well-formed key of a type no algorithm uses reads as unsupported, with
 * its type, curve and thumbprint, whichever the platform's crypto can import.
 */

interface Element {
  tag: number;
  /** Where the element starts, where its content starts, and where it ends (exclusive). */
  start: number;
  content: number;
  end: number;
}

function element(der: Uint8Array, at: number, limit = der.length): Element | undefined {
  if (at + 2 > limit) return undefined;
  const tag = der[at]!;
  let length = der[at + 1]!;
  let content = at + 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    if (bytes === 0 || bytes > 4 || content + bytes > limit) return undefined;
    length = 0;
    for (let index = 0; index < bytes; index++) length = length * 256 + der[content + index]!;
    content += bytes;
  }
  const end = content + length;
  return end > limit ? undefined : { tag, start: at, content, end };
}

function children(der: Uint8Array, parent: Element): Element[] | undefined {
  const found: Element[] = [];
  for (let at = parent.content; at < parent.end;) {
    const child = element(der, at, parent.end);
    if (!child) return undefined;
    found.push(child);
    at = child.end;
  }
  return found;
}

const SEQUENCE = 0x30;
const OID = 0x06;
const BIT_STRING = 0x03;

function oidText(der: Uint8Array, oid: Element): string {
  const bytes = der.subarray(oid.content, oid.end);
  const parts: number[] = [];
  let value = 0;
  for (const byte of bytes) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      if (parts.length === 0)
        parts.push(Math.min(2, Math.floor(value / 40)), value - Math.min(2, Math.floor(value / 40)) * 40);
      else parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

/** What an AlgorithmIdentifier names, as JWK terms. */
export interface KeyAlgorithm {
  kty: 'RSA' | 'EC' | 'OKP' | 'unknown';
  crv?: string;
  /** The OID, for messages about a type RTC Doctor does not know. */
  oid: string;
}

const KEY_ALGORITHMS: Record<string, Omit<KeyAlgorithm, 'oid'>> = {
  '1.2.840.113549.1.1.1': { kty: 'RSA' },
  '1.2.840.113549.1.1.10': { kty: 'RSA' },
  '1.3.101.110': { kty: 'OKP', crv: 'X25519' },
  '1.3.101.111': { kty: 'OKP', crv: 'X448' },
  '1.3.101.112': { kty: 'OKP', crv: 'Ed25519' },
  '1.3.101.113': { kty: 'OKP', crv: 'Ed448' },
};
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const CURVES: Record<string, string> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
  '1.3.132.0.10': 'secp256k1',
};

function keyAlgorithm(der: Uint8Array, identifier: Element): KeyAlgorithm | undefined {
  if (identifier.tag !== SEQUENCE) return undefined;
  const [oid, parameters] = children(der, identifier) ?? [];
  if (!oid || oid.tag !== OID) return undefined;
  const text = oidText(der, oid);
  if (text === EC_PUBLIC_KEY) {
    const curve = parameters?.tag === OID ? oidText(der, parameters) : undefined;
    return { kty: 'EC', crv: (curve && CURVES[curve]) ?? curve, oid: text };
  }
  return { ...(KEY_ALGORITHMS[text] ?? { kty: 'unknown' }), oid: text };
}

export interface PublicKeyInfo {
  algorithm: KeyAlgorithm;
  /** The subjectPublicKey bits (an EC point, an OKP key, or an RSAPublicKey). */
  key: Uint8Array;
}

/** The algorithm and key bits of a SubjectPublicKeyInfo, or undefined when the bytes are not one. */
export function readPublicKeyInfo(der: Uint8Array): PublicKeyInfo | undefined {
  const outer = element(der, 0);
  if (!outer || outer.tag !== SEQUENCE || outer.end !== der.length) return undefined;
  const [identifier, bits, ...rest] = children(der, outer) ?? [];
  if (!identifier || !bits || bits.tag !== BIT_STRING || rest.length > 0 || bits.end - bits.content < 2)
    return undefined;
  const algorithm = keyAlgorithm(der, identifier);
  return algorithm && { algorithm, key: der.subarray(bits.content + 1, bits.end) };
}

/** The SubjectPublicKeyInfo DER inside an X.509 certificate, or undefined when the bytes are not one. */
export function certificatePublicKeyInfo(der: Uint8Array): Uint8Array | undefined {
  const certificate = element(der, 0);
  if (!certificate || certificate.tag !== SEQUENCE) return undefined;
  const [tbs] = children(der, certificate) ?? [];
  if (!tbs || tbs.tag !== SEQUENCE) return undefined;
  const fields = children(der, tbs);
  if (!fields) return undefined;
  // [0] version is optional; then serial, signature, issuer, validity, subject, subjectPublicKeyInfo.
  const spki = fields[fields[0]?.tag === 0xa0 ? 6 : 5];
  return spki && spki.tag === SEQUENCE ? der.slice(spki.start, spki.end) : undefined;
}

/** The algorithm of a PKCS#8 PrivateKeyInfo, or undefined when the bytes are not one. */
export function privateKeyAlgorithm(der: Uint8Array): KeyAlgorithm | undefined {
  const outer = element(der, 0);
  if (!outer || outer.tag !== SEQUENCE) return undefined;
  const [version, identifier] = children(der, outer) ?? [];
  return version?.tag === 0x02 && identifier ? keyAlgorithm(der, identifier) : undefined;
}
