import { z } from 'zod';

/**
 * What the visualizer's live mode expects from the session API (contract section 4). Parsing the real answers
 * here keeps the lanes honest: anything else is shown as an unexpected answer, never guessed at.
 */
// In the browser, zod runs without eval (the site's CSP forbids it): components/zod-without-eval, first in the root layout.
const liveSchemas = {
  created: z.object({ outcome: z.literal('created'), keyHint: z.string() }),
  rejected: z.object({ outcome: z.literal('rejected'), keyHint: z.string() }),
  sessionAvailable: z.object({ keyHint: z.string() }),
};

export type CreateAnswer =
  | { kind: 'created'; keyHint: string }
  | { kind: 'rejected'; keyHint: string }
  | { kind: 'unexpected'; message: string };

export function readCreateAnswer(status: number, body: unknown): CreateAnswer {
  if (status === 201) {
    const parsed = liveSchemas.created.safeParse(body);
    if (parsed.success) return { kind: 'created', keyHint: parsed.data.keyHint };
  }
  if (status === 409) {
    const parsed = liveSchemas.rejected.safeParse(body);
    if (parsed.success) return { kind: 'rejected', keyHint: parsed.data.keyHint };
  }
  return {
    kind: 'unexpected',
    message: `The session API answered ${status} ${JSON.stringify(body) ?? ''}, not 201 created or 409 rejected.`,
  };
}

export function readSessionAvailable(data: string): { keyHint: string } | null {
  try {
    const parsed = liveSchemas.sessionAvailable.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A fresh document id for each live run, so runs never meet an old session. */
export function liveDocumentId(random: string): string {
  return `race-${random}`;
}

/** The session API for one document (contract section 4); its event stream is at `${sessionPath(id)}/events`. */
export function sessionPath(documentId: string): string {
  return `/api/sessions/${encodeURIComponent(documentId)}`;
}
