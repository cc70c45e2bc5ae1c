import type { PGlite } from '@electric-sql/pglite';
import { Client } from 'pg';
import { COLLABORATION_CHANNEL, type CollaborationAnnouncement } from './store';

/**
 * Hears a session's announcement. `undefined` means "announcements may have been missed" (the listening
 * connection was lost and is back): the listener should read the database again.
 */
export type CollaborationListener = (keyHint: string | undefined) => void;

/** Subscriptions by document id, fed by one database listener per process. */
export interface CollaborationNotifications {
  /** Resolves once the listener will hear every announcement committed from then on. Returns the unsubscribe. */
  subscribe(documentId: string, listener: CollaborationListener): Promise<() => void>;
  /** Resolves once the listener hears announcements (starting it if nobody has subscribed yet): readiness waits on it. */
  listening(): Promise<void>;
  /** How many listeners are subscribed in this process (for tests and clean-up checks). */
  size(): number;
  close(): Promise<void>;
}

/** The in-process fan-out: one database notification reaches every local subscriber of its document. */
class Subscribers {
  private readonly byDocument = new Map<string, Set<CollaborationListener>>();

  add(documentId: string, listener: CollaborationListener): () => void {
    let listeners = this.byDocument.get(documentId);
    if (!listeners) this.byDocument.set(documentId, (listeners = new Set()));
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.byDocument.get(documentId) === listeners) this.byDocument.delete(documentId);
    };
  }

  deliver(payload: string): void {
    let announcement: CollaborationAnnouncement;
    try {
      announcement = JSON.parse(payload) as CollaborationAnnouncement;
    } catch {
      return;
    }
    for (const listener of [...(this.byDocument.get(announcement.documentId) ?? [])]) listener(announcement.keyHint);
  }

  resync(): void {
    for (const listeners of [...this.byDocument.values()]) for (const listener of [...listeners]) listener(undefined);
  }

  size(): number {
    let total = 0;
    for (const listeners of this.byDocument.values()) total += listeners.size;
    return total;
  }
}

/** The embedded database is this process's own, so its LISTEN hears every creation there is. */
export function embeddedNotifications(client: PGlite): CollaborationNotifications {
  const subscribers = new Subscribers();
  let listening: Promise<() => Promise<void>> | undefined;
  return {
    async subscribe(documentId, listener) {
      await this.listening();
      return subscribers.add(documentId, listener);
    },
    async listening() {
      listening ??= client.listen(COLLABORATION_CHANNEL, (payload) => subscribers.deliver(payload));
      await listening;
    },
    size: () => subscribers.size(),
    async close() {
      if (listening) await (await listening)();
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * PostgreSQL: ONE extra connection per process runs LISTEN (not one per subscriber) and fans out in
 * process. If that connection drops, it reconnects with backoff and asks every subscriber to re-read.
 */
export function postgresNotifications(url: string): CollaborationNotifications {
  const subscribers = new Subscribers();
  let closed = false;
  let client: Client | undefined;
  let ready: Promise<void> | undefined;

  async function connect(): Promise<void> {
    for (let attempt = 0; !closed; attempt++) {
      const candidate = new Client({ connectionString: url, keepAlive: true });
      candidate.on('notification', (message) => {
        if (message.channel === COLLABORATION_CHANNEL && message.payload) subscribers.deliver(message.payload);
      });
      // An error is followed by 'end', which reconnects.
      candidate.on('error', () => undefined);
      candidate.on('end', () => {
        if (closed || client !== candidate) return;
        client = undefined;
        ready = connect().then(() => subscribers.resync());
        ready.catch(() => undefined);
      });
      try {
        await candidate.connect();
        await candidate.query(`LISTEN ${COLLABORATION_CHANNEL}`);
        client = candidate;
        return;
      } catch {
        await candidate.end().catch(() => undefined);
        await sleep(Math.min(5000, 100 * 2 ** attempt));
      }
    }
    throw new Error('Session notifications are closed.');
  }

  return {
    async subscribe(documentId, listener) {
      await this.listening();
      return subscribers.add(documentId, listener);
    },
    async listening() {
      ready ??= connect();
      await ready;
    },
    size: () => subscribers.size(),
    async close() {
      closed = true;
      const current = client;
      client = undefined;
      await current?.end().catch(() => undefined);
    },
  };
}
