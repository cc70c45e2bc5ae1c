import {
  ALGORITHM_NAMES,
  ALGORITHMS,
  isAlgorithmName,
  isServiceSet,
  isSymmetricAlgorithm,
  listAlgorithms,
  RECOMMENDED_ALGORITHM,
  requiredKeyPair,
  SERVICE_ALGORITHMS,
  type AlgorithmName,
} from '@/lib/algorithms';
import { decodeBase64Url, findBase64UrlProblem } from '@/lib/encoding/base64url';
import { excessiveNesting } from '@/lib/encoding/json-depth';
import { tokenError, tokenWarning } from './findings';
import type { DiagnosisError, DiagnosisWarning, JsonObject, TokenPart } from './types';

export interface ParsedToken {
  compact: string;
  header: JsonObject;
  payload: JsonObject;
  alg: AlgorithmName;
  signature: Uint8Array;
}

export interface ParseOutcome {
  errors: DiagnosisError[];
  warnings: DiagnosisWarning[];
  /** Decoded even when a later structural rule failed, so people can still read them. */
  header: JsonObject | null;
  payload: JsonObject | null;
  /** Present only when rules 1–5 all pass. */
  parsed?: ParsedToken;
}

const PART_NAMES: TokenPart[] = ['header', 'payload', 'signature'];
const KEY_REFERENCE_HEADERS = ['jwk', 'jku', 'x5u', 'x5c'];
const ORDINARY_HEADERS = new Set(['alg', 'typ', 'kid', 'cty', ...KEY_REFERENCE_HEADERS]);
const utf8 = new TextDecoder('utf-8', { fatal: true });

function describeJsonValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function decodeJsonObject(part: 'header' | 'payload', text: string): { value?: JsonObject; error?: DiagnosisError } {
  let json: string;
  try {
    json = utf8.decode(decodeBase64Url(text));
  } catch {
    return {
      error: tokenError(
        'TOKEN_PART_NOT_JSON',
        `The ${part} decodes to bytes that are not UTF-8 text, so it cannot be JSON.`,
        { part },
      ),
    };
  }
  const nesting = excessiveNesting(json);
  if (nesting)
    return {
      error: tokenError('TOKEN_PART_NOT_JSON', `The ${part} is not read: ${nesting}, which no identity token needs.`, {
        part,
      }),
    };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const preview = json.length > 40 ? `${json.slice(0, 40)}…` : json;
    return {
      error: tokenError(
        'TOKEN_PART_NOT_JSON',
        `The ${part} decodes to ${JSON.stringify(preview)}, which is not valid JSON (${reason}).`,
        { part },
      ),
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      error: tokenError(
        'TOKEN_PART_NOT_JSON',
        `The ${part} is valid JSON but ${describeJsonValue(value)}, not an object.`,
        { part },
      ),
    };
  }
  return { value: value as JsonObject };
}

function headerWarnings(header: JsonObject): DiagnosisWarning[] {
  const warnings: DiagnosisWarning[] = [];
  const references = KEY_REFERENCE_HEADERS.filter((name) => Object.hasOwn(header, name));
  if (references.length) {
    warnings.push(
      tokenWarning(
        'TOKEN_HEADER_KEY_IGNORED',
        `the header has ${references.map((name) => `"${name}"`).join(', ')}; only the account's registered keys are used.`,
      ),
    );
  }
  const unusual = Object.keys(header).filter((name) => !ORDINARY_HEADERS.has(name));
  if (unusual.length)
    warnings.push(tokenWarning('TOKEN_UNEXPECTED_HEADER', `${unusual.map((name) => `"${name}"`).join(', ')}.`));
  return warnings;
}

