// The support bundle: the findings, never the capture. Findings hold no raw token, cookie, authorization value or
// body to begin with (tokens appear as their decoded header and payload; places are named, not quoted), and every
// string is put through the stored-text redaction as well, so whatever a page path or a claim carries (a token, a
// private key, a full API key) is cut down before the bundle leaves the browser.
import { ERROR_SUMMARIES, type ErrorCode } from '@/lib/errors/summary';
import { redactSecrets } from '@/lib/redact';
import { findingsOf, type EvidenceFinding } from './analyse';
import { groupTokenFindings } from './groups';

export const BUNDLE_FORMAT = 'rtc-doctor-evidence-bundle';
/** How long support keeps a bundle sent to it; it is deleted after that. */
export const SUPPORT_BUNDLE_RETENTION_DAYS = 30;
/** The largest bundle the server takes: the findings of a 50 MB capture with 500 distinct tokens are 472 KiB (bench:evidence). */
export const SUPPORT_BUNDLE_BODY_LIMIT = 2 * 1024 * 1024;

export interface EvidenceBundle {
  format: typeof BUNDLE_FORMAT;
  version: 1;
  createdAt: string;
  source: { kind: 'har' | 'log'; name: string; entries: number };
  findings: EvidenceFinding[];
}

function redactDeep(value: unknown): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (Array.isArray(value)) return value.map(redactDeep);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, redactDeep(member)]));
  return value;
}

/** A redacted copy of the findings, to download or send to support. */
export function supportBundle(
  findings: readonly EvidenceFinding[],
  source: EvidenceBundle['source'],
  createdAt = new Date(),
): EvidenceBundle {
  return {
    format: BUNDLE_FORMAT,
    version: 1,
    createdAt: createdAt.toISOString(),
    source: { ...source, name: redactSecrets(source.name) },
    findings: redactDeep(findings) as EvidenceFinding[],
  };
}

/** What a console list shows of a bundle without reading it whole. */
export interface BundleSummary {
  tokens: number;
  /** Distinct tokens per first error code; tokens without errors are not counted here. */
  problems: Record<string, number>;
  insecureOrigins: number;
  races: number;
  skewedClocks: number;
}

export function summariseBundle(bundle: EvidenceBundle): BundleSummary {
  const of = <K extends EvidenceFinding['kind']>(kind: K) => findingsOf(bundle.findings, kind);
  const tokens = of('token');
  return {
    tokens: tokens.length,
    problems: Object.fromEntries(
      groupTokenFindings(tokens).flatMap((group) => (group.code ? [[group.code, group.count]] : [])),
    ),
    insecureOrigins: of('origin').filter((origin) => !origin.secure).length,
    races: of('race').length,
    skewedClocks: of('clock').filter((clock) => !clock.withinTolerance).length,
  };
}

/** How a bundle is named to people, in the sender's confirmation and support's lists: its id's first 8 characters. */
export const bundleReference = (id: string) => id.slice(0, 8);

/** "3 tokens (2 Token has expired, 1 Signature does not verify), 1 insecure origin, 1 session race": for lists. */
export function describeBundleSummary(summary: BundleSummary): string {
  const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
  const problems = Object.entries(summary.problems)
    .sort(([, a], [, b]) => b - a)
    .map(([code, count]) => `${count} ${ERROR_SUMMARIES[code as ErrorCode]?.title ?? code}`);
  const parts = [
    `${plural(summary.tokens, 'token')}${problems.length ? ` (${problems.join(', ')})` : summary.tokens ? ' (no problems)' : ''}`,
  ];
  if (summary.insecureOrigins) parts.push(plural(summary.insecureOrigins, 'insecure origin'));
  if (summary.races) parts.push(plural(summary.races, 'session race'));
  if (summary.skewedClocks) parts.push(plural(summary.skewedClocks, 'skewed clock'));
  return parts.join(', ');
}
