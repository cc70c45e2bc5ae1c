import type { Command } from 'commander';
import { z } from 'zod';
import { RECOMMENDED_LIFETIME_SECONDS } from '@/lib/jwt';
import { exampleForCode } from '@/lib/jwt/example-for-code';
import { readPrivateKey } from '@/lib/jwt/private-key';
import { parseClaimAssignment, parseDuration, signToken } from '@/lib/jwt/sign';
import { acceptedAlgorithms, ALGORITHMS_OPTION_HELP, parseFlags, readTextFile } from '../options';
import { EXIT, UsageError } from '../output';

/** The payload's sub when --sub is not given: a token for testing a deployment needs one to pass rule 6. */
export const DEFAULT_TEST_SUB = 'rtc-doctor-test-user';

const signFlags = z.object({
  key: z.string({ error: '--key FILE is required: the private key to sign with (PEM or JWK)' }),
  kid: z.string().min(1, '--kid must not be empty').optional(),
  sub: z.string().optional(),
  ttl: z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined) return RECOMMENDED_LIFETIME_SECONDS;
      const seconds = parseDuration(value);
      if (seconds === undefined) {
        context.addIssue({
          code: 'custom',
          message: `--ttl must be a duration such as 90s, 30m, 8h or 2d, not ${JSON.stringify(value)}`,
        });
        return z.NEVER;
      }
      return seconds;
    }),
  claim: z.array(z.string()).default([]),
  alg: z.string().optional(),
  algorithms: z.string().optional(),
});

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function registerToken(program: Command, setExitCode: (code: number) => void) {
  const token = program
    .command('token')
    .description('Make identity tokens for testing: signed with your key, or examples of each error.');
  token
    .command('sign')
    .description('Print a token signed with a private key (held in this process only, never printed).')
    .requiredOption('--key <file>', 'the private key: PEM (PKCS#8 or PKCS#1) or a private JWK')
    .option('--kid <kid>', "the header's kid (default: the JWK's own kid, else none)")
    .option('--sub <sub>', `the user's ID (default: ${DEFAULT_TEST_SUB})`)
    .option(
      '--ttl <duration>',
      `lifetime: 90s, 30m, 8h, 2d (default: the recommended ${RECOMMENDED_LIFETIME_SECONDS / 3600}h)`,
    )
    .option('--claim <name=value>', 'another payload claim, JSON or text; repeat for more', collect)
    .option('--alg <alg>', 'the algorithm (default: RS256 for an RSA key); only accepted ones sign')
    .option('--algorithms <list>', ALGORITHMS_OPTION_HELP)
    .addHelpText(
      'after',
      '\nExit codes: 0 printed, 2 an unreadable or public key, an algorithm outside the accepted set, or a usage error.',
    )
    .action(async (raw: Record<string, unknown>) => {
      const flags = parseFlags(signFlags, raw);
      const claims: Record<string, unknown> = {};
      for (const assignment of flags.claim) {
        const parsed = parseClaimAssignment(assignment);
        if ('error' in parsed) throw new UsageError(`--claim: ${parsed.error}.`);
        claims[parsed.name] = parsed.value;
      }
      const read = await readPrivateKey(await readTextFile(flags.key, '--key'));
      if ('error' in read) throw new UsageError(`--key ${JSON.stringify(flags.key)}: ${read.error}.`);
      const signed = await signToken({
        key: read.key,
        accepted: acceptedAlgorithms(flags.algorithms),
        alg: flags.alg,
        kid: flags.kid,
        sub: flags.sub ?? DEFAULT_TEST_SUB,
        ttlSeconds: flags.ttl,
        claims,
      });
      if ('error' in signed) throw new UsageError(`${flags.alg ? '--alg' : '--key'}: ${signed.error}.`);
      process.stdout.write(`${signed.token}\n`);
      setExitCode(EXIT.ok);
    });
  token
    .command('example')
    .description("Print an example token that shows an error code (the token debugger's examples).")
    .argument('<code>', 'an error code, e.g. TOKEN_EXPIRED')
    .option(
      '--json',
      'print { code, id, title, description, token, jwks }: the token and the public keys it was made for',
    )
    .addHelpText(
      'after',
      '\nEach run makes fresh keys; use --json to keep the JWK set that checks the token.\nExit codes: 0 printed, 2 an unknown code, a code no token shows (key and page problems), or a usage error.',
    )
    .action(async (code: string, flags: { json?: boolean }) => {
      const found = await exampleForCode(code);
      if ('error' in found) throw new UsageError(`${found.error}.`);
      const { example, jwks } = found;
      process.stdout.write(
        flags.json
          ? `${JSON.stringify({ code: code.trim().toUpperCase(), id: example.id, title: example.title, description: example.description, token: example.token, jwks })}\n`
          : `${example.token}\n`,
      );
      setExitCode(EXIT.ok);
    });
}
