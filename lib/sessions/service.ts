import type { OpenDatabase } from '@/lib/db/connect';
import { embeddedNotifications, postgresNotifications, type SessionNotifications } from './notifications';
import { SessionStore, type CreateOutcome } from './store';
import type { CreateSessionInput } from './validate';

export interface SessionSettings {
  /** A session idle longer than this is gone: the next creator replaces it. */
  idleSeconds: number;
}

/** Creating sessions and waiting for them: the winner/loser protocol of contract section 4. */
export class SessionService {
  /** Creations this process has in flight, by document. */
  private readonly inFlight = new Map<string, Promise<CreateOutcome>>();

  constructor(
    readonly store: SessionStore,
    readonly notifications: SessionNotifications,
  ) {}

  /**
   * The database decides (SessionStore.create). Creators of a document that arrive while this process
   * already has a creation of it in flight wait for that one instead of racing it in the database: whatever
   * it is told, created or rejected, names the session that now exists, so they are rejected with its key
   * hint. Only if it fails do they try for themselves. A crowd costs one attempt per process, not one each.
   */
  async create(documentId: string, input: CreateSessionInput): Promise<CreateOutcome> {
    const leader = this.inFlight.get(documentId);
    if (leader) {
      const decided = await leader.catch(() => undefined);
      if (decided) return { outcome: 'rejected', keyHint: decided.keyHint };
    }
    const attempt = this.store.create(documentId, input.keyHint, input.content);
    this.inFlight.set(documentId, attempt);
    try {
      return await attempt;
    } finally {
      if (this.inFlight.get(documentId) === attempt) this.inFlight.delete(documentId);
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

export function createSessionService(database: OpenDatabase, settings: SessionSettings): SessionService {
  const notifications = database.url ? postgresNotifications(database.url) : database.embedded ? embeddedNotifications(database.embedded) : undefined;
  if (!notifications) throw new Error('This database can carry no session notifications.');
  return new SessionService(new SessionStore(database.db, settings.idleSeconds), notifications);
}
