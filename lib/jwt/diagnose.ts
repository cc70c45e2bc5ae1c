import { decodeWithStructure, type DiagnoseOptions } from './decode';
import { tokenError } from './findings';
import { selectKeys, verifySignature } from './keys';
import type { Diagnosis } from './types';
import { NO_KEYS_FINDING } from './verdict';

export { decodeToken, DEFAULT_TOLERANCE_SECONDS, type DiagnoseOptions } from './decode';

/** The full diagnosis of contract section 1: every rule, every failure, and which key verified. */
export async function diagnoseToken(input: string, options: DiagnoseOptions = {}): Promise<Diagnosis> {
  const { diagnosis: decoded, parsed: structure } = decodeWithStructure(input, options);
  if (!structure) return decoded;

  const errors = [...decoded.errors];
  if (options.keys === undefined) {
    errors.push(
      tokenError(
        'JWKS_UNAVAILABLE',
        'No key set was given, so the signature cannot be checked. Supply the public keys registered on the account.',
        {
          finding: NO_KEYS_FINDING,
        },
      ),
    );
    return { ...decoded, ok: false, errors };
  }
  const selection = selectKeys(options.keys, structure.alg, structure.header.kid, options.keySetName);
  if (selection.error) {
    errors.push(selection.error);
    return { ...decoded, ok: false, errors, keys: selection.attempts };
  }
  const verification = await verifySignature(structure.compact, structure.alg, selection.candidates);
  if (verification.error) errors.push(verification.error);
  const key = verification.verifiedBy
    ? { kid: verification.verifiedBy.kid, thumbprint: verification.verifiedBy.thumbprint }
    : null;
  return {
    ...decoded,
    ok: errors.length === 0,
    errors,
    key,
    keys: [...selection.attempts, ...verification.attempts],
    signatureChecked: true,
  };
}
