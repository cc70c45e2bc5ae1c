import path from 'node:path';
import { readEnvironment } from '@/lib/config/env';
import { ensurePrivateDirectory, openDatabase, type OpenDatabase } from './connect';
import { Store } from './store';

export {
  KeyConflictError,
  Store,
  type Account,
  type Actor,
  type AuditEvent,
  type NewKey,
  type Role,
  type RoleChange,
  type StoredKey,
  type User,
} from './store';

const BUNDLE_PURGE_INTERVAL_MS = 60 * 60 * 1000;

// One database per server process, kept across hot reloads in development.
const holder = globalThis as typeof globalThis & {
  rtcDoctorDatabase?: Promise<{ opened: OpenDatabase; store: Store }>;
  /** The same, once open: for readers that must not open it themselves (the metrics). */
  rtcDoctorOpenDatabase?: OpenDatabase;
  rtcDoctorBundlePurge?: ReturnType<typeof setInterval>;
};

/** The process's database if it is open already; never opens it. */
export function databaseIfOpen(): OpenDatabase | undefined {
  return holder.rtcDoctorOpenDatabase;
}

/** The process's database: PostgreSQL when DATABASE_URL is set, otherwise the embedded database under RTC_DOCTOR_DATA_DIR. */
export function getDatabase(): Promise<OpenDatabase> {
  return openOnce().then(({ opened }) => opened);
}

export function getStore(): Promise<Store> {
  return openOnce().then(({ store }) => store);
}

function openOnce(): Promise<{ opened: OpenDatabase; store: Store }> {
  holder.rtcDoctorDatabase ??= (async () => {
    const environment = readEnvironment();
    let dataDir: string | undefined;
    if (!environment.DATABASE_URL) {
      // The data directory and the database directory in it are this user's only; openDatabase sees to the latter.
      ensurePrivateDirectory(path.resolve(environment.RTC_DOCTOR_DATA_DIR));
      dataDir = path.resolve(environment.RTC_DOCTOR_DATA_DIR, 'db');
    }
    const opened = await openDatabase({ url: environment.DATABASE_URL, dataDir });
    const store = new Store(opened.db);
    holder.rtcDoctorOpenDatabase = opened;
    // Reads already hide an expired bundle; this deletes it, even when nobody sends another to trigger the purge.
    holder.rtcDoctorBundlePurge = setInterval(
      () => store.bundles.purgeExpired().catch(() => undefined),
      BUNDLE_PURGE_INTERVAL_MS,
    ).unref();
    return { opened, store };
  })();
  return holder.rtcDoctorDatabase;
}

/** Closes the process's database (scripts that finish; the server keeps it open). */
export async function closeDatabase(): Promise<void> {
  const pending = holder.rtcDoctorDatabase;
  holder.rtcDoctorDatabase = undefined;
  holder.rtcDoctorOpenDatabase = undefined;
  clearInterval(holder.rtcDoctorBundlePurge);
  if (pending) await (await pending).opened.close();
}
