import { dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 10;
/** better-auth's own ceiling, stated here so that the portal's rules and the library's agree. */
export const MAX_PASSWORD_LENGTH = 128;
/** An email's part before the @ shorter than this is not looked for inside a password ("ann" would refuse "banner"). */
export const MIN_EMAIL_PART_LENGTH = 4;

let common: Set<string> | undefined;

/**
 * The common-password list of zxcvbn-ts (@zxcvbn-ts/language-common): about 49 000 passwords ranked by how
 * often they occur in breached-password corpora, shipped in the package, so nothing is sent anywhere.
 */
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].map((entry) => entry.toLowerCase()));
  return common;
}

export type PasswordProblem = {
  code:
    | 'PASSWORD_TOO_SHORT'
    | 'PASSWORD_TOO_LONG'
    | 'PASSWORD_TOO_COMMON'
    | 'PASSWORD_IS_EMAIL'
    | 'PASSWORD_CONTAINS_EMAIL';
  message: string;
};

/**
 * What is wrong with a new password, or undefined when nothing is: too short or too long, one of the
 * well-known breached passwords, the email address itself, or containing the email's part before the @.
 * Letter case does not matter for the last three.
 */
export function passwordProblem(password: string, email?: string): PasswordProblem | undefined {
  const field = '"password"';
  if (password.length < MIN_PASSWORD_LENGTH)
    return { code: 'PASSWORD_TOO_SHORT', message: `${field}: use at least ${MIN_PASSWORD_LENGTH} characters.` };
  if (password.length > MAX_PASSWORD_LENGTH)
    return { code: 'PASSWORD_TOO_LONG', message: `${field}: use at most ${MAX_PASSWORD_LENGTH} characters.` };
  const folded = password.toLowerCase();
  if (email) {
    const address = email.toLowerCase();
    const at = address.lastIndexOf('@');
    const local = at > 0 ? address.slice(0, at) : address;
    if (folded === address) return { code: 'PASSWORD_IS_EMAIL', message: `${field}: must not be your email address.` };
    if (local.length >= MIN_EMAIL_PART_LENGTH && folded.includes(local))
      return {
        code: 'PASSWORD_CONTAINS_EMAIL',
        message: `${field}: must not contain the part of your email address before the @.`,
      };
  }
  if (commonPasswords().has(folded))
    return {
      code: 'PASSWORD_TOO_COMMON',
      message: `${field}: this is one of the most common passwords found in data breaches; choose another.`,
    };
  return undefined;
}
