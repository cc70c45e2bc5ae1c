import { ERROR_CODES, ERROR_SUMMARIES, type ErrorCode, type WarningCode } from '@/lib/errors/summary';

/** Rules 1–5: when one of these is reported, the later rules were not run. The catalog's token-structure codes. */
export const STRUCTURAL_ERROR_CODES: ReadonlySet<string> = new Set(
  ERROR_CODES.filter((code) => ERROR_SUMMARIES[code].category === 'token-structure'),
);

export type TokenPart = 'header' | 'payload' | 'signature';

export interface DiagnosisError {
  code: ErrorCode;
  /** The service's wording followed by what exactly is wrong with this token. */
  message: string;
  title: string;
  /**
   * What was found for this token, in one line, when the catalog's title says less: "No key in this account has kid
   * "abc"" where the title only says that no key can check it. Surfaces lead with it; the message keeps the
   * service's words for matching against the editor.
   */
  finding?: string;
  docs: string;
  part?: TokenPart;
  claim?: string;
  claims?: string[];
  /** For base64url problems: offset within the part, and within the whole token. */
  offset?: number;
  position?: number;
}

export interface DiagnosisWarning {
  code: WarningCode;
  message: string;
  docs: string;
}

export interface KeyAttempt {
  kid: string | null;
  thumbprint: string;
  kty: string;
  outcome: 'verified' | 'signature-mismatch' | 'not-applicable' | 'unusable';
  reason: string;
}

export type JsonObject = Record<string, unknown>;

export interface Diagnosis {
  ok: boolean;
  errors: DiagnosisError[];
  warnings: DiagnosisWarning[];
  header: JsonObject | null;
  payload: JsonObject | null;
  key: { kid: string | null; thumbprint: string } | null;
  /** What happened with each key of the set, in the order tried. */
  keys: KeyAttempt[];
  /** The moment and tolerance the times were judged against, in epoch seconds. */
  checkedAt: number;
  tolerance: number;
  /** The accepted set the token was judged against (contract rule 5). */
  algorithms: string[];
  /** False until the signature step ran (decodeToken never runs it). */
  signatureChecked: boolean;
}
