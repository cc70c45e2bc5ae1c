import { describeDuration, describeRelative, formatEpoch } from './duration';
import { tokenError, tokenWarning } from './findings';
import type { DiagnosisError, DiagnosisWarning, JsonObject } from './types';

export const REQUIRED_CLAIMS = ['sub', 'exp'] as const;
const TIME_CLAIMS = ['exp', 'iat', 'nbf'] as const;
/** Beyond a day a token is no longer short-lived; the editor fetches new ones as it needs them. */
export const LONG_LIFETIME_SECONDS = 24 * 3600;

export interface TimeOptions {
  /** Epoch seconds. */
  now: number;
  /** Seconds of clock difference forgiven in each direction. */
  tolerance: number;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return 'a number that is not finite';
  return `a ${typeof value}`;
}

function describeMoment(seconds: number): string {
  return `${seconds} = ${formatEpoch(seconds)}`;
}

/** Contract rules 6 and 7: required claims, their types, and the times against `now`. Every failure is reported. */
export function checkClaims(payload: JsonObject, { now, tolerance }: TimeOptions): { errors: DiagnosisError[]; warnings: DiagnosisWarning[] } {
  const errors: DiagnosisError[] = [];
  const warnings: DiagnosisWarning[] = [];

  const missing = REQUIRED_CLAIMS.filter((claim) => !Object.hasOwn(payload, claim));
  if (missing.length) {
    const list = missing.map((claim) => `"${claim}"`).join(' and ');
    errors.push(tokenError('TOKEN_MISSING_CLAIMS', `The payload has no ${list}. Every identity token needs "sub" (the user's ID) and "exp" (its expiry).`, { part: 'payload', claim: missing[0], claims: [...missing] }));
  }

  if (Object.hasOwn(payload, 'sub')) {
    const sub = payload.sub;
    if (typeof sub !== 'string') errors.push(tokenError('TOKEN_INVALID_CLAIM', `"sub" is ${typeName(sub)}; it must be a string holding the user's ID.`, { part: 'payload', claim: 'sub' }));
    else if (sub.length === 0) errors.push(tokenError('TOKEN_INVALID_CLAIM', '"sub" is an empty string; it must hold the user\'s ID.', { part: 'payload', claim: 'sub' }));
  }

  const times: Partial<Record<(typeof TIME_CLAIMS)[number], number>> = {};
  for (const claim of TIME_CLAIMS) {
    if (!Object.hasOwn(payload, claim)) continue;
    const value = payload[claim];
    if (typeof value === 'number' && Number.isFinite(value)) times[claim] = value;
    else {
      const hint = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? ' Write it as a JSON number, without quotes.' : '';
      errors.push(tokenError('TOKEN_INVALID_CLAIM', `"${claim}" is ${typeName(value)}; it must be a number of seconds since 1970-01-01 UTC.${hint}`, { part: 'payload', claim }));
    }
  }

  const toleranceNote = tolerance > 0 ? `, beyond the ${describeDuration(tolerance)} of clock tolerance` : '';
  if (times.exp !== undefined && times.exp <= now - tolerance) {
    errors.push(tokenError('TOKEN_EXPIRED', `It expired ${describeRelative(times.exp - now)}${toleranceNote} (exp ${describeMoment(times.exp)}).`, { part: 'payload', claim: 'exp' }));
  }
  if (times.iat !== undefined && times.iat > now + tolerance) {
    errors.push(
      tokenError('TOKEN_ISSUED_IN_FUTURE', `It claims to be issued ${describeRelative(times.iat - now)}${toleranceNote} (iat ${describeMoment(times.iat)}): check the signing server's clock.`, {
        part: 'payload',
        claim: 'iat',
      }),
    );
  }
  if (times.nbf !== undefined && times.nbf > now + tolerance) {
    errors.push(tokenError('TOKEN_NOT_YET_VALID', `It only becomes valid ${describeRelative(times.nbf - now)}${toleranceNote} (nbf ${describeMoment(times.nbf)}).`, { part: 'payload', claim: 'nbf' }));
  }

  if (times.exp !== undefined && !Object.hasOwn(payload, 'iat')) warnings.push(tokenWarning('TOKEN_NO_IAT', 'add "iat" when you sign the token.'));
  if (times.exp !== undefined) {
    const start = times.iat ?? now;
    if (times.exp - start > LONG_LIFETIME_SECONDS) {
      warnings.push(tokenWarning('TOKEN_LONG_LIFETIME', `it is valid for ${describeDuration(times.exp - start)}${times.iat === undefined ? ' from now' : ''}; minutes are enough.`));
    }
  }
  return { errors, warnings };
}
