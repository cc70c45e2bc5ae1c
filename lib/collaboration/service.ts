import type { OpenDatabase } from '@/lib/db/connect';
import {
  DEFAULT_COLLABORATION_HEARTBEAT_SECONDS,
  DEFAULT_COLLABORATION_STORAGE_BYTES,
  DEFAULT_COLLABORATION_STREAM_SECONDS,
  DEFAULT_COLLABORATION_STREAMS_PER_CLIENT,
  DEFAULT_COLLABORATION_STREAMS_PER_PROCESS,
  DEFAULT_COLLABORATION_CREATES_PER_HOUR,
} from './limits';
import { embeddedNotifications, postgresNotifications, type CollaborationNotifications } from './notifications';
import { CreateQuota } from './quota';
import { CollaborationStore, type StoreOutcome } from './store';
import { StreamSlots } from './streams';
import type { CreateCollaborationSessionInput } from './validate';

export interface CollaborationSettings {
  /** A session idle longer than this is gone: the next creator replaces it. */
  idleSeconds: number;
  /** What all stored sessions together may take (RTC_DOCTOR_SESSION_STORAGE_BYTES). */
  storageBytes?: number;
  /** Sessions one client may create per hour (RTC_DOCTOR_SESSION_CREATES_PER_HOUR); false counts nobody. */
  createsPerClientPerHour?: number | false;
  /** Event streams one client may hold open in this process (RTC_DOCTOR_SESSION_STREAMS_PER_CLIENT); false for no cap. */
  streamsPerClient?: number | false;
  /** Event streams this process holds open, all clients together (RTC_DOCTOR_SESSION_STREAMS_PER_PROCESS). */
  streamsPerProcess?: number;
  /** The longest an event stream stays open (RTC_DOCTOR_SESSION_STREAM_SECONDS). */
  streamSeconds?: number;
  /** How often an event stream sends a heartbeat comment (RTC_DOCTOR_SESSION_HEARTBEAT_SECONDS). */
  heartbeatSeconds?: number;
}

/** Over the per-client create limit: nothing was stored. */
export interface OverQuota {
  outcome: 'over-quota';
  /** The limit (sessions per client per hour). */
  limit: number;
  retryAfterSeconds: number;
}

export type CreateResult = StoreOutcome | OverQuota;

/** Creating sessions and waiting for them: the winner/loser protocol of contract section 4. */
export class CollaborationService {
  /** Creations this process has in flight, by document. */
  private readonly inFlight = new Map<string, Promise<CreateResult>>();
  /** How event streams are timed: heartbeats, and the lifetime after which a stream tells the client to reconnect. */
  readonly streamTiming: { heartbeatMs: number; lifetimeMs: number };

  constructor(
    readonly store: CollaborationStore,
    readonly notifications: CollaborationNotifications,
    /** Counts stored sessions per client; undefined counts nobody. */
    readonly quota?: CreateQuota,
    readonly streams: StreamSlots = new StreamSlots(
      DEFAULT_COLLABORATION_STREAMS_PER_CLIENT,
      DEFAULT_COLLABORATION_STREAMS_PER_PROCESS,
    ),
    timing: { heartbeatSeconds?: number; streamSeconds?: number } = {},
  ) {
    this.streamTiming = {
      heartbeatMs: (timing.heartbeatSeconds ?? DEFAULT_COLLABORATION_HEARTBEAT_SECONDS) * 1000,
      lifetimeMs: (timing.streamSeconds ?? DEFAULT_COLLABORATION_STREAM_SECONDS) * 1000,
    };
  }

