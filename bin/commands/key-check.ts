import type { Command } from 'commander';
import { checkKeys, keyCheckReport, type KeyCheckResult } from '@/lib/jwk/check';
import { acceptedAlgorithms, ALGORITHMS_OPTION_HELP, readTextFile } from '../options';
import { colorEnabled, EXIT, painter } from '../output';

function formatReport(result: KeyCheckResult, paint: ReturnType<typeof painter>): string {
  const lines: string[] = [];
  const count = result.keys.length;
  lines.push(
    result.ok
      ? `${paint(['bold', 'green'], '✓ valid')}: ${count} key${count === 1 ? '' : 's'}, all usable.`
      : `${paint(['bold', 'red'], '✗ invalid')}: see the problems below.`,
  );
  for (const error of result.errors)
    lines.push(`  ${paint('red', 'error')}   ${paint('bold', error.code)}  ${error.message}`);
  result.keys.forEach((key, index) => {
    const size = key.bits ? `${key.bits} bits` : (key.crv ?? '');
    const mark = key.errors.length ? paint('red', '✗') : paint('green', '✓');
    lines.push(
      `${mark} key ${index + 1}: kid ${key.kid ?? '(none)'}  ${[key.kty, key.alg, size].filter(Boolean).join(' ')}`,
    );
    if (key.thumbprint) lines.push(`    thumbprint ${key.thumbprint}`);
    for (const error of key.errors)
      lines.push(`    ${paint('red', 'error')}   ${paint('bold', error.code)}  ${error.message}`);
    for (const warning of key.warnings)
      lines.push(`    ${paint('yellow', 'warning')} ${paint('bold', warning.code)}  ${warning.message}`);
  });
  return lines.join('\n');
}

export function registerKeyCheck(program: Command, setExitCode: (code: number) => void) {
  const key = program.command('key').description('Work with public keys (JWK sets, JWKs, PEM).');
  key
    .command('check')
    .description('Validate every public key in a file and compute its RFC 7638 thumbprint.')
    .argument('<file>', 'a JWK set, a single JWK, PEM public keys (SPKI or PKCS#1) or PEM X.509 certificates')
    .option('--algorithms <list>', ALGORITHMS_OPTION_HELP)
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nExit codes: 0 every key is usable, 1 any key has a problem, 2 usage error (unreadable file).',
    )
    .action(async (file: string, flags: { json?: boolean; algorithms?: string }) => {
      const algorithms = acceptedAlgorithms(flags.algorithms);
      const result = await checkKeys(await readTextFile(file, 'key'), { algorithms });
      process.stdout.write(
        `${flags.json ? JSON.stringify(keyCheckReport(result)) : formatReport(result, painter(colorEnabled(process.stdout)))}\n`,
      );
      setExitCode(result.ok ? EXIT.ok : EXIT.invalid);
    });
}
