import { tokenWarning } from './findings';
import type { DiagnosisWarning } from './types';

const QUOTE_PAIRS: [string, string][] = [
  ['"', '"'],
  ["'", "'"],
  ['`', '`'],
  ['“', '”'],
  ['‘', '’'],
];

/**
 * People paste tokens the way they found them: in an Authorization header, in quotes, with a newline.
 * Strip that wrapping, and say what was stripped, so the token itself is judged.
 */
export function cleanTokenInput(raw: string): { token: string; warnings: DiagnosisWarning[] } {
  const removed: string[] = [];
  let token = raw;
  const trimmed = token.trim();
  if (trimmed !== token) removed.push('surrounding whitespace');
  token = trimmed;

  const header = /^authorization\s*:\s*/i.exec(token);
  if (header) {
    removed.push('an "Authorization:" header name');
    token = token.slice(header[0].length);
  }
  const bearer = /^bearer\s+/i.exec(token);
  if (bearer) {
    removed.push('a "Bearer " prefix');
    token = token.slice(bearer[0].length);
  }
  for (const [open, close] of QUOTE_PAIRS) {
    if (token.length >= 2 && token.startsWith(open) && token.endsWith(close)) {
      removed.push('quotes');
      token = token.slice(open.length, -close.length).trim();
      break;
    }
  }
  const warnings = removed.length ? [tokenWarning('TOKEN_INPUT_CLEANED', `removed ${removed.join(', ')}.`)] : [];
  return { token, warnings };
}
