import { APIError, createAuthMiddleware, formCsrfMiddleware, getSessionFromCtx } from 'better-auth/api';
import { buildSyntheticUserOutput, parseUserInput, parseUserOutput } from 'better-auth/db';
import { z } from 'zod';
import { FIELD_LIMITS } from '@/lib/db/schema';
import type { ApiErrorCode } from '@/lib/errors/api';
import { passwordProblem } from './passwords';

/** Characters as the database counts them (code points), not UTF-16 units. */
const characters = (value: string) => [...value].length;

const atMost = (limit: number) => (value: string) => characters(value) <= limit;

const nameField = z
  .string({ error: 'must be a string' })
  .refine((value) => value.trim() !== '', 'must not be empty')
  .refine(atMost(FIELD_LIMITS.userName), `must be at most ${FIELD_LIMITS.userName} characters long`);
const imageField = z
  .string({ error: 'must be a string' })
  .refine(atMost(FIELD_LIMITS.userImage), `must be at most ${FIELD_LIMITS.userImage} characters long`);

/** What sign-up checks before better-auth does anything, so that every refusal is the same whether the email is taken or not. */
const signUpFields = z.looseObject({
  name: nameField,
  email: z
    .email({ error: 'must be an email address' })
    .refine(atMost(FIELD_LIMITS.userEmail), `must be at most ${FIELD_LIMITS.userEmail} characters long`),
  password: z.string({ error: 'must be a string' }),
  image: imageField.nullish(),
});

const updateFields = z.looseObject({ name: nameField.optional(), image: imageField.nullish() });

type AuthContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** A 400 in better-auth's error shape, `{ code, message }`, with a code of the one list (lib/errors/api.ts). */
function refuse(problem: { code: ApiErrorCode; message: string }): never {
  throw APIError.from('BAD_REQUEST', problem);
}

function refuseFields(error: z.ZodError): never {
  const message = error.issues
    .map((issue) => `${issue.path.length ? `"${issue.path.join('.')}"` : 'the body'}: ${issue.message}`)
    .join('; ');
  refuse({ code: 'VALIDATION_ERROR', message: `${message}.` });
}

function refusePassword(password: unknown, email?: string): void {
  if (typeof password !== 'string') return; // better-auth refuses a missing or non-string password itself
  const problem = passwordProblem(password, email);
  if (problem) refuse(problem);
}

/**
 * Sign-up: the stored fields' lengths and the password rules, then the same answer for an email that already
 * has an account as for a new one (200, `{ token: null, user }`), without creating or signing in anything. The
 * password is hashed either way, so the time taken does not tell the two apart either.
 */
async function beforeSignUp(ctx: AuthContext) {
  const fields = signUpFields.safeParse(ctx.body ?? {});
  if (!fields.success) refuseFields(fields.error);
  const { name, email, password, image, callbackURL: _callbackURL, rememberMe: _rememberMe, ...rest } = fields.data;
  refusePassword(password, email);
  // The checks better-auth makes before it looks the email up, in its order, so they answer alike too.
  await formCsrfMiddleware(ctx);
  const additional = parseUserInput(ctx.context.options, rest, 'create');
  const existing = await ctx.context.internalAdapter.findUserByEmail(email.toLowerCase());
  if (!existing?.user) return;
  await ctx.context.password.hash(password);
  const now = new Date();
  const synthetic = buildSyntheticUserOutput(ctx.context.options, {
    name,
    email: email.toLowerCase(),
    emailVerified: false,
    image: image ?? null,
    createdAt: now,
    updatedAt: now,
    ...additional,
    // A real sign-up answers with the new account's id here.
    customerAccountId: crypto.randomUUID(),
    id: crypto.randomUUID(),
  });
  return ctx.json({
    token: null,
    user: parseUserOutput(ctx.context.options, synthetic as Parameters<typeof parseUserOutput>[1]),
  });
}

export const beforeAuthRequest = createAuthMiddleware(async (ctx) => {
  switch (ctx.path) {
    case '/sign-up/email':
      return beforeSignUp(ctx);
    case '/update-user': {
      const fields = updateFields.safeParse(ctx.body ?? {});
      if (!fields.success) refuseFields(fields.error);
      return;
    }
    case '/change-password':
      refusePassword(ctx.body?.newPassword, (await getSessionFromCtx(ctx))?.user.email);
      return;
    case '/reset-password':
      refusePassword(ctx.body?.newPassword);
      return;
  }
});

/** A new account's sign-up answers without the session token in the body (the cookie carries it), as an existing email's does. */
export const afterAuthRequest = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== '/sign-up/email') return;
  const returned = ctx.context.returned;
  if (returned && typeof returned === 'object' && 'token' in returned && 'user' in returned && returned.token !== null)
    return ctx.json({ ...returned, token: null });
});
