// Runs once when a server process starts: a wrong setting stops it here, with the setting named,
// instead of surfacing later as a failed request. Node only: the check reads process.env and exits.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { checkSettingsOrExit } = await import('./lib/config/startup');
  checkSettingsOrExit();
}
