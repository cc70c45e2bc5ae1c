import { readEnvironment } from './env';

/** Checks every setting once as a server process starts; a wrong one stops it here, with the setting named. */
export function checkSettingsOrExit(): void {
  try {
    readEnvironment();
  } catch (error) {
    console.error(`RTC Doctor cannot start. ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
