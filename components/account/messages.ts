import { ERROR_SUMMARIES } from '@/lib/errors/summary';

/** Catalog wording the account page shows in the browser. */
export interface AccountMessages {
  /** What the editor shows when no key of the account fits a token. */
  emptyKeySet: string;
  privateKey: { code: 'KEY_IS_PRIVATE'; title: string; message: string };
}

/** Read on the server and handed to the page's client parts, so the whole catalog stays out of the browser. */
export function accountMessages(): AccountMessages {
  const { code, title, message } = ERROR_SUMMARIES.KEY_IS_PRIVATE;
  return { emptyKeySet: ERROR_SUMMARIES.JWKS_UNAVAILABLE.message, privateKey: { code, title, message } };
}