  /**
   * The database decides (CollaborationStore.create). Creators of a document that arrive while this process
   * already has a creation of it in flight wait for that one instead of racing it in the database: whatever
   * it is told, created or rejected, names the session that now exists, so they are rejected with its key
   * hint; if it found no room, there is none for them either. Only if it fails, or its client was over its limit,
   * do they try for themselves. A crowd costs one attempt per process, not one each.
   *
   * `client` (the caller's client key) is counted against `quota` when the create stores a session; without a
   * client (internal callers, tests) nothing is counted.
   */
  async create(documentId: string, input: CreateCollaborationSessionInput, client?: string): Promise<CreateResult> {
    const leader = this.inFlight.get(documentId);
    if (leader) {
      const decided = await leader.catch(() => undefined);
      if (decided?.outcome === 'created' || decided?.outcome === 'rejected')
        return { outcome: 'rejected', keyHint: decided.keyHint };
      if (decided?.outcome === 'storage-full') return decided;
    }
    const attempt = this.attempt(documentId, input, client);
    this.inFlight.set(documentId, attempt);
    try {
      return await attempt;
    } finally {
      if (this.inFlight.get(documentId) === attempt) this.inFlight.delete(documentId);
    }
  }

  /**
   * A counted create reads first: a live session means a 409, which stores nothing and costs the client nothing.
   * Otherwise it reserves one of the client's creates before the database decides, and hands it back unless it won.
   */
  private async attempt(
    documentId: string,
    input: CreateCollaborationSessionInput,
    client: string | undefined,
  ): Promise<CreateResult> {
    const quota = this.quota;
    if (!quota || client === undefined) return this.store.create(documentId, input.keyHint, input.content);
    const existing = await this.store.findLive(documentId);
    if (existing !== undefined) return { outcome: 'rejected', keyHint: existing };
    const reservation = await quota.reserve(client);
    if (!reservation.ok)
      return { outcome: 'over-quota', limit: quota.perHour, retryAfterSeconds: reservation.retryAfterSeconds };
    let stored = false;
    try {
      const result = await this.store.create(documentId, input.keyHint, input.content);
      stored = result.outcome === 'created';
      return result;
    } finally {
      if (!stored) await quota.refund(client).catch(() => undefined);
    }
  }

  /**
   * Calls `onAvailable` once, with the winner's key hint, as soon as the document has a session: at once
   * if it already has one. Subscribes before reading, so a session created in between is heard, not missed;
   * whichever of the read and the announcement comes first is told, the other is ignored.
   */
  async watch(documentId: string, onAvailable: (keyHint: string) => void): Promise<() => void> {
    let done = false;
    let unsubscribe = () => {};
    const tell = (keyHint: string) => {
      if (done) return;
      done = true;
      unsubscribe();
      onAvailable(keyHint);
    };
    const read = async () => {
      const keyHint = await this.store.findLive(documentId);
      if (keyHint !== undefined) tell(keyHint);
    };
    unsubscribe = await this.notifications.subscribe(documentId, (keyHint) => {
      if (keyHint === undefined) read().catch(() => undefined);
      else tell(keyHint);
    });
    if (done) unsubscribe();
    try {
      await read();
    } catch (error) {
      unsubscribe();
      throw error;
    }
    return () => {
      done = true;
      unsubscribe();
    };
  }

  async close(): Promise<void> {
    await this.notifications.close();
  }
}

export function createCollaborationService(
  database: OpenDatabase,
  settings: CollaborationSettings,
): CollaborationService {
  const notifications = database.url
    ? postgresNotifications(database.url)
    : database.embedded
      ? embeddedNotifications(database.embedded)
      : undefined;
  if (!notifications) throw new Error('This database can carry no session notifications.');
  const perHour = settings.createsPerClientPerHour ?? DEFAULT_COLLABORATION_CREATES_PER_HOUR;
  const perClient = settings.streamsPerClient ?? DEFAULT_COLLABORATION_STREAMS_PER_CLIENT;
  return new CollaborationService(
    new CollaborationStore(
      database.db,
      settings.idleSeconds,
      settings.storageBytes ?? DEFAULT_COLLABORATION_STORAGE_BYTES,
    ),
    notifications,
    perHour === false ? undefined : new CreateQuota(perHour, database.pool),
    new StreamSlots(
      perClient === false ? undefined : perClient,
      settings.streamsPerProcess ?? DEFAULT_COLLABORATION_STREAMS_PER_PROCESS,
    ),
    { heartbeatSeconds: settings.heartbeatSeconds, streamSeconds: settings.streamSeconds },
  );
}
