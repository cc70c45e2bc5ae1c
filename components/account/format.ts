/** "RSA · 2048 bits", "EC · P-256": a stored key's type and size. */
export function describeKeyType(key: { kty: string; jwk: Record<string, unknown> }): string {
  const { crv, n } = key.jwk;
  if (typeof crv === 'string') return `${key.kty} · ${crv}`;
  if (typeof n === 'string') return `${key.kty} · ${Math.round((n.length * 6) / 1024) * 1024} bits`;
  return key.kty;
}
