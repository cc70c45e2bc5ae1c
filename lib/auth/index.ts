import type { BetterAuthPlugin } from 'better-auth';
import { getDatabase, getStore } from '@/lib/db';
import { authOptionsFromEnvironment, createAuth, viewerFrom, type Auth } from './server';
import type { Viewer } from './permissions';

export type { Viewer } from './permissions';
export { AUTH_BODY_LIMIT } from './server';

// On globalThis because Next.js bundles instrumentation and each route apart: a module variable would not be shared.
const holder = globalThis as typeof globalThis & {
  rtcDoctorAuth?: Promise<Auth>;
  rtcDoctorAuthPlugins?: BetterAuthPlugin[];
};

/**
 * Framework plugins the app layer adds before the first request (instrumentation.ts adds better-auth's
 * Next.js cookie plugin), so that lib/ itself never imports Next.js code.
 */
export function registerAuthPlugins(plugins: BetterAuthPlugin[]): void {
  holder.rtcDoctorAuthPlugins = plugins;
}

/** The process's sign-in service, over the same database as everything else. */
export function getAuth(): Promise<Auth> {
  holder.rtcDoctorAuth ??= (async () =>
    createAuth((await getDatabase()).db, await getStore(), {
      ...authOptionsFromEnvironment(),
      plugins: holder.rtcDoctorAuthPlugins,
    }))();
  return holder.rtcDoctorAuth;
}

export async function getViewer(headers: Headers): Promise<Viewer> {
  return viewerFrom(await getAuth(), headers);
}
