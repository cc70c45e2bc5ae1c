// `token example CODE`: the debugger's example tokens, found by the error code they show.
import { ERROR_SUMMARIES, type ErrorCode } from '@/lib/errors/summary';
import { createExampleTokens, type ExampleSet, type ExampleToken } from './examples';

export type ExampleForCode =
  { example: ExampleToken; jwks: ExampleSet['jwks'] } | { error: string; kind: 'unknown-code' | 'not-a-token-problem' };

/** The first example whose diagnosis reports `code`, or why there is none. */
export async function exampleForCode(code: string, now?: number): Promise<ExampleForCode> {
  const wanted = code.trim().toUpperCase();
  if (!Object.hasOwn(ERROR_SUMMARIES, wanted))
    return { kind: 'unknown-code', error: `${JSON.stringify(code)} is not an error code (see /docs/errors)` };
  const set = await createExampleTokens(now);
  const example = set.examples.find((candidate) => candidate.expected.includes(wanted as ErrorCode));
  if (example) return { example, jwks: set.jwks };
  const summary = ERROR_SUMMARIES[wanted as ErrorCode];
  return {
    kind: 'not-a-token-problem',
    error: `${wanted} (${summary.title}) is not something a token shows: it is about ${
      summary.category === 'public-keys' ? 'a public key (try `key check`)' : 'the page (try `origin`)'
    }`,
  };
}
