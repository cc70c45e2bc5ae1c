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
  const removed = new Set<string>();
  let token = raw;
  // Wrappings nest in any order ("Bearer …" in quotes, or quotes after Bearer): peel until nothing changes.
  for (let previous = ''; previous !== token; ) {
    previous = token;
    const trimmed = token.trim();
    if (trimmed !== token) removed.add('surrounding whitespace');
    token = trimmed;
    const header = /^authorization\s*:\s*/i.exec(token);
    if (header) {
      removed.add('an "Authorization:" header name');
      token = token.slice(header[0].length);
    }
    const bearer = /^bearer\s+/i.exec(token);
    if (bearer) {
      removed.add('a "Bearer " prefix');
      token = token.slice(bearer[0].length);
    }
    const quotes = QUOTE_PAIRS.find(([open, close]) => token.length >= open.length + close.length && token.startsWith(open) && token.endsWith(close));
    if (quotes) {
      removed.add('quotes');
      token = token.slice(quotes[0].length, -quotes[1].length);
    }
  }
  const warnings = removed.size ? [tokenWarning('TOKEN_INPUT_CLEANED', `removed ${[...removed].join(', ')}.`)] : [];
  return { token, warnings };
}
