// The workbench's fix buttons: for findings whose fix is mechanical, the edit that makes it, and what it changed.
import { RECOMMENDED_ALGORITHM } from '@/lib/algorithms';
import { RECOMMENDED_LIFETIME_SECONDS } from './lifetime';
import type { DiagnosisError, JsonObject } from './types';

export type FixId = 'set-exp' | 'set-iat' | 'remove-nbf' | 'set-kid' | 'use-recommended-alg' | 'add-sub';

export interface Fix {
  id: FixId;
  label: string;
}

export interface FixContext {
  /** Epoch seconds. */
  now: number;
  /** The kid of the key the token should name (the account's, or the pasted set's, when it has one). */
  kid?: string;
  /** The user ID an added sub gets. */
  sub?: string;
}

export interface ClaimChange {
  part: 'header' | 'payload';
  name: string;
  /** Absent: the claim was not there before, or is not there after. */
  before?: unknown;
  after?: unknown;
}

export interface Draft {
  header: JsonObject;
  payload: JsonObject;
}

export const PLACEHOLDER_SUB = 'user-id';

const LABELS: Record<FixId, (context: FixContext) => string> = {
  'set-exp': () => `Set exp to now + ${RECOMMENDED_LIFETIME_SECONDS / 3600} hours`,
  'set-iat': () => 'Set iat to now',
  'remove-nbf': () => 'Remove nbf',
  'set-kid': (context) => `Set kid to "${context.kid}"`,
  'use-recommended-alg': () => `Re-sign with ${RECOMMENDED_ALGORITHM}`,
  'add-sub': (context) => `Add sub ("${context.sub ?? PLACEHOLDER_SUB}")`,
};

/** Which findings each fix answers; a fix is offered once, however many of its findings there are. */
function fixFor(error: DiagnosisError, draft: Draft, context: FixContext): FixId | undefined {
  switch (error.code) {
    case 'TOKEN_EXPIRED':
      return 'set-exp';
    case 'TOKEN_ISSUED_IN_FUTURE':
      return 'set-iat';
    case 'TOKEN_NOT_YET_VALID':
      return 'remove-nbf';
    case 'TOKEN_UNSUPPORTED_ALG':
    case 'TOKEN_HEADER_NO_ALG':
      return 'use-recommended-alg';
    case 'JWKS_UNAVAILABLE':
      return context.kid && draft.header.kid !== context.kid ? 'set-kid' : undefined;
    case 'TOKEN_MISSING_CLAIMS':
    case 'TOKEN_INVALID_CLAIM':
      if (error.claim === 'sub' || (!Object.hasOwn(draft.payload, 'sub') && error.code === 'TOKEN_MISSING_CLAIMS'))
        return 'add-sub';
      if (error.claim === 'exp') return 'set-exp';
      if (error.claim === 'iat') return 'set-iat';
      if (error.claim === 'nbf') return 'remove-nbf';
      return undefined;
    default:
      return undefined;
  }
}

/** The fixes for one finding: usually one; a payload missing both sub and exp gets both. */
export function fixesForError(error: DiagnosisError, draft: Draft, context: FixContext): Fix[] {
  const ids = new Set<FixId>();
  const id = fixFor(error, draft, context);
  if (id) ids.add(id);
  if (error.code === 'TOKEN_MISSING_CLAIMS' && !Object.hasOwn(draft.payload, 'exp')) ids.add('set-exp');
  return [...ids].map((fixId) => ({ id: fixId, label: LABELS[fixId](context) }));
}

/** The fixes for these findings, in the findings' order, each once. */
export function fixesFor(errors: readonly DiagnosisError[], draft: Draft, context: FixContext): Fix[] {
  const fixes = new Map<FixId, Fix>();
  for (const error of errors) for (const fix of fixesForError(error, draft, context)) fixes.set(fix.id, fix);
  return [...fixes.values()];
}

function change(part: ClaimChange['part'], name: string, before: unknown, after: unknown): ClaimChange {
  return { part, name, ...(before !== undefined && { before }), ...(after !== undefined && { after }) };
}

/** Applies one fix: the new header and payload, and each claim it changed. */
export function applyFix(id: FixId, draft: Draft, context: FixContext): Draft & { changes: ClaimChange[] } {
  const header = { ...draft.header };
  const payload = { ...draft.payload };
  const changes: ClaimChange[] = [];
  const setPayload = (name: string, value: unknown) => {
    changes.push(change('payload', name, payload[name], value));
    if (value === undefined) delete payload[name];
    else payload[name] = value;
  };
  switch (id) {
    case 'set-exp':
      setPayload('exp', context.now + RECOMMENDED_LIFETIME_SECONDS);
      break;
    case 'set-iat':
      setPayload('iat', context.now);
      break;
    case 'remove-nbf':
      setPayload('nbf', undefined);
      break;
    case 'add-sub':
      setPayload('sub', context.sub ?? PLACEHOLDER_SUB);
      break;
    case 'set-kid':
      changes.push(change('header', 'kid', header.kid, context.kid));
      header.kid = context.kid;
      break;
    case 'use-recommended-alg':
      changes.push(change('header', 'alg', header.alg, RECOMMENDED_ALGORITHM));
      header.alg = RECOMMENDED_ALGORITHM;
      break;
  }
  return { header, payload, changes };
}

/** "exp: 1700000000 → 1800028800", "nbf removed (was 1800000900)", "kid added: "k1"". */
export function describeChange(change: ClaimChange): string {
  const show = (value: unknown) => JSON.stringify(value);
  if (change.before === undefined) return `${change.name} added: ${show(change.after)}`;
  if (change.after === undefined) return `${change.name} removed (was ${show(change.before)})`;
  return `${change.name}: ${show(change.before)} → ${show(change.after)}`;
}
