import { describeDuration, describeRelative, formatEpoch } from './duration';
import { tokenError, tokenWarning } from './findings';
import type { DiagnosisError, DiagnosisWarning, JsonObject } from './types';

import { LONG_LIFETIME_SECONDS, RECOMMENDED_LIFETIME_SECONDS } from './lifetime';

export const REQUIRED_CLAIMS = ['sub', 'exp'] as const;
const TIME_CLAIMS = ['exp', 'iat', 'nbf'] as const;

export interface TimeOptions {
  /** Epoch seconds. */
  now: number;
  /** Seconds of clock difference forgiven in each direction. */
  tolerance: number;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function describeMoment(seconds: number): string {
  return `${seconds} = ${formatEpoch(seconds)}`;
}

/** Contract rules 6 and 7: required claims, their types, and the times against `now`. Every failure is reported. */
export function checkClaims(
  payload: JsonObject,
  { now, tolerance }: TimeOptions,
): { errors: DiagnosisError[]; warnings: DiagnosisWarning[] } {
  const errors: DiagnosisError[] = [];
  const warnings: DiagnosisWarning[] = [];

  const missing = REQUIRED_CLAIMS.filter((claim) => !Object.hasOwn(payload, claim));
  if (missing.length) {
    const list = missing.map((claim) => `"${claim}"`).join(' and ');
    errors.push(
      tokenError(
        'TOKEN_MISSING_CLAIMS',
        `The payload has no ${list}. Every identity token needs "sub" (the user's ID) and "exp" (its expiry).`,
        { part: 'payload', claim: missing[0], claims: [...missing] },
      ),
    );
  }

  if (Object.hasOwn(payload, 'sub')) {
    const sub = payload.sub;
    if (typeof sub !== 'string')
      errors.push(
        tokenError(
          'TOKEN_INVALID_CLAIM',
          `"sub" is ${typeName(sub)}; it must be a non-empty string holding the user's ID.`,
          { part: 'payload', claim: 'sub' },
        ),
      );
    else if (sub.length === 0)
      errors.push(
        tokenError('TOKEN_INVALID_CLAIM', '"sub" is an empty string; it must hold the user\'s ID.', {
          part: 'payload',
          claim: 'sub',
        }),
      );
  }

  const times: Partial<Record<(typeof TIME_CLAIMS)[number], number>> = {};
  for (const claim of TIME_CLAIMS) {
    if (!Object.hasOwn(payload, claim)) continue;
    const value = payload[claim];
    if (typeof value === 'number' && Number.isFinite(value)) times[claim] = value;
    else {
      const hint =
        typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim())
          ? ' Write it as a JSON number, without quotes.'
          : '';
      // JSON.parse turns a literal such as 1e400 into Infinity.
      const what = typeof value === 'number' ? 'a number too large to be a time' : typeName(value);
      errors.push(
        tokenError(
          'TOKEN_INVALID_CLAIM',
          `"${claim}" is ${what}; it must be a number of seconds since 1970-01-01 UTC.${hint}`,
          { part: 'payload', claim },
        ),
      );
    }
  }

  const toleranceNote = tolerance > 0 ? `, beyond the ${describeDuration(tolerance)} of clock tolerance` : '';
  if (times.exp !== undefined && times.exp <= now - tolerance) {
    errors.push(
      tokenError(
        'TOKEN_EXPIRED',
        `It expired ${describeRelative(times.exp - now)}${toleranceNote} (exp ${describeMoment(times.exp)}).`,
        { part: 'payload', claim: 'exp' },
      ),
    );
  }
  if (times.iat !== undefined && times.iat > now + tolerance) {
    errors.push(
      tokenError(
        'TOKEN_ISSUED_IN_FUTURE',
        `It claims to be issued ${describeRelative(times.iat - now)}${toleranceNote} (iat ${describeMoment(times.iat)}): check the signing server's clock.`,
        {
          part: 'payload',
          claim: 'iat',
        },
      ),
    );
  }
  if (times.nbf !== undefined && times.nbf > now + tolerance) {
    errors.push(
      tokenError(
        'TOKEN_NOT_YET_VALID',
        `It only becomes valid ${describeRelative(times.nbf - now)}${toleranceNote} (nbf ${describeMoment(times.nbf)}).`,
        { part: 'payload', claim: 'nbf' },
      ),
    );
  }

  if (times.exp !== undefined && !Object.hasOwn(payload, 'iat'))
    warnings.push(tokenWarning('TOKEN_NO_IAT', 'add "iat" when you sign the token.'));
  if (times.exp !== undefined && times.exp > now - tolerance) {
    const start = times.iat ?? now;
    const lifetime = times.exp - start;
    const span = `${describeDuration(lifetime)}${times.iat === undefined ? ' from now' : ''}`;
    if (lifetime > LONG_LIFETIME_SECONDS) {
      warnings.push(
        tokenWarning(
          'TOKEN_LONG_LIFETIME',
          `it is valid for ${span}; a leaked copy would stay usable that long. ${describeDuration(RECOMMENDED_LIFETIME_SECONDS)} covers an editing session.`,
        ),
      );
    } else if (lifetime > 0 && lifetime < RECOMMENDED_LIFETIME_SECONDS) {
      warnings.push(
        tokenWarning(
          'TOKEN_SHORT_LIFETIME',
          `it is valid for ${span}, and the editor does not fetch a new token when it expires: anyone still editing then is disconnected. Give it at least ${describeDuration(RECOMMENDED_LIFETIME_SECONDS)}.`,
        ),
      );
    }
  }
  return { errors, warnings };
}
