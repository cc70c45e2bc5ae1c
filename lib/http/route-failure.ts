import { apiError } from './json';

/**
 * What a log line may say about a failure: the error's class and, for database and system errors, their
 * code. Never its message: a failed query's message carries the SQL and every parameter (session content,
 * kids, emails), and a parse error's message quotes its input.
 */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const codes: string[] = [];
  for (let current: unknown = error; current instanceof Error && codes.length < 4; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Za-z0-9_]{1,40}$/.test(code)) codes.push(code);
  }
  const cause = error.cause instanceof Error ? ` caused by ${errorName(error.cause)}` : '';
  return `${errorName(error)}${cause}${codes.length ? ` (${[...new Set(codes)].join(', ')})` : ''}`;
}

// Some libraries leave `name` as plain "Error" on their own classes (drizzle's DrizzleQueryError does).
function errorName(error: Error): string {
  return error.name === 'Error' && error.constructor.name && error.constructor.name !== 'Error'
    ? error.constructor.name
    : error.name;
}

/** Writes one line naming where it failed and what kind of failure it was; see {@link describeFailure}. */
export function logFailure(
  where: string,
  error: unknown,
  log: (line: string) => void = (line) => console.error(line),
): void {
  log(`${where} failed: ${describeFailure(error)}`);
}

/** The one answer to a failure the portal did not foresee. */
export function internalError(): Response {
  return apiError(
    'INTERNAL_ERROR',
    'Something went wrong on our side and the request was not completed. Try again in a moment; if it keeps happening, tell us what you were doing.',
  );
}

/**
 * Wraps a route handler so that an unforeseen failure answers the usual JSON error and logs one line
 * (see {@link logFailure}) instead of reaching Next.js, which would log the whole error, query and all.
 */
export function guardRoute<Args extends unknown[]>(
  where: string,
  handler: (...args: Args) => Response | Promise<Response>,
  log?: (line: string) => void,
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      logFailure(where, error, log);
      return internalError();
    }
  };
}
