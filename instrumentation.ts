// Runs once when a server process starts: a wrong setting stops it here, with the setting named,
// instead of surfacing later as a failed request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { readEnvironment } = await import('./lib/config/env');
  try {
    readEnvironment();
  } catch (error) {
    console.error(`RTC Doctor cannot start. ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
