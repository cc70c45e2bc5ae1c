import { tokenWarning } from './findings';
import type { DiagnosisWarning } from './types';

const QUOTE_PAIRS: [string, string][] = [
  ['"', '"'],
  ["'", "'"],
  ['`', '`'],
  ['“', '”'],
  ['‘', '’'],
];

/** What a compact JWS looks like from the outside: three base64url runs joined by dots (rule 2 judges it properly). */
const COMPACT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** Names under which token endpoints, cookies and callback URLs carry a token, compared without case, "-" or "_". */
const TOKEN_NAMES = new Set(['token', 'accesstoken', 'idtoken', 'jwt', 'authtoken', 'identitytoken', 'rtctoken']);

/** A form body ("token=eyJ…&expires_in=…") starts with one of those names; a bare token never does. */
const FORM_BODY = /^(?:token|access[-_]?token|id[-_]?token|jwt)=/i;

/** How deep a JSON body is searched for its token: a response wrapper or two ("data", "result"), not a whole document. */
const JSON_DEPTH = 4;

/** A line of a wrapped token: nothing but the alphabet and dots. */
const TOKEN_LINE = /^[A-Za-z0-9_.-]+$/;

/** A fixed-width wrap makes every line but the last this long at least; shorter runs are more likely stray breaks. */
const MIN_WRAP_WIDTH = 16;

interface Candidate {
  where: string;
  name: string;
  value: string;
}

/** One step of the clean-up: the text with one wrapping removed, and a note saying which. */
type Peeled = { text: string; note: string } | undefined;

function isTokenName(name: string): boolean {
  return TOKEN_NAMES.has(name.toLowerCase().replace(/[-_]/g, ''));
}

