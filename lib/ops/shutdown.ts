// What the app does when its server stops (the shell, server/shutdown.mjs, calls these through the bridge).
import { closeCollaborationService } from '@/lib/collaboration';
import { COLLABORATION_STREAM_RETRY_MS } from '@/lib/collaboration/limits';
import { closeDatabase } from '@/lib/db';
import { reconnectEveryStream } from '@/lib/http/sse';

const state = globalThis as typeof globalThis & { rtcDoctorDraining?: boolean };

/** True once the server has begun to stop: readiness answers 503 from then on. */
export function isDraining(): boolean {
  return state.rtcDoctorDraining === true;
}

/** Stops saying ready and sends every event stream its reconnect event. */
export function beginShutdown(): void {
  state.rtcDoctorDraining = true;
  reconnectEveryStream(COLLABORATION_STREAM_RETRY_MS);
}

/** After the last request has been answered: the session listener's connection, then the database. */
export async function finishShutdown(): Promise<void> {
  await closeCollaborationService();
  await closeDatabase();
}
