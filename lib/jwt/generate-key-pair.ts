// A signing key pair made with Web Crypto in the browser: the account page's generator and the token workbench.
import { calculateJwkThumbprint, exportJWK, exportPKCS8, generateKeyPair, type JWK } from 'jose';
import { ALGORITHMS, MIN_RSA_BITS, type AlgorithmName } from '@/lib/algorithms';

export interface GeneratedKeyPair {
  alg: AlgorithmName;
  /** The public key's RFC 7638 thumbprint: a kid nobody else's key has. */
  kid: string;
  privatePem: string;
  privateJwk: JWK;
  /** With kid, alg and use "sig": ready to register. */
  publicJwk: JWK;
}

export async function generateSigningKeyPair(alg: AlgorithmName): Promise<GeneratedKeyPair> {
  const entry = ALGORITHMS[alg];
  const { privateKey, publicKey } = await generateKeyPair(alg, {
    extractable: true,
    modulusLength: 'minBits' in entry ? entry.minBits : MIN_RSA_BITS,
  });
  const bare = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(bare);
  return {
    alg,
    kid,
    privatePem: await exportPKCS8(privateKey),
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg },
    publicJwk: { ...bare, kid, alg, use: 'sig' },
  };
}
