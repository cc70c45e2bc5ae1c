// Runs once when a server process starts: a wrong setting stops it here, with the setting named, instead of
// surfacing later as a failed request; then the database is opened and migrated, so that the first request to
// need it does not wait for that. Node only: the check reads process.env and exits.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { checkSettingsOrExit } = await import('./lib/config/startup');
  checkSettingsOrExit();
  // Lets sign-in calls made while rendering set their cookies through Next.js; lib/ stays free of Next.js imports.
  const [{ nextCookies }, { registerAuthPlugins }] = await Promise.all([
    import('better-auth/next-js'),
    import('./lib/auth'),
  ]);
  registerAuthPlugins([nextCookies()]);
  // What the server shell (server.mjs) observes of each request, and what it asks of the app when it stops.
  const { installOpsBridge } = await import('./lib/ops/bridge');
  installOpsBridge();
  const { getDatabase } = await import('./lib/db');
  // A database that cannot be opened now is reported by the requests that need it, with their own errors.
  getDatabase().catch((error: unknown) =>
    console.error(`The database could not be opened yet: ${error instanceof Error ? error.message : String(error)}`),
  );
}
