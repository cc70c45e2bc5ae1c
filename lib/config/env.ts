import { z } from 'zod';
import { parseAlgorithmList, SERVICE_ALGORITHMS } from '@/lib/algorithms';
import { parseTrustedProxies } from '@/lib/http/rate-limit';
import {
  DEFAULT_COLLABORATION_CREATES_PER_HOUR,
  DEFAULT_COLLABORATION_HEARTBEAT_SECONDS,
  DEFAULT_COLLABORATION_STORAGE_BYTES,
  DEFAULT_COLLABORATION_STREAM_SECONDS,
  DEFAULT_COLLABORATION_STREAMS_PER_CLIENT,
  DEFAULT_COLLABORATION_STREAMS_PER_PROCESS,
} from '@/lib/collaboration/limits';

/** RTC_DOCTOR_ALGORITHMS: the deployment's accepted set (contract rule 5), the service's own list when unset. */
const algorithmSet = z
  .string()
  .optional()
  .transform((value, context) => {
    if (value === undefined) return [...SERVICE_ALGORITHMS];
    const parsed = parseAlgorithmList(value);
    if ('error' in parsed) {
      context.addIssue({ code: 'custom', message: `RTC_DOCTOR_ALGORITHMS: ${parsed.error}` });
      return z.NEVER;
    }
    return parsed.algorithms;
  });

/**
 * RTC_DOCTOR_TRUSTED_PROXIES: the reverse proxies whose X-Forwarded-For is believed (addresses and CIDR ranges,
 * comma-separated) or `hops:N`; unset, X-Forwarded-For is ignored and the client is the socket's address.
 */
const trustedProxies = z
  .string()
  .optional()
  .transform((value, context) => {
    const parsed = parseTrustedProxies(value);
    if ('error' in parsed) {
      context.addIssue({ code: 'custom', message: `RTC_DOCTOR_TRUSTED_PROXIES: ${parsed.error}` });
      return z.NEVER;
    }
    return parsed.trust;
  });

/** A whole number setting from `min` to `max` (in `unit`), named in every message. */
const wholeNumber = (name: string, unit: string, min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a number of ${unit}` })
    .int(`${name} must be a whole number of ${unit}`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`)
    .default(fallback);

const environmentSchema = z.object({
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
    .optional(),
  RTC_DOCTOR_DATA_DIR: z.string().min(1).default('./data'),
  BETTER_AUTH_SECRET: z.string().optional(),
  /** The public address of the portal, e.g. https://rtc-doctor.example.com; inferred from requests when unset. */
  BETTER_AUTH_URL: z.url({ error: 'BETTER_AUTH_URL must be a URL' }).optional(),
  /** "off" only for benchmarks, which must measure the work and not the limiter. */
  RTC_DOCTOR_RATE_LIMITS: z
    .enum(['on', 'off'], { error: 'RTC_DOCTOR_RATE_LIMITS must be "on" or "off"' })
    .default('on'),
  /** A collaboration session idle longer than this is gone, and the next creator starts a new one. */
  RTC_DOCTOR_SESSION_IDLE_SECONDS: z.coerce
    .number({ error: 'RTC_DOCTOR_SESSION_IDLE_SECONDS must be a number of seconds' })
    .int('RTC_DOCTOR_SESSION_IDLE_SECONDS must be a whole number of seconds')
    .min(1, 'RTC_DOCTOR_SESSION_IDLE_SECONDS must be at least 1')
    .max(30 * 24 * 3600, 'RTC_DOCTOR_SESSION_IDLE_SECONDS must be at most 30 days')
    .default(3600),
  /** How often a session event stream sends a comment line, so proxies keep it open and clients notice a dead one. */
  RTC_DOCTOR_SESSION_HEARTBEAT_SECONDS: z.coerce
    .number({ error: 'RTC_DOCTOR_SESSION_HEARTBEAT_SECONDS must be a number of seconds' })
    .min(0.1, 'RTC_DOCTOR_SESSION_HEARTBEAT_SECONDS must be at least 0.1')
    .max(300, 'RTC_DOCTOR_SESSION_HEARTBEAT_SECONDS must be at most 300')
    .default(DEFAULT_COLLABORATION_HEARTBEAT_SECONDS),
  /** What all stored collaboration sessions together may take; a create that finds no room, even after evicting expired sessions, gets 507. */
  RTC_DOCTOR_SESSION_STORAGE_BYTES: wholeNumber(
    'RTC_DOCTOR_SESSION_STORAGE_BYTES',
    'bytes',
    1024,
    2 ** 50,
    DEFAULT_COLLABORATION_STORAGE_BYTES,
  ),
  /** Sessions one client may create (that store something) per hour; more get 429. */
  RTC_DOCTOR_SESSION_CREATES_PER_HOUR: wholeNumber(
    'RTC_DOCTOR_SESSION_CREATES_PER_HOUR',
    'sessions',
    1,
    1_000_000,
    DEFAULT_COLLABORATION_CREATES_PER_HOUR,
  ),
  /** Session event streams one client may hold open in one server process; more get 503. */
  RTC_DOCTOR_SESSION_STREAMS_PER_CLIENT: wholeNumber(
    'RTC_DOCTOR_SESSION_STREAMS_PER_CLIENT',
    'streams',
    1,
    1_000_000,
    DEFAULT_COLLABORATION_STREAMS_PER_CLIENT,
  ),
  /** Session event streams one server process holds open, all clients together; more get 503. */
  RTC_DOCTOR_SESSION_STREAMS_PER_PROCESS: wholeNumber(
    'RTC_DOCTOR_SESSION_STREAMS_PER_PROCESS',
    'streams',
    1,
    1_000_000,
    DEFAULT_COLLABORATION_STREAMS_PER_PROCESS,
  ),
  /** The longest a session event stream stays open; then it sends `retry:` and ends, and the client reconnects. */
  RTC_DOCTOR_SESSION_STREAM_SECONDS: wholeNumber(
    'RTC_DOCTOR_SESSION_STREAM_SECONDS',
    'seconds',
    1,
    24 * 3600,
    DEFAULT_COLLABORATION_STREAM_SECONDS,
  ),
  RTC_DOCTOR_ALGORITHMS: algorithmSet,
  RTC_DOCTOR_TRUSTED_PROXIES: trustedProxies,
  /** The bearer token Prometheus sends to GET /api/metrics; unset, the endpoint does not exist (404). */
  RTC_DOCTOR_METRICS_TOKEN: z
    .string()
    .min(16, 'RTC_DOCTOR_METRICS_TOKEN must be at least 16 characters: it is a password for the metrics endpoint')
    .regex(/^[\x21-\x7e]+$/, 'RTC_DOCTOR_METRICS_TOKEN must be printable ASCII without spaces (it is sent in a header)')
    .optional(),
});

