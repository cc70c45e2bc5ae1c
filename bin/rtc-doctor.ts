#!/usr/bin/env -S npx tsx
// The command line face of RTC Doctor: a thin shell over lib/, giving the same verdicts as the API and the browser.
import { Command, CommanderError } from 'commander';
import { registerDiagnose } from './commands/diagnose';
import { registerEvidence } from './commands/evidence';
import { registerKeyCheck } from './commands/key-check';
import { registerOrigin } from './commands/origin';
import { registerStaff } from './commands/staff';
import { registerToken } from './commands/token';
import { EXIT, UsageError } from './output';

let exitCode: number = EXIT.ok;
const program = new Command('rtc-doctor')
  .description(
    'Diagnose real-time collaboration problems: identity tokens, public keys, secure contexts and captured evidence; sign test tokens; manage support staff.',
  )
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

const setExitCode = (code: number) => {
  exitCode = code;
};
registerDiagnose(program, setExitCode);
registerEvidence(program, setExitCode);
registerKeyCheck(program, setExitCode);
registerOrigin(program, setExitCode);
registerStaff(program, setExitCode);
registerToken(program, setExitCode);

async function main() {
  try {
    await program.parseAsync(process.argv);
    process.exitCode = exitCode;
  } catch (error) {
    reportFailure(error);
  }
}

function reportFailure(error: unknown) {
  if (error instanceof CommanderError) {
    // Help and version print and succeed; every other parser complaint is a usage error.
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else if (error instanceof UsageError) {
    process.stderr.write(`rtc-doctor: ${error.message}\n`);
    process.exitCode = EXIT.usage;
  } else {
    process.stderr.write(`rtc-doctor: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT.usage;
  }
}

void main();
