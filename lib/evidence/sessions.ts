// The collaboration session calls in a capture (contract §4): each create and event stream with its real timing,
// and, per document with more than one creator, the race: who won, with which hint, and whether a loser then asked
// for the winner's key.
import type { Har, HarEntry } from './har';
import { requestLabel, urlWithoutQuery } from './sources';

const SESSION_PATH = /\/api\/sessions\/([^/?#]+)(\/events)?$/;

export interface SessionCallFinding {
  kind: 'session';
  documentId: string;
  call: 'create' | 'events';
  where: string;
  /** When the request started (ISO 8601) and how long it took, from the capture. */
  at: string;
  durationMs: number;
  status: number;
  outcome?: 'created' | 'rejected';
  /** The hint this call sent (create) or learnt (a 409's winner, or the stream's session-available event). */
  keyHint?: string;
  sentKeyHint?: string;
}

export interface RaceFinding {
  kind: 'race';
  documentId: string;
  creators: number;
  winner: { keyHint?: string; at: string } | null;
  rejected: number;
  /** Whether a request after a rejection carried the winner's hint (the loser fetching the winner's key). */
  loserAskedForWinnersKey: boolean;
}

function parseJson(text: string | undefined): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text ?? '');
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The keyHint of the first `session-available` event in an event stream's captured text. */
function streamKeyHint(text: string | undefined): string | undefined {
  const event = /event: *session-available\r?\ndata: *(.+)/.exec(text ?? '');
  const hint = parseJson(event?.[1])?.keyHint;
  return typeof hint === 'string' ? hint : undefined;
}

function sessionCall(entry: HarEntry): SessionCallFinding | undefined {
  const path = urlWithoutQuery(entry.request.url);
  const match = SESSION_PATH.exec(path);
  if (!match) return undefined;
  const base = {
    kind: 'session' as const,
    documentId: decodeURIComponent(match[1]!),
    where: requestLabel(entry),
    at: entry.startedDateTime,
    durationMs: Math.round(entry.time),
    status: entry.response.status,
  };
  if (match[2]) {
    const hint = streamKeyHint(entry.response.content.text);
    return { ...base, call: 'events', ...(hint ? { keyHint: hint } : {}) };
  }
  if (entry.request.method !== 'POST') return undefined;
  const sent = parseJson(entry.request.postData?.text)?.keyHint;
  const answer = parseJson(entry.response.content.text);
  const outcome = answer?.outcome === 'created' || answer?.outcome === 'rejected' ? answer.outcome : undefined;
  const hint = answer?.keyHint;
  return {
    ...base,
    call: 'create',
    ...(outcome ? { outcome } : {}),
    ...(typeof hint === 'string' ? { keyHint: hint } : {}),
    ...(typeof sent === 'string' ? { sentKeyHint: sent } : {}),
  };
}

export function sessionFindings(har: Har): (SessionCallFinding | RaceFinding)[] {
  const calls = har.log.entries
    .map((entry, index) => ({ index, call: sessionCall(entry) }))
    .filter((item): item is { index: number; call: SessionCallFinding } => item.call !== undefined)
    .sort((a, b) => Date.parse(a.call.at) - Date.parse(b.call.at));
  const races: RaceFinding[] = [];
  const documents = new Set(calls.map(({ call }) => call.documentId));
  for (const documentId of documents) {
    const creates = calls.filter(({ call }) => call.documentId === documentId && call.call === 'create');
    if (creates.length < 2) continue;
    const won = creates.find(({ call }) => call.outcome === 'created');
    const lost = creates.filter(({ call }) => call.outcome === 'rejected');
    const winnerHint = won?.call.keyHint ?? lost[0]?.call.keyHint;
    const firstLoss = lost[0]?.index;
    const askedLater =
      winnerHint !== undefined &&
      firstLoss !== undefined &&
      har.log.entries.some(
        (entry, index) =>
          index !== firstLoss &&
          Date.parse(entry.startedDateTime) >= Date.parse(har.log.entries[firstLoss]!.startedDateTime) &&
          !SESSION_PATH.test(urlWithoutQuery(entry.request.url)) &&
          `${entry.request.url} ${entry.request.postData?.text ?? ''}`.includes(winnerHint),
      );
    races.push({
      kind: 'race',
      documentId,
      creators: creates.length,
      winner: won ? { keyHint: won.call.keyHint, at: won.call.at } : null,
      rejected: lost.length,
      loserAskedForWinnersKey: askedLater,
    });
  }
  return [...calls.map(({ call }) => call), ...races];
}
