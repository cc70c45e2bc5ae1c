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
  constructor(
    readonly store: SessionStore,
    readonly notifications: SessionNotifications,
  ) {}

  create(documentId: string, input: CreateSessionInput): Promise<CreateOutcome> {
    return this.store.create(documentId, input.keyHint, input.content);
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
      const keyHint = await this.store.touch(documentId);
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