/** Contract rules 1–5: the token's shape. When one rule fails, later rules are not run. */
export function parseCompactToken(
  token: string,
  accepted: readonly AlgorithmName[] = SERVICE_ALGORITHMS,
): ParseOutcome {
  const parts = token.split('.');
  if (parts.length < 3) {
    const found =
      token.length === 0
        ? 'The token is empty.'
        : `It has ${parts.length} part${parts.length === 1 ? '' : 's'} (${parts.length - 1} dot${parts.length === 2 ? '' : 's'}); a signed token has three separated by two dots.`;
    return { errors: [tokenError('TOKEN_NOT_ENOUGH_PARTS', found)], warnings: [], header: null, payload: null };
  }
  if (parts.length > 3) {
    const hint =
      parts.length === 5
        ? ' Five parts is the shape of an encrypted token (JWE): RTC needs a signed token (JWS) instead.'
        : '';
    return {
      errors: [
        tokenError('TOKEN_TOO_MANY_PARTS', `It has ${parts.length} parts; a signed token has exactly three.${hint}`),
      ],
      warnings: [],
      header: null,
      payload: null,
    };
  }

  const errors: DiagnosisError[] = [];
  let position = 0;
  parts.forEach((text, index) => {
    const part = PART_NAMES[index]!;
    const problem = findBase64UrlProblem(text);
    if (problem) {
      errors.push(
        tokenError(
          'TOKEN_PART_NOT_BASE64',
          `The ${part} has a problem at offset ${problem.offset} (character ${position + problem.offset + 1} of the token): ${problem.reason}.`,
          {
            part,
            offset: problem.offset,
            position: position + problem.offset,
          },
        ),
      );
    }
    position += text.length + 1;
  });

  const [headerText, payloadText, signatureText] = parts as [string, string, string];
  const headerOk = !errors.some((error) => error.part === 'header');
  const payloadOk = !errors.some((error) => error.part === 'payload');
  const decodedHeader = headerOk ? decodeJsonObject('header', headerText) : {};
  const decodedPayload = payloadOk ? decodeJsonObject('payload', payloadText) : {};
  const header = decodedHeader.value ?? null;
  const payload = decodedPayload.value ?? null;
  const warnings = header ? headerWarnings(header) : [];
  if (errors.length) return { errors, warnings, header, payload };

  const jsonErrors = [decodedHeader.error, decodedPayload.error].filter((error) => error !== undefined);
  if (jsonErrors.length || !header || !payload) return { errors: jsonErrors, warnings, header, payload };

  if (!Object.hasOwn(header, 'alg')) {
    return {
      errors: [tokenError('TOKEN_HEADER_NO_ALG', 'The header has no "alg" member.', { part: 'header' })],
      warnings,
      header,
      payload,
    };
  }
  const alg = header.alg;
  if (typeof alg !== 'string') {
    return {
      errors: [
        tokenError('TOKEN_HEADER_NO_ALG', `The header's "alg" is ${describeJsonValue(alg)}, not a string.`, {
          part: 'header',
        }),
      ],
      warnings,
      header,
      payload,
    };
  }
  if (!(accepted as readonly string[]).includes(alg)) {
    return {
      errors: [tokenError('TOKEN_UNSUPPORTED_ALG', describeUnsupportedAlgorithm(alg, accepted), { part: 'header' })],
      warnings,
      header,
      payload,
    };
  }
  return {
    errors: [],
    warnings,
    header,
    payload,
    parsed: { compact: token, header, payload, alg: alg as AlgorithmName, signature: decodeBase64Url(signatureText) },
  };
}

function describeUnsupportedAlgorithm(alg: string, accepted: readonly AlgorithmName[]): string {
  const set = isServiceSet(accepted)
    ? `the service accepts only ${listAlgorithms(accepted)}`
    : `this check accepts ${listAlgorithms(accepted)}`;
  const Set = set.charAt(0).toUpperCase() + set.slice(1);
  const caseFix = ALGORITHM_NAMES.find(
    (candidate) => candidate.toLowerCase() === alg.toLowerCase() && candidate !== alg,
  );
  if (caseFix && accepted.includes(caseFix))
    return `The header says "${alg}"; algorithm names are case-sensitive, so write "${caseFix}".`;
  if (alg.toLowerCase() === 'none')
    return `The header says "${alg}": the token is not signed at all, and unsigned tokens are never accepted. ${Set}.`;
  if (isSymmetricAlgorithm(alg))
    return `The header says "${alg}", a shared-secret (HMAC) algorithm. The service only holds your public key, so it needs an asymmetric signature. ${Set}.`;
  if (isAlgorithmName(alg)) {
    const target = accepted.includes(RECOMMENDED_ALGORITHM) ? RECOMMENDED_ALGORITHM : accepted[0]!;
    const sameKey = ALGORITHMS[target].kty === ALGORITHMS[alg].kty;
    const how = sameKey
      ? 'with the same private key.'
      : `. Your ${ALGORITHMS[alg].kty} key cannot make ${target} signatures: generate ${requiredKeyPair(target)}, register its public key on the account and sign with its private key.`;
    return `The header says "${alg}" (${ALGORITHMS[alg].description}). It is asymmetric, but ${set}. Re-sign the token with ${target}${sameKey ? ' ' : ''}${how}`;
  }
  return `The header says ${JSON.stringify(alg)}. ${Set}.`;
}
