// What a capture or a log says: every distinct token diagnosed, the page origins judged, the session calls laid
// out, and the servers' clocks held against the tokens' iat. The CLI and the evidence page both call this.
import { DEFAULT_TOLERANCE_SECONDS, diagnoseToken, type DiagnoseOptions } from '@/lib/jwt';
import type { Diagnosis } from '@/lib/jwt/types';
import { checkSecureContext } from '@/lib/secure-context';
import type { Har } from './har';
import { findTokens, jsonObjectPart } from './find-tokens';
import { sessionFindings, type RaceFinding, type SessionCallFinding } from './sessions';
import { harTexts, headerValue, logTexts, requestLabel, urlWithoutQuery, type EvidenceText } from './sources';

export interface TokenFinding {
  kind: 'token';
  /** Where it was first seen. */
  where: string;
  /** How many times it appears. */
  seen: number;
  firstAt?: string;
  result: Diagnosis;
}

export interface OriginFinding {
  kind: 'origin';
  where: string;
  url: string;
  origin: string;
  secure: boolean;
  reason: string;
  fix: string | null;
  docs: string;
}

export interface ClockFinding {
  kind: 'clock';
  /** The server whose Date header was compared. */
  where: string;
  serverDate: string;
  tokenIat: number;
  /** How far the token's iat is ahead of the server's clock (0 or less: not ahead). */
  aheadSeconds: number;
  withinTolerance: boolean;
}

export type EvidenceFinding = TokenFinding | OriginFinding | SessionCallFinding | RaceFinding | ClockFinding;

export type FindingOf<K extends EvidenceFinding['kind']> = Extract<EvidenceFinding, { kind: K }>;

/** The findings of one kind, in their order. */
export const findingsOf = <K extends EvidenceFinding['kind']>(findings: readonly EvidenceFinding[], kind: K) =>
  findings.filter((finding): finding is FindingOf<K> => finding.kind === kind);

export type Evidence = { kind: 'har'; har: Har } | { kind: 'log'; text: string };

type Options = Pick<DiagnoseOptions, 'keys' | 'keyWarnings' | 'keySetName' | 'now' | 'tolerance' | 'algorithms'> & {
  /**
   * Diagnoses the distinct tokens, in order: by default here with `keys`; the evidence page in account mode sends
   * them to the batch API instead, to be checked against the account's registered keys.
   */
  diagnose?: (tokens: string[]) => Promise<Diagnosis[]>;
};

/** A text of the evidence with the tokens found in it: each text is scanned once, whoever reads its tokens. */
type ScannedText = EvidenceText & { tokens: string[] };

const scan = (texts: Iterable<EvidenceText>): ScannedText[] =>
  [...texts].map((text) => ({ ...text, tokens: findTokens(text.text) }));

/** Every distinct token, first sighting first, diagnosed once. */
async function tokenFindings(texts: ScannedText[], options: Options): Promise<TokenFinding[]> {
  const seen = new Map<string, { where: string; at?: string; count: number }>();
  for (const text of texts)
    for (const token of text.tokens) {
      const known = seen.get(token);
      if (known) known.count += 1;
      else seen.set(token, { where: text.where, at: text.at, count: 1 });
    }
  const tokens = [...seen.keys()];
  const results = options.diagnose
    ? await options.diagnose(tokens)
    : await Promise.all(tokens.map((token) => diagnoseToken(token, options)));
  return [...seen.values()].map((place, index) => ({
    kind: 'token' as const,
    where: place.where,
    seen: place.count,
    ...(place.at ? { firstAt: place.at } : {}),
    result: results[index]!,
  }));
}

/** The pages the capture was taken on: HAR page titles that are URLs, and the Origin and Referer the requests sent. */
function originFindings(har: Har): OriginFinding[] {
  const candidates: { where: string; url: string }[] = [
    ...har.log.pages.map((page) => ({ where: `page ${page.id}`, url: page.title })),
    ...har.log.entries.flatMap((entry) =>
      (['origin', 'referer'] as const).flatMap((name) => {
        const url = headerValue(entry.request.headers, name);
        const request = requestLabel(entry);
        return url ? [{ where: `${request} · request header ${name === 'origin' ? 'Origin' : 'Referer'}`, url }] : [];
      }),
    ),
  ];
  const byOrigin = new Map<string, OriginFinding>();
  for (const candidate of candidates) {
    if (!/^[a-z][a-z0-9+.-]*:/i.test(candidate.url)) continue;
    const check = checkSecureContext(candidate.url);
    if (!check.ok || byOrigin.has(check.verdict.origin)) continue;
    const { verdict } = check;
    byOrigin.set(verdict.origin, {
      kind: 'origin',
      where: candidate.where,
      url: urlWithoutQuery(verdict.canonical),
      origin: verdict.origin,
      secure: verdict.secure,
      reason: verdict.reason,
      fix: verdict.fix?.summary ?? null,
      docs: verdict.secure ? verdict.docs.guide : verdict.docs.error,
    });
  }
  return [...byOrigin.values()];
}

/** Per server, the token whose iat runs furthest ahead of the Date the server answered with. */
function clockFindings(har: Har, texts: ScannedText[], tolerance: number): ClockFinding[] {
  const furthest = new Map<string, ClockFinding>();
  for (const text of texts) {
    // Tokens the client sent (headers, cookies, query, body), not those the server answered with.
    if (text.entry === undefined || text.where.includes('· response ')) continue;
    const entry = har.log.entries[text.entry]!;
    const date = headerValue(entry.response.headers, 'date');
    const serverSeconds = date ? Date.parse(date) / 1000 : NaN;
    if (!Number.isFinite(serverSeconds)) continue;
    for (const token of text.tokens) {
      const iat = payloadIat(token);
      if (iat === undefined) continue;
      const host = safeHost(entry.request.url);
      const aheadSeconds = Math.round(iat - serverSeconds);
      const current = furthest.get(host);
      if (current && current.aheadSeconds >= aheadSeconds) continue;
      furthest.set(host, {
        kind: 'clock',
        where: host,
        serverDate: new Date(serverSeconds * 1000).toISOString(),
        tokenIat: iat,
        aheadSeconds,
        withinTolerance: aheadSeconds <= tolerance,
      });
    }
  }
  return [...furthest.values()];
}

function payloadIat(token: string): number | undefined {
  const iat = jsonObjectPart(token.split('.')[1] ?? '')?.iat;
  return typeof iat === 'number' && Number.isFinite(iat) ? iat : undefined;
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Every finding, in the order a reader wants them: tokens, origins, session calls and races, clocks. */
export async function analyseEvidence(evidence: Evidence, options: Options = {}): Promise<EvidenceFinding[]> {
  if (evidence.kind === 'log') return tokenFindings(scan(logTexts(evidence.text)), options);
  const texts = scan(harTexts(evidence.har));
  return [
    ...(await tokenFindings(texts, options)),
    ...originFindings(evidence.har),
    ...sessionFindings(evidence.har),
    ...clockFindings(evidence.har, texts, options.tolerance ?? DEFAULT_TOLERANCE_SECONDS),
  ];
}
