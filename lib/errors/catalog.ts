import { ERROR_PROSE, type ErrorProse } from './prose';
import { ERROR_CODES, ERROR_SUMMARIES, type ErrorCode, type ErrorSummary } from './summary';

/** The whole catalog, summary and prose joined: for server code (docs pages, search, API, CLI), never the browser. */

export type ErrorEntry<C extends ErrorCode = ErrorCode> = ErrorSummary<C> & ErrorProse;

export const ERROR_CATALOG = Object.fromEntries(
  ERROR_CODES.map((code) => [code, { ...ERROR_SUMMARIES[code], ...ERROR_PROSE[code] }]),
) as { readonly [C in ErrorCode]: ErrorEntry<C> };

export { WARNING_CATALOG, WARNING_CODES, type WarningEntry } from './warnings';
export { ERROR_CODES };
export type { ErrorCategory, ErrorCode, WarningCode } from './summary';
