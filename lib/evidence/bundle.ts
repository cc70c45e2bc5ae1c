// The support bundle: the findings, never the capture. Findings hold no raw token, cookie, authorization value or
// body to begin with (tokens appear as their decoded header and payload; places are named, not quoted), and every
// string is put through the stored-text redaction as well, so whatever a page path or a claim carries (a token, a
// private key, a full API key) is cut down before the bundle leaves the browser.
import { redactSecrets } from '@/lib/redact';
import type { EvidenceFinding } from './analyse';

export const BUNDLE_FORMAT = 'rtc-doctor-evidence-bundle';

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
