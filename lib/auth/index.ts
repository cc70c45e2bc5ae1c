import { getDatabase, getStore } from '@/lib/db';
import { authOptionsFromEnvironment, createAuth, viewerFrom, type Auth } from './server';
import type { Viewer } from './permissions';

export type { Viewer } from './permissions';
export { AUTH_BODY_LIMIT } from './server';

const holder = globalThis as typeof globalThis & { rtcDoctorAuth?: Promise<Auth> };

/** The process's sign-in service, over the same database as everything else. */
export function getAuth(): Promise<Auth> {
  holder.rtcDoctorAuth ??= (async () => createAuth((await getDatabase()).db, await getStore(), authOptionsFromEnvironment()))();
  return holder.rtcDoctorAuth;
}

export async function getViewer(headers: Headers): Promise<Viewer> {
  return viewerFrom(await getAuth(), headers);
}
