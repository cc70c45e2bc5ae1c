import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import {
  describeRelative,
  diagnoseToken,
  formatEpoch,
  problemCount,
  SIGNATURE_NOT_CHECKED,
  tokenProblems,
  UNCHECKED_CONSEQUENCE,
  UNCHECKED_HEADLINE,
  verdictOf,
  type Diagnosis,
} from '@/lib/jwt';
import { acceptedAlgorithms, ALGORITHMS_OPTION_HELP, parseFlags, readKeySetFile, timeFlags } from '../options';
import { colorEnabled, EXIT, painter } from '../output';

interface DiagnoseFlags {
  jwks?: string;
  now?: string;
  tolerance?: string;
  algorithms?: string;
  json?: boolean;
}

const BATCH = 64;
const DOCS_BASE = process.env.RTC_DOCTOR_URL ?? 'http://localhost:3000';

async function* stdinTokens(): AsyncGenerator<string> {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() !== '') yield line;
  }
}

/**
 * Without --jwks the summary says "not checked" as the page does, and counts only the token's own problems; the
 * exit code and the JSON stay as the contract has them (JWKS_UNAVAILABLE, ok false, exit 1: not a pass).
 */
function formatReport(
  diagnosis: Diagnosis,
  label: string,
  keysGiven: boolean,
  paint: ReturnType<typeof painter>,
): string {
  const lines: string[] = [];
  const verdict = verdictOf(diagnosis, keysGiven);
  const problems = tokenProblems(diagnosis.errors, keysGiven);
  // Only a token sound enough to reach the key step (rules 1–5 passed) had its signature left unchecked.
  const unchecked =
    problems.length < diagnosis.errors.length ? ` ${SIGNATURE_NOT_CHECKED.slice(0, -1)}: no --jwks was given.` : '';
  if (verdict === 'accepted') {
    const key = diagnosis.key
      ? ` with key ${diagnosis.key.kid ? `"${diagnosis.key.kid}"` : diagnosis.key.thumbprint}`
      : '';
    lines.push(
      `${paint(['bold', 'green'], '✓ valid')} ${label}: the token will be accepted (signature verified${key}).`,
    );
  } else if (verdict === 'unchecked') {
    lines.push(
      `${paint(['bold', 'yellow'], '? not checked')} ${label}: ${UNCHECKED_HEADLINE} ${UNCHECKED_CONSEQUENCE} Give them with --jwks FILE.`,
    );
  } else {
    lines.push(`${paint(['bold', 'red'], '✗ invalid')} ${label}: ${problemCount(problems.length)}.${unchecked}`);
  }
  for (const error of diagnosis.errors) {
    const kind = problems.includes(error) ? paint('red', 'error  ') : paint('yellow', 'note   ');
    lines.push(`  ${kind} ${paint('bold', error.code)}  ${error.finding ? `${error.finding}. ` : ''}${error.message}`);
    lines.push(`          ${paint('dim', `${DOCS_BASE}${error.docs}`)}`);
  }
  for (const warning of diagnosis.warnings) {
    lines.push(`  ${paint('yellow', 'warning')} ${paint('bold', warning.code)}  ${warning.message}`);
  }
  if (diagnosis.header) lines.push(`  ${paint('cyan', 'header ')} ${JSON.stringify(diagnosis.header)}`);
  if (diagnosis.payload) lines.push(`  ${paint('cyan', 'payload')} ${JSON.stringify(diagnosis.payload)}`);
  const exp = diagnosis.payload?.exp;
  if (typeof exp === 'number' && Number.isFinite(exp)) {
    lines.push(`  ${paint('cyan', 'expires')} ${formatEpoch(exp)} (${describeRelative(exp - diagnosis.checkedAt)})`);
  }
  return lines.join('\n');
}

export function registerDiagnose(program: Command, setExitCode: (code: number) => void) {
  program
    .command('diagnose')
    .description('Check RTC identity tokens against every rule and report every problem at once.')
    .argument('[token]', 'the token; omit it or pass "-" to read tokens from stdin, one per line')
    .option(
      '--jwks <file>',
      "the account's public keys: a JWK set, a single JWK, a PEM public key or a PEM certificate",
    )
    .option('--now <time>', 'judge times at this moment: epoch seconds or ISO 8601 (default: now)')
    .option('--tolerance <seconds>', 'clock tolerance in seconds (default: 30)')
    .option('--algorithms <list>', ALGORITHMS_OPTION_HELP)
    .option('--json', 'print the result as JSON (one object per line when reading stdin)')
    .addHelpText(
      'after',
      '\nExit codes: 0 every token is valid, 1 any token is invalid, 2 usage error.\n\nExamples:\n  rtc-doctor diagnose eyJhbGciOi... --jwks jwks.json\n  cat tokens.txt | rtc-doctor diagnose --jwks public.pem --json',
    )
    .action(async (token: string | undefined, flags: DiagnoseFlags) => {
      const { now, tolerance } = parseFlags(timeFlags, { now: flags.now, tolerance: flags.tolerance });
      const algorithms = acceptedAlgorithms(flags.algorithms);
      const keySet = flags.jwks ? await readKeySetFile(flags.jwks, algorithms) : undefined;
      const options = { keys: keySet?.keys, keyWarnings: keySet?.warnings, now, tolerance, algorithms };
      const paint = painter(!flags.json && colorEnabled(process.stdout));
      let allValid = true;
      let count = 0;
      const emit = (diagnosis: Diagnosis, label: string) => {
        allValid &&= diagnosis.ok;
        process.stdout.write(
          `${flags.json ? JSON.stringify(diagnosis) : formatReport(diagnosis, label, keySet !== undefined, paint)}\n`,
        );
      };

      if (token !== undefined && token !== '-') {
        emit(await diagnoseToken(token, options), 'token');
      } else {
        // Tokens are checked in small concurrent batches; results still print in input order.
        let batch: string[] = [];
        const flush = async () => {
          const results = await Promise.all(batch.map((line) => diagnoseToken(line, options)));
          for (const diagnosis of results) emit(diagnosis, `token ${++count}`);
          batch = [];
        };
        for await (const line of stdinTokens()) {
          batch.push(line);
          if (batch.length === BATCH) await flush();
        }
        await flush();
      }
      setExitCode(allValid ? EXIT.ok : EXIT.invalid);
    });
}
