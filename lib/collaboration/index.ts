import { readEnvironment } from '@/lib/config/env';
import { getDatabase } from '@/lib/db';
import { createCollaborationService, type CollaborationService } from './service';

export {
  CollaborationService,
  createCollaborationService,
  type CreateResult,
  type OverQuota,
  type CollaborationSettings,
} from './service';
export {
  CollaborationStore,
  COLLABORATION_CHANNEL,
  collaborationSessionSize,
  type CreateOutcome,
  type StorageFull,
  type StoreOutcome,
} from './store';
export { StreamSlots, type StreamSlot } from './streams';
export * from './limits';
export * from './validate';

// One service per process (one LISTEN connection per process), kept across hot reloads in development.
const holder = globalThis as typeof globalThis & { rtcDoctorCollaboration?: Promise<CollaborationService> };

/** How often expired sessions are deleted; between purges they are already treated as gone. */
const PURGE_INTERVAL_MS = 60_000;

/**
 * The service with the deployment's settings. RTC_DOCTOR_RATE_LIMITS=off (benchmarks only) lifts the per-client
 * bounds (creates per hour, streams per client); the storage bound, the per-process stream cap and the stream
 * lifetime always hold.
 */
export function getCollaborationService(): Promise<CollaborationService> {
  holder.rtcDoctorCollaboration ??= getDatabase().then((database) => {
    const environment = readEnvironment();
    const perClient = environment.RTC_DOCTOR_RATE_LIMITS === 'on';
    const service = createCollaborationService(database, {
      idleSeconds: environment.RTC_DOCTOR_SESSION_IDLE_SECONDS,
      heartbeatSeconds: environment.RTC_DOCTOR_SESSION_HEARTBEAT_SECONDS,
      storageBytes: environment.RTC_DOCTOR_SESSION_STORAGE_BYTES,
      createsPerClientPerHour: perClient && environment.RTC_DOCTOR_SESSION_CREATES_PER_HOUR,
      streamsPerClient: perClient && environment.RTC_DOCTOR_SESSION_STREAMS_PER_CLIENT,
      streamsPerProcess: environment.RTC_DOCTOR_SESSION_STREAMS_PER_PROCESS,
      streamSeconds: environment.RTC_DOCTOR_SESSION_STREAM_SECONDS,
    });
    setInterval(() => service.store.purgeExpired().catch(() => undefined), PURGE_INTERVAL_MS).unref();
    return service;
  });
  return holder.rtcDoctorCollaboration;
}

/** Closes the process's service (its session listener's connection), if it was started; a server that stops calls it. */
export async function closeCollaborationService(): Promise<void> {
  const pending = holder.rtcDoctorCollaboration;
  holder.rtcDoctorCollaboration = undefined;
  if (pending) await (await pending.catch(() => undefined))?.close();
}
