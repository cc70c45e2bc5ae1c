// Makes identity tokens with a private key: the CLI's `token sign` and the token workbench's re-signing.
import { SignJWT, type JWTPayload } from 'jose';
import {
  describeAcceptedSet,
  isAlgorithmName,
  keyFitsAlgorithm,
  requiredKey,
  type AlgorithmName,
} from '@/lib/algorithms';
import { RECOMMENDED_LIFETIME_SECONDS } from './lifetime';
import { defaultAlgorithm, type PrivateSigningKey } from './private-key';

const DURATION_UNITS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** "90s", "30m", "8h", "2d" (or plain seconds) → seconds; undefined for anything else. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+)\s*([smhd]?)$/i.exec(text.trim());
  if (!match) return undefined;
  const unit = (match[2]!.toLowerCase() || 's') as keyof typeof DURATION_UNITS;
  const seconds = Number(match[1]) * DURATION_UNITS[unit];
  return seconds > 0 && Number.isSafeInteger(seconds) ? seconds : undefined;
}

/** `name=value`: the value as JSON when it is JSON (42, true, ["a"], {"x":1}), else as text. */
export function parseClaimAssignment(text: string): { name: string; value: unknown } | { error: string } {
  const equals = text.indexOf('=');
  if (equals <= 0) return { error: `${JSON.stringify(text)} is not NAME=VALUE` };
  const name = text.slice(0, equals).trim();
  const raw = text.slice(equals + 1);
  try {
    return { name, value: JSON.parse(raw) };
  } catch {
    return { name, value: raw };
  }
}

export interface SignRequest {
  key: PrivateSigningKey;
  /** The accepted set the token must pass (contract rule 5). */
  accepted: readonly AlgorithmName[];
  alg?: string;
  /** The header's kid; the key's own kid when not given. */
  kid?: string;
  sub?: string;
  /** Seconds from `now` to `exp`; the recommended lifetime when not given. */
  ttlSeconds?: number;
  /** More payload claims; they win over sub, iat and exp, so a test can make any token. */
  claims?: Record<string, unknown>;
  /** Epoch seconds. */
  now?: number;
}

/** The algorithm a request signs with, or why it may not: outside the accepted set, or the wrong key for it. */
export function signingAlgorithm(
  request: Pick<SignRequest, 'key' | 'accepted' | 'alg'>,
): AlgorithmName | { error: string } {
  const alg = request.alg ?? defaultAlgorithm(request.key);
  if (!isAlgorithmName(alg) || !request.accepted.includes(alg)) {
    const which = request.alg ? alg : `an EC ${request.key.crv} key signs with ${alg}, which`;
    return { error: `${which} is not accepted: ${describeAcceptedSet(request.accepted)}` };
  }
  if (!keyFitsAlgorithm(request.key, alg))
    return {
      error: `${alg} needs ${requiredKey(alg)}; this is ${request.key.kty === 'RSA' ? 'an RSA key' : `an EC ${request.key.crv} key`}`,
    };
  return alg;
}

/** A compact JWS with typ JWT, the kid, iat = now and exp = now + ttl, or the reason it cannot be made. */
export async function signToken(
  request: SignRequest,
): Promise<{ token: string; alg: AlgorithmName } | { error: string }> {
  const alg = signingAlgorithm(request);
  if (typeof alg !== 'string') return alg;
  const now = request.now ?? Math.floor(Date.now() / 1000);
  const kid = request.kid ?? request.key.kid;
  const payload: JWTPayload = {
    ...(request.sub !== undefined && { sub: request.sub }),
    iat: now,
    exp: now + (request.ttlSeconds ?? RECOMMENDED_LIFETIME_SECONDS),
    ...request.claims,
  };
  const token = await new SignJWT(payload)
    .setProtectedHeader({ alg, typ: 'JWT', ...(kid && { kid }) })
    .sign(await request.key.forAlgorithm(alg));
  return { token, alg };
}
