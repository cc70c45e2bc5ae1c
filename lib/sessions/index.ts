import { readEnvironment } from '@/lib/config/env';
import { getDatabase } from '@/lib/db';
import { createSessionService, type SessionService } from './service';

export { SessionService, createSessionService } from './service';
export { SessionStore, SESSION_CHANNEL, type CreateOutcome } from './store';
export * from './validate';

// One service per process (one LISTEN connection per process), kept across hot reloads in development.
const holder = globalThis as typeof globalThis & { rtcDoctorSessions?: Promise<SessionService> };

/** How often expired sessions are deleted; between purges they are already treated as gone. */
const PURGE_INTERVAL_MS = 60_000;

export function getSessionService(): Promise<SessionService> {
  holder.rtcDoctorSessions ??= getDatabase().then((database) => {
    const service = createSessionService(database, { idleSeconds: readEnvironment().RTC_DOCTOR_SESSION_IDLE_SECONDS });
    setInterval(() => service.store.purgeExpired().catch(() => undefined), PURGE_INTERVAL_MS).unref();
    return service;
  });
  return holder.rtcDoctorSessions;
}

export function sessionHeartbeatMs(): number {
  return readEnvironment().RTC_DOCTOR_SESSION_HEARTBEAT_SECONDS * 1000;
}