export type Environment = z.infer<typeof environmentSchema>;

/** The server's settings, checked once: a wrong value stops start-up with a message naming it. */
export function readEnvironment(source: Record<string, string | undefined> = process.env): Environment {
  const result = environmentSchema.safeParse({
    DATABASE_URL: source.DATABASE_URL || undefined,
    RTC_DOCTOR_DATA_DIR: source.RTC_DOCTOR_DATA_DIR || undefined,
    RTC_DOCTOR_RATE_LIMITS: source.RTC_DOCTOR_RATE_LIMITS || undefined,
    BETTER_AUTH_SECRET: source.BETTER_AUTH_SECRET || undefined,
    BETTER_AUTH_URL: source.BETTER_AUTH_URL || undefined,
    RTC_DOCTOR_SESSION_IDLE_SECONDS: source.RTC_DOCTOR_SESSION_IDLE_SECONDS || undefined,
    RTC_DOCTOR_SESSION_HEARTBEAT_SECONDS: source.RTC_DOCTOR_SESSION_HEARTBEAT_SECONDS || undefined,
    RTC_DOCTOR_SESSION_STORAGE_BYTES: source.RTC_DOCTOR_SESSION_STORAGE_BYTES || undefined,
    RTC_DOCTOR_SESSION_CREATES_PER_HOUR: source.RTC_DOCTOR_SESSION_CREATES_PER_HOUR || undefined,
    RTC_DOCTOR_SESSION_STREAMS_PER_CLIENT: source.RTC_DOCTOR_SESSION_STREAMS_PER_CLIENT || undefined,
    RTC_DOCTOR_SESSION_STREAMS_PER_PROCESS: source.RTC_DOCTOR_SESSION_STREAMS_PER_PROCESS || undefined,
    RTC_DOCTOR_SESSION_STREAM_SECONDS: source.RTC_DOCTOR_SESSION_STREAM_SECONDS || undefined,
    RTC_DOCTOR_ALGORITHMS: source.RTC_DOCTOR_ALGORITHMS || undefined,
    RTC_DOCTOR_TRUSTED_PROXIES: source.RTC_DOCTOR_TRUSTED_PROXIES || undefined,
    RTC_DOCTOR_METRICS_TOKEN: source.RTC_DOCTOR_METRICS_TOKEN || undefined,
  });
  if (!result.success) {
    throw new Error(
      `Invalid environment: ${result.error.issues.map((issue) => (issue.message.startsWith(String(issue.path[0])) ? issue.message : `${issue.path.join('.')}: ${issue.message}`)).join('; ')}`,
    );
  }
  return result.data;
}

/** The deployment's accepted algorithm set: what every check uses unless the request names its own. */
export function deploymentAlgorithms(source: Record<string, string | undefined> = process.env) {
  return readEnvironment(source).RTC_DOCTOR_ALGORITHMS;
}