/** Shaped like a token once the wrappings later passes peel ("Bearer ", quotes) are set aside. */
function looksLikeToken(value: string): boolean {
  return COMPACT_SHAPE.test(
    value
      .trim()
      .replace(/^bearer\s+/i, '')
      .replace(/^["'`]|["'`]$/g, ''),
  );
}

/** A field named like a token that holds one, else any field named like a token, else any value shaped like one. */
function pickCandidate(candidates: readonly Candidate[]): Candidate | undefined {
  return (
    candidates.find((candidate) => isTokenName(candidate.name) && looksLikeToken(candidate.value)) ??
    candidates.find((candidate) => isTokenName(candidate.name) && candidate.value.trim() !== '') ??
    candidates.find((candidate) => looksLikeToken(candidate.value))
  );
}

function jsonStrings(value: unknown, path: string, depth: number, out: Candidate[]): Candidate[] {
  if (depth > JSON_DEPTH || value === null || typeof value !== 'object') return out;
  for (const [key, child] of Object.entries(value)) {
    const childPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (typeof child === 'string')
      out.push({ where: childPath, name: Array.isArray(value) ? path : key, value: child });
    else jsonStrings(child, childPath, depth + 1, out);
  }
  return out;
}

/** A token endpoint's response, copied whole from the Network tab: `{"token": "eyJ…"}`. */
export function tokenFromJsonBody(text: string): Peeled {
  if (!text.startsWith('{') && !text.startsWith('[')) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  const found = pickCandidate(jsonStrings(body, '', 0, []));
  return found && { text: found.value, note: `took the token from the JSON body's "${found.where}" field` };
}

/** A `Cookie:` request header (or a `Set-Cookie:` response header) with the token in one of its cookies. */
export function tokenFromCookieHeader(text: string): Peeled {
  const header = /^(set-)?cookie\s*:\s*/i.exec(text);
  if (!header) return undefined;
  const headerName = header[1] ? 'Set-Cookie:' : 'Cookie:';
  const cookies = text
    .slice(header[0].length)
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair.includes('='))
    .map((pair) => ({
      where: '',
      name: pair.slice(0, pair.indexOf('=')).trim(),
      value: pair.slice(pair.indexOf('=') + 1).trim(),
    }));
  const found = pickCandidate(cookies);
  return (
    found && { text: found.value, note: `took the token from the "${found.name}" cookie of a "${headerName}" header` }
  );
}

function parameters(query: string, where: string): Candidate[] {
  return [...new URLSearchParams(query)].map(([name, value]) => ({ where, name, value }));
}

/**
 * A URL carrying the token in its query (`?token=`) or fragment (`#access_token=`, also `#/callback?token=`), or a
 * form body. Only named parameters count: a bare token has no "?", "#" or leading "name=", so it never gets here.
 */
export function tokenFromUrl(text: string): Peeled {
  const hashAt = text.indexOf('#');
  const beforeHash = hashAt < 0 ? text : text.slice(0, hashAt);
  const fragment = hashAt < 0 ? '' : text.slice(hashAt + 1);
  const queryAt = beforeHash.indexOf('?');
  const candidates: Candidate[] = [];
  if (queryAt >= 0) candidates.push(...parameters(beforeHash.slice(queryAt + 1), "the URL's query"));
  else if (hashAt < 0 && FORM_BODY.test(text)) candidates.push(...parameters(text, 'the form body'));
  if (fragment)
    candidates.push(
      ...parameters(
        fragment.includes('?') ? fragment.slice(fragment.indexOf('?') + 1) : fragment,
        "the URL's fragment",
      ),
    );
  const found = pickCandidate(candidates.filter((candidate) => isTokenName(candidate.name)));
  return found && { text: found.value, note: `took the token from the "${found.name}" parameter in ${found.where}` };
}

/**
 * A token copied from a terminal, an e-mail or a log wraps over several lines. Joined only when the breaks look like
 * wrapping: every break at one of the token's dots, or three lines or more cut at one width. A single stray line
 * break inside a part is not wrapping: contract rule 2 reports it (TOKEN_PART_NOT_BASE64), as it does a space.
 */
export function joinWrappedLines(text: string): Peeled {
  if (!/[\r\n]/.test(text)) return undefined;
  const lines = text.split(/\r\n|\r|\n/).map((line) => line.trim());
  if (lines.some((line) => !TOKEN_LINE.test(line))) return undefined;
  const atDots = lines.every(
    (line, index) => index === lines.length - 1 || line.endsWith('.') || lines[index + 1]!.startsWith('.'),
  );
  const width = lines[0]!.length;
  const fixedWidth =
    lines.length >= 3 &&
    width >= MIN_WRAP_WIDTH &&
    lines.slice(0, -1).every((line) => line.length === width) &&
    lines.at(-1)!.length <= width;
  if (!atDots && !fixedWidth) return undefined;
  return { text: lines.join(''), note: `joined the ${lines.length} lines the token was wrapped over` };
}

function stripAuthorizationHeader(text: string): Peeled {
  const header = /^authorization\s*:\s*/i.exec(text);
  return header ? { text: text.slice(header[0].length), note: 'removed an "Authorization:" header name' } : undefined;
}

function stripBearer(text: string): Peeled {
  const bearer = /^bearer\s+/i.exec(text);
  return bearer ? { text: text.slice(bearer[0].length), note: 'removed a "Bearer " prefix' } : undefined;
}

function stripQuotes(text: string): Peeled {
  const quotes = QUOTE_PAIRS.find(
    ([open, close]) => text.length >= open.length + close.length && text.startsWith(open) && text.endsWith(close),
  );
  return quotes ? { text: text.slice(quotes[0].length, -quotes[1].length), note: 'removed quotes' } : undefined;
}

/** The most common and least telling clean-up: a surface may choose not to mention it on its own. */
export const WHITESPACE_NOTE = 'removed surrounding whitespace';

function stripWhitespace(text: string): Peeled {
  const trimmed = text.trim();
  return trimmed !== text ? { text: trimmed, note: WHITESPACE_NOTE } : undefined;
}

/** Each pass runs every step once, so this many passes peel several times as many wrappings. */
const MAX_PASSES = 8;

/** In this order on every pass: the outer wrappings first, the joining of lines last, once the token is bare. */
const STEPS = [
  stripWhitespace,
  stripAuthorizationHeader,
  tokenFromCookieHeader,
  stripBearer,
  stripQuotes,
  tokenFromJsonBody,
  tokenFromUrl,
  joinWrappedLines,
];

export interface CleanedTokenInput {
  /** What the rules judge. */
  token: string;
  /** What was removed, in the order it was, each a lower-case phrase ("removed quotes"). Empty for a bare token. */
  notes: string[];
  warnings: DiagnosisWarning[];
}

/** The notes as one sentence, as the page shows them next to the token: "Took the token from …; removed quotes." */
export function describeCleaning(notes: readonly string[]): string {
  const text = notes.join('; ');
  return text && `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/**
 * People paste tokens the way they found them: in an Authorization or Cookie header, in a JSON body, in a URL, in
 * quotes, wrapped over lines. Strip that wrapping, and say what was stripped, so the token itself is judged. The
 * browser, the API and the CLI all call this, so the same pasted text gets the same verdict everywhere.
 */
export function cleanTokenInput(raw: string): CleanedTokenInput {
  const notes: string[] = [];
  let token = raw;
  // Wrappings nest in any order ("Bearer …" in quotes, a JSON body in quotes): peel until nothing changes. Real
  // pastes nest a few deep; the cap keeps a hostile paste (thousands of quotes) to linear time.
  for (let previous: string | undefined, pass = 0; previous !== token && pass < MAX_PASSES; pass++) {
    previous = token;
    for (const step of STEPS) {
      const peeled = step(token);
      if (!peeled) continue;
      token = peeled.text;
      if (!notes.includes(peeled.note)) notes.push(peeled.note);
    }
  }
  const warnings = notes.length ? [tokenWarning('TOKEN_INPUT_CLEANED', `${notes.join('; ')}.`)] : [];
  return { token, notes, warnings };
}
