import { z } from 'zod';

const environmentSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL must be a postgres:// or postgresql:// URL' }).optional(),
  RTC_DOCTOR_DATA_DIR: z.string().min(1).default('./data'),
  BETTER_AUTH_SECRET: z.string().optional(),
  /** The public address of the portal, e.g. https://rtc-doctor.example.com; inferred from requests when unset. */
  BETTER_AUTH_URL: z.url({ error: 'BETTER_AUTH_URL must be a URL' }).optional(),
  /** "off" only for benchmarks, which must measure the work and not the limiter. */
  RTC_DOCTOR_RATE_LIMITS: z.enum(['on', 'off'], { error: 'RTC_DOCTOR_RATE_LIMITS must be "on" or "off"' }).default('on'),
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
  });
  if (!result.success) throw new Error(`Invalid environment: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return result.data;
}
