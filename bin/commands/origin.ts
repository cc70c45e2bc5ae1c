import type { Command } from 'commander';
import { checkSecureContext, recipeById, recipeHref, type SecureContextVerdict } from '@/lib/secure-context';
import { colorEnabled, EXIT, painter, UsageError } from '../output';

const DOCS_BASE = process.env.RTC_DOCTOR_URL ?? 'http://localhost:3000';

function formatReport(verdict: SecureContextVerdict, paint: ReturnType<typeof painter>): string {
  const lines = [
    verdict.secure
      ? `${paint(['bold', 'green'], '✓ secure')}: ${verdict.origin} is a secure context; RTC can run there.`
      : `${paint(['bold', 'red'], '✗ not secure')}: ${verdict.origin} is not a secure context; RTC will refuse to start.`,
    `  ${paint('cyan', 'url    ')} ${verdict.canonical}`,
    `  ${paint('cyan', 'reason ')} ${verdict.reason}`,
  ];
  if (verdict.fix) {
    lines.push(`  ${paint('yellow', 'fix    ')} ${verdict.fix.summary}`);
    for (const step of verdict.fix.steps) lines.push(`          - ${step}`);
    for (const id of verdict.fix.recipes)
      lines.push(`          Recipe, ${recipeById(id).label}: ${DOCS_BASE}${recipeHref(id)}`);
  }
  lines.push(`  ${paint('cyan', 'frames ')} ${verdict.frames}`);
  lines.push(`  ${paint('dim', `${DOCS_BASE}${verdict.docs.guide}`)}`);
  return lines.join('\n');
}

export function registerOrigin(program: Command, setExitCode: (code: number) => void) {
  program
    .command('origin')
    .description(
      'Tell whether a page at this URL is a secure context, as browsers decide it, and how to fix it when not.',
    )
    .argument('[url]', 'the URL of the page that loads the editor')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nExit codes: 0 secure, 1 not secure, 2 usage error (missing or unparseable URL).\n\nExamples:\n  rtc-doctor origin http://192.168.1.20:3000\n  rtc-doctor origin https://editor.example.com --json',
    )
    .action((url: string | undefined, flags: { json?: boolean }) => {
      if (url === undefined)
        throw new UsageError('Give the URL to check, e.g. rtc-doctor origin http://192.168.1.20:3000');
      const check = checkSecureContext(url);
      if (!check.ok) throw new UsageError(check.message);
      const { verdict } = check;
      process.stdout.write(
        `${flags.json ? JSON.stringify(verdict) : formatReport(verdict, painter(colorEnabled(process.stdout)))}\n`,
      );
      setExitCode(verdict.secure ? EXIT.ok : EXIT.invalid);
    });
}
