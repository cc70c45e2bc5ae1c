// POST /api/tokens/diagnose-batch (contract §7): many tokens in one request, answered as NDJSON in input order and
// streamed, so a server checking thousands pays the framework's fixed cost per request once, not per token.
import { deploymentAlgorithms } from '@/lib/config/env';
import { apiError, describeIssues, payloadTooLarge, readLimitedText } from '@/lib/http/json';
import { diagnoseToken } from '@/lib/jwt';
import { countDiagnosis } from '@/lib/ops/metrics';
import type { AccountKeySet, AccountKeySource } from '@/lib/accounts';
import type { Diagnosis } from '@/lib/jwt/types';
import { chooseKeys, diagnoseRequestSchema, type KeyChoice } from './diagnose-token';

export const BATCH_BODY_LIMIT = 1024 * 1024;
/** More lines than a minute's rate limit could ever pass (RATE_LIMITS.diagnoseBatch) is refused outright. */
export const BATCH_LINE_LIMIT = 10_000;
/** Lines checked at once: enough to keep the CPU busy, few enough that the first results go out early. */
const CONCURRENCY = 64;
const ACCEPTED_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/json-seq', 'text/plain'];

type Line = { number: number; text: string };

/** The non-blank lines, numbered as the client counts them (from 1, blank lines included). */
export function batchLines(text: string): Line[] {
  return text
    .split('\n')
    .map((line, index) => ({ number: index + 1, text: line.replace(/\r$/, '') }))
    .filter((line) => line.text.trim() !== '');
}

function lineError(number: number, message: string): string {
  return JSON.stringify({ error: { code: 'BAD_REQUEST', message: `line ${number}: ${message}` } });
}

/**
 * Before anything is read: the body type. NDJSON as the contract names it, JSON Lines and plain text (one token per
 * line) are taken; a JSON body is the one-token route's and is told so.
 */
export function refusedContentType(request: Request): Response | undefined {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (!type || ACCEPTED_TYPES.includes(type)) return undefined;
  return apiError(
    'UNSUPPORTED_MEDIA_TYPE',
    `This route takes NDJSON (content-type: application/x-ndjson): one {"token": …} object or one bare token per line${type === 'application/json' ? '; a single JSON token goes to POST /api/tokens/diagnose' : ''}.`,
  );
}

/** The body's lines, or the 413 for a body over 1 MiB or over BATCH_LINE_LIMIT lines. */
export async function readBatch(request: Request): Promise<Line[] | Response> {
  const read = await readLimitedText(request, BATCH_BODY_LIMIT);
  if ('tooLarge' in read) return payloadTooLarge(BATCH_BODY_LIMIT);
  const lines = batchLines(read.text);
  if (lines.length > BATCH_LINE_LIMIT)
    return apiError(
      'PAYLOAD_TOO_LARGE',
      `The batch has ${lines.length} tokens; send at most ${BATCH_LINE_LIMIT} per request.`,
    );
  return lines;
}

/** One line's answer, and the check made with an account's keys, if it was, for booking with its chunk's. */
interface LineAnswer {
  text: string;
  accountCheck?: { account: AccountKeySet; diagnosis: Diagnosis };
}

/**
 * One line's answer: the §1 result, or the error in its place. Key sets are read once per distinct `jwks` (and the
 * account's once) however many lines share them.
 */
async function answerLine(
  line: Line,
  accounts: AccountKeySource | undefined,
  keyChoices: Map<string, Promise<KeyChoice>>,
): Promise<LineAnswer> {
  let body: unknown = line.text.trim();
  if ((body as string).startsWith('{')) {
    try {
      body = JSON.parse(body as string);
    } catch {
      return { text: lineError(line.number, 'not JSON: give {"token": "…"} or the bare token') };
    }
  } else body = { token: body };
  const parsed = diagnoseRequestSchema.safeParse(body);
  if (!parsed.success) return { text: lineError(line.number, describeIssues(parsed.error)) };
  const request = parsed.data;
  const algorithms = request.algorithms ?? deploymentAlgorithms();
  const keyId = JSON.stringify([request.jwks ?? null, request.apiKey ?? null, algorithms]);
  let choice = keyChoices.get(keyId);
  if (!choice) {
    choice = chooseKeys(request, algorithms, accounts);
    keyChoices.set(keyId, choice);
  }
  const chosen = await choice;
  if ('refusal' in chosen) return { text: lineError(line.number, chosen.refusal.message) };
  const diagnosis = await diagnoseToken(request.token, {
    ...chosen.options,
    now: request.now,
    tolerance: request.tolerance,
    algorithms,
  });
  countDiagnosis(diagnosis);
  return {
    text: JSON.stringify({ ...diagnosis, keySource: chosen.keySource }),
    ...(chosen.account ? { accountCheck: { account: chosen.account, diagnosis } } : {}),
  };
}

/** Books a chunk's account checks with one recordUse per account (a few writes per chunk, not two per token). */
async function recordAccountChecks(answers: LineAnswer[], accounts: AccountKeySource | undefined): Promise<void> {
  const byAccount = new Map<AccountKeySet, Diagnosis[]>();
  for (const { accountCheck } of answers) {
    if (!accountCheck) continue;
    const diagnoses = byAccount.get(accountCheck.account) ?? [];
    diagnoses.push(accountCheck.diagnosis);
    byAccount.set(accountCheck.account, diagnoses);
  }
  await Promise.all([...byAccount].map(([account, diagnoses]) => accounts?.recordUse(account, diagnoses)));
}

/** The NDJSON answer, streamed in input order, CONCURRENCY lines at a time. The tokens are never logged. */
export function answerBatch(lines: Line[], accounts?: AccountKeySource): Response {
  const keyChoices = new Map<string, Promise<KeyChoice>>();
  const encoder = new TextEncoder();
  let next = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (next >= lines.length) {
        controller.close();
        return;
      }
      const chunk = lines.slice(next, next + CONCURRENCY);
      next += chunk.length;
      const answers = await Promise.all(chunk.map((line) => answerLine(line, accounts, keyChoices)));
      await recordAccountChecks(answers, accounts);
      controller.enqueue(encoder.encode(`${answers.map((answer) => answer.text).join('\n')}\n`));
    },
  });
  return new Response(stream, {
    headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
