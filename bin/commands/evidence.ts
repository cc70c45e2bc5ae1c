import type { Command } from 'commander';
import { storeKeySource } from '@/lib/accounts';
import { closeDatabase, getStore } from '@/lib/db';
import {
  analyseEvidence,
  describeTokenGroup,
  groupTokenFindings,
  readHar,
  type Evidence,
  type EvidenceFinding,
  type TokenFinding,
} from '@/lib/evidence';
import type { DiagnoseOptions } from '@/lib/jwt';
import {
  acceptedAlgorithms,
  ALGORITHMS_OPTION_HELP,
  parseFlags,
  readKeySetFile,
  readTextFile,
  timeFlags,
} from '../options';
import { colorEnabled, EXIT, painter, UsageError } from '../output';

interface EvidenceFlags {
  jwks?: string;
  apiKey?: string;
  now?: string;
  algorithms?: string;
  json?: boolean;
}

/** A HAR 1.2 file, else a plain-text log; a file that claims to be a HAR and is not one is a usage error. */
function readEvidence(text: string): Evidence {
  const har = readHar(text);
  if (!har) return { kind: 'log', text };
  if ('error' in har) throw new UsageError(har.error);
  return { kind: 'har', har: har.har };
}

/** The account's registered keys, from the database the server uses, as the debugger's "account" mode reads them. */
async function accountKeys(apiKey: string, algorithms: DiagnoseOptions['algorithms']) {
  try {
    const keySet = await storeKeySource(getStore, async () => null).byApiKey(apiKey, algorithms ?? []);
    if (!keySet)
      throw new UsageError(`No account has the API key ${apiKey.slice(0, 8)}…: copy it from the account page.`);
    return { keys: keySet.loaded.keys, keyWarnings: keySet.loaded.warnings, keySetName: keySet.name };
  } finally {
    await closeDatabase();
  }
}

function report(findings: EvidenceFinding[], paint: ReturnType<typeof painter>): string {
  const tokens = findings.filter((finding): finding is TokenFinding => finding.kind === 'token');
  const lines = [paint('bold', `${tokens.length} distinct token${tokens.length === 1 ? '' : 's'}`)];
  for (const group of groupTokenFindings(tokens)) {
    const mark = group.code ? paint('red', '✗') : paint('green', '✓');
    lines.push(`  ${mark} ${describeTokenGroup(group)}${group.docs ? `  ${paint('dim', group.docs)}` : ''}`);
  }
  for (const finding of findings) {
    if (finding.kind === 'origin')
      lines.push(
        `${finding.secure ? paint('green', '✓') : paint('red', '✗')} origin ${finding.origin}: ${finding.reason}${finding.fix ? ` ${finding.fix}` : ''}`,
      );
    if (finding.kind === 'session')
      lines.push(
        `  session ${finding.documentId} ${finding.call} at ${finding.at} (${finding.durationMs} ms): ${finding.status}${finding.outcome ? ` ${finding.outcome}` : ''}${finding.keyHint ? `, hint ${finding.keyHint}` : ''}`,
      );
    if (finding.kind === 'race')
      lines.push(
        `${paint('bold', 'race')} ${finding.documentId}: ${finding.creators} creators, ${finding.winner ? `won by hint ${finding.winner.keyHint} at ${finding.winner.at}` : 'no winner in the capture'}, ${finding.rejected} rejected; ${finding.loserAskedForWinnersKey ? 'a loser then asked for the winner’s key' : 'no loser asked for the winner’s key afterwards'}`,
      );
    if (finding.kind === 'clock')
      lines.push(
        `${finding.withinTolerance ? paint('green', '✓') : paint('red', '✗')} clock ${finding.where}: ${finding.aheadSeconds > 0 ? `a token's iat is ${finding.aheadSeconds} s ahead of the server's Date` : "no token's iat is ahead of the server's Date"} (${finding.serverDate})`,
      );
  }
  return lines.join('\n');
}

export function registerEvidence(program: Command, setExitCode: (code: number) => void) {
  program
    .command('evidence')
    .description(
      'Read a HAR capture or a log excerpt: diagnose every token in it, judge the page origin, lay out session calls.',
    )
    .argument('<file>', 'a HAR 1.2 file (as browsers export it) or a plain-text log')
    .option('--jwks <file>', 'the public keys to check signatures with: a JWK set, a JWK, a PEM key or certificate')
    .option(
      '--api-key <key>',
      "check against this account's registered keys, read from the server's database (PostgreSQL with DATABASE_URL; the embedded one only while no server has it open)",
    )
    .option('--now <time>', 'judge times at this moment: epoch seconds or ISO 8601 (default: now)')
    .option('--algorithms <list>', ALGORITHMS_OPTION_HELP)
    .option('--json', 'print one finding per line (NDJSON)')
    .addHelpText(
      'after',
      '\nExit codes: 0 every token is valid, 1 any token is invalid, 2 usage error.\n\nExamples:\n  rtc-doctor evidence capture.har --jwks jwks.json\n  rtc-doctor evidence server.log --api-key rtc_… --json',
    )
    .action(async (file: string, flags: EvidenceFlags) => {
      if (flags.jwks && flags.apiKey) throw new UsageError('Give either --jwks or --api-key, not both.');
      const { now } = parseFlags(timeFlags, { now: flags.now });
      const algorithms = acceptedAlgorithms(flags.algorithms);
      const evidence = readEvidence(await readTextFile(file, 'evidence'));
      const keys = flags.jwks
        ? await readKeySetFile(flags.jwks, algorithms).then((set) => ({ keys: set.keys, keyWarnings: set.warnings }))
        : flags.apiKey
          ? await accountKeys(flags.apiKey, algorithms)
          : {};
      const findings = await analyseEvidence(evidence, { ...keys, now, algorithms });
      if (flags.json) for (const finding of findings) process.stdout.write(`${JSON.stringify(finding)}\n`);
      else process.stdout.write(`${report(findings, painter(colorEnabled(process.stdout)))}\n`);
      const allValid = findings.every((finding) => finding.kind !== 'token' || finding.result.ok);
      setExitCode(allValid ? EXIT.ok : EXIT.invalid);
    });
}
