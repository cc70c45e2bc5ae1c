import type { EvidenceFinding } from '@/lib/evidence';
import type { EvidenceBundle } from '@/lib/evidence/bundle';

/** What the page asks the evidence worker to read. Keys are pasted text, or an account's API key for the batch API. */
export interface EvidenceRequest {
  file?: File;
  text?: string;
  name: string;
  keys: { kind: 'paste'; text: string } | { kind: 'account'; apiKey: string };
  algorithms: string[];
  /** The page's origin: the worker may run from a blob: URL, against which a relative API path does not resolve. */
  origin: string;
}

export type EvidenceProgress = { phase: 'reading'; done: number; total: number } | { phase: 'parsing' | 'analysing' };

export type EvidenceMessage =
  | { type: 'progress'; progress: EvidenceProgress }
  | { type: 'done'; findings: EvidenceFinding[]; source: EvidenceBundle['source']; parseMs: number }
  | { type: 'error'; message: string };
