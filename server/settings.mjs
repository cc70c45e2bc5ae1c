// The server process's own settings, read before Next.js loads: where it listens, how many processes share the
// port, how long a shutdown may take, and how it logs. The portal's other settings are lib/config/env.ts's.
import { availableParallelism } from 'node:os';
import { z } from 'zod';

export const DEFAULT_SHUTDOWN_GRACE_SECONDS = 10;
/** More workers than this is a typo, not a machine. */
export const MAX_WORKERS = 64;
export const LOG_FORMATS = ['json', 'pretty'];

/** A setting read by `read`, which answers undefined for a value it refuses: then `rule` says why, with the value. */
const setting = (read, rule) =>
  z.string().transform((value, context) => {
    const result = read(value);
    if (result !== undefined) return result;
    context.addIssue({ code: 'custom', message: `${rule}, not "${value}".` });
    return z.NEVER;
  });

const port = setting(
  (value) => (/^\d{1,5}$/.test(value) && Number(value) <= 65535 ? Number(value) : undefined),
  'PORT must be a port number from 0 to 65535',
);

const workers = setting((value) => {
  if (value === 'auto') return availableParallelism();
  return /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= MAX_WORKERS ? Number(value) : undefined;
}, `RTC_DOCTOR_WORKERS must be "auto" or a whole number from 1 to ${MAX_WORKERS}`);

const graceSeconds = setting(
  (value) => (/^\d+(\.\d+)?$/.test(value) && Number(value) >= 1 && Number(value) <= 600 ? Number(value) : undefined),
  'RTC_DOCTOR_SHUTDOWN_GRACE_SECONDS must be a number of seconds from 1 to 600',
);

const logFormat = setting(
  (value) => (LOG_FORMATS.includes(value) ? value : undefined),
  'RTC_DOCTOR_LOG_FORMAT must be "json" or "pretty"',
);

const schema = z.object({
  PORT: port.prefault('3000'),
  HOSTNAME: z.string().min(1).default('0.0.0.0'),
  RTC_DOCTOR_WORKERS: workers.prefault('1'),
  RTC_DOCTOR_SHUTDOWN_GRACE_SECONDS: graceSeconds.prefault(String(DEFAULT_SHUTDOWN_GRACE_SECONDS)),
  RTC_DOCTOR_LOG_FORMAT: logFormat.optional(),
  DATABASE_URL: z.string().optional(),
});

/** An empty variable is an unset one, as `PORT= npm start` means. */
const withoutEmpty = (env) => Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));

/**
 * The settings, or an Error naming the first wrong one. `stdoutIsTerminal` chooses the log format when
 * RTC_DOCTOR_LOG_FORMAT does not: pretty lines for a person at a terminal, JSON lines for a log collector.
 */
export function serverSettings(env = process.env, stdoutIsTerminal = Boolean(process.stdout.isTTY)) {
  const parsed = schema.safeParse(withoutEmpty(env));
  if (!parsed.success) throw new Error(parsed.error.issues[0].message);
  const settings = parsed.data;
  if (settings.RTC_DOCTOR_WORKERS > 1 && !settings.DATABASE_URL)
    throw new Error(
      `RTC_DOCTOR_WORKERS=${env.RTC_DOCTOR_WORKERS} needs DATABASE_URL: the embedded database can be opened by one process only. Set DATABASE_URL to a PostgreSQL database that the workers share, or leave RTC_DOCTOR_WORKERS unset (1).`,
    );
  return {
    port: settings.PORT,
    hostname: settings.HOSTNAME,
    workers: settings.RTC_DOCTOR_WORKERS,
    graceMs: settings.RTC_DOCTOR_SHUTDOWN_GRACE_SECONDS * 1000,
    logFormat: settings.RTC_DOCTOR_LOG_FORMAT ?? (stdoutIsTerminal ? 'pretty' : 'json'),
  };
}
