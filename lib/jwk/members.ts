/** JWK members (RFC 7517/7518) that only private keys carry; "k" is the secret of an "oct" key. */
export const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'] as const;

/** The members each public key type needs, and so the members its public form keeps. */
export const REQUIRED_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  RSA: ['n', 'e'],
  EC: ['crv', 'x', 'y'],
  OKP: ['crv', 'x'],
};
