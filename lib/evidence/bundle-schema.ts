// A support bundle as the server receives it: sent by a customer's browser, so nothing in it is taken on trust.
// Every member the console shows is checked and anything else is dropped; titles and docs links are not read from
// the bundle but filled in from the error catalog by code, so a bundle can carry no link of its own making; and
// every string is redacted again (supportBundle), whatever the sending browser did.
import { z } from 'zod';
import { ERROR_CODES, ERROR_SUMMARIES, WARNING_CODES, WARNING_SUMMARIES } from '@/lib/errors/summary';
import { SECURE_CONTEXT_DOCS } from '@/lib/secure-context/judge';
import { BUNDLE_FORMAT, supportBundle, type EvidenceBundle } from './bundle';
import type { EvidenceFinding } from './analyse';

/** The most findings one bundle holds: a 50 MB capture with 500 distinct tokens makes about 520. */
export const BUNDLE_MAX_FINDINGS = 5_000;
const TEXT = 2_000;

const text = (max = TEXT) => z.string().max(max, `at most ${max} characters`);
const count = z.number().int().min(0);
const jsonObject = z.record(z.string(), z.unknown());

const diagnosisError = z
  .object({
    code: z.enum(ERROR_CODES),
    message: text(),
    finding: text().optional(),
    part: z.enum(['header', 'payload', 'signature']).optional(),
    claim: text(100).optional(),
    claims: z.array(text(100)).max(20).optional(),
    offset: count.optional(),
    position: count.optional(),
  })
  .transform((error) => ({
    ...error,
    title: ERROR_SUMMARIES[error.code].title,
    docs: ERROR_SUMMARIES[error.code].docs,
  }));

const diagnosisWarning = z
  .object({ code: z.enum(WARNING_CODES), message: text() })
  .transform((warning) => ({ ...warning, docs: WARNING_SUMMARIES[warning.code].docs }));

const diagnosis = z.object({
  ok: z.boolean(),
  errors: z.array(diagnosisError).max(50),
  warnings: z.array(diagnosisWarning).max(50),
  header: jsonObject.nullable(),
  payload: jsonObject.nullable(),
  key: z.object({ kid: text(200).nullable(), thumbprint: text(100) }).nullable(),
  keys: z
    .array(
      z.object({
        kid: text(200).nullable(),
        thumbprint: text(100),
        kty: text(10),
        outcome: z.enum(['verified', 'signature-mismatch', 'not-applicable', 'unusable']),
        reason: text(),
      }),
    )
    .max(100),
  checkedAt: z.number(),
  tolerance: z.number(),
  algorithms: z.array(text(10)).max(20),
  signatureChecked: z.boolean(),
});

const finding = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('token'),
    where: text(),
    seen: count,
    firstAt: text(40).optional(),
    result: diagnosis,
  }),
  z
    .object({
      kind: z.literal('origin'),
      where: text(),
      url: text(),
      origin: text(),
      secure: z.boolean(),
      reason: text(),
      fix: text().nullable(),
    })
    .transform((origin) => ({
      ...origin,
      docs: origin.secure ? SECURE_CONTEXT_DOCS.guide : SECURE_CONTEXT_DOCS.error,
    })),
  z.object({
    kind: z.literal('session'),
    documentId: text(200),
    call: z.enum(['create', 'events']),
    where: text(),
    at: text(40),
    durationMs: z.number().min(0),
    status: z.number().int(),
    outcome: z.enum(['created', 'rejected']).optional(),
    keyHint: text(200).optional(),
    sentKeyHint: text(200).optional(),
  }),
  z.object({
    kind: z.literal('race'),
    documentId: text(200),
    creators: count,
    winner: z.object({ keyHint: text(200).optional(), at: text(40) }).nullable(),
    rejected: count,
    loserAskedForWinnersKey: z.boolean(),
  }),
  z.object({
    kind: z.literal('clock'),
    where: text(),
    serverDate: text(40),
    tokenIat: z.number(),
    aheadSeconds: z.number(),
    withinTolerance: z.boolean(),
  }),
]);

export const evidenceBundleSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT, { error: `must be "${BUNDLE_FORMAT}"` }),
    version: z.literal(1, { error: 'must be 1' }),
    createdAt: z.iso.datetime({ error: 'must be an ISO 8601 time' }),
    source: z.object({ kind: z.enum(['har', 'log']), name: text(300), entries: count }),
    findings: z.array(finding).max(BUNDLE_MAX_FINDINGS, `at most ${BUNDLE_MAX_FINDINGS} findings`),
  })
  .transform((bundle): EvidenceBundle =>
    supportBundle(bundle.findings as EvidenceFinding[], bundle.source, new Date(bundle.createdAt)),
  );
