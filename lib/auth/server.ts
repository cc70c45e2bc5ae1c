import path from 'node:path';
import { betterAuth, type BetterAuthPlugin } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { readEnvironment } from '@/lib/config/env';
import type { Database } from '@/lib/db/connect';
import { authAccounts, signInSessions, users, verifications } from '@/lib/db/schema';
import type { Store } from '@/lib/db/store';
import { afterAuthRequest, beforeAuthRequest } from './hooks';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords';
import type { Viewer } from './permissions';
import { authSecret } from './secret';
import { describeFailure } from '@/lib/http/route-failure';

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords';

export { AUTH_BODY_LIMIT } from '@/lib/http/body-limit';

/** Email and password sign-in (better-auth) over the portal's own database; every new user owns a new account. */
export function createAuth(
  db: Database,
  store: Store,
  options: { secret: string; baseURL?: string; plugins?: BetterAuthPlugin[] },
) {
  return betterAuth({
    appName: 'RTC Doctor',
    secret: options.secret,
    baseURL: options.baseURL,
    // Without a configured address, a request is trusted when it comes from the very site it was sent to.
    trustedOrigins: (request) => (options.baseURL || !request ? [] : ownOrigins(request)),
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: users, session: signInSessions, account: authAccounts, verification: verifications },
    }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      autoSignIn: true,
    },
    user: {
      additionalFields: {
        role: { type: 'string', required: false, defaultValue: 'owner', input: false },
        customerAccountId: { type: 'string', required: false, input: false },
      },
    },
    session: { expiresIn: 7 * 24 * 3600, updateAge: 24 * 3600 },
    advanced: { database: { generateId: () => crypto.randomUUID() } },
    telemetry: { enabled: false },
    // A failure that is not an answer (a failed query) goes up to the route's guard, which logs its kind only;
    // left here, it would be logged whole, SQL and parameters (emails, names) included.
    onAPIError: { throw: true },
    logger: { log: logAuthMessage },
    // Our limits (app/api/auth route, lib/api/route.ts) count clients by the socket address server.mjs stamps;
    // better-auth's own limiter would count them by X-Forwarded-For, which a client writes itself.
    rateLimit: { enabled: false },
    // Field lengths and password rules (400 naming the field), and one answer to sign-up whether or not the email is taken.
    hooks: { before: beforeAuthRequest, after: afterAuthRequest },
    databaseHooks: {
      user: {
        create: {
          before: async (user) => {
            const account = await store.createAccount({ name: `${user.name}’s account` });
            return { data: { ...user, role: 'owner', customerAccountId: account.id } };
          },
        },
      },
    },
    plugins: options.plugins ?? [],
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** better-auth's own log lines, with any error or object it attaches reduced to its kind. */
export function logAuthMessage(
  level: 'info' | 'warn' | 'error' | 'debug',
  message: string,
  ...details: unknown[]
): void {
  const summary = details
    .map((detail) => (detail instanceof Error ? describeFailure(detail) : typeof detail))
    .join(', ');
  const line = `better-auth ${level}: ${message.slice(0, 200)}${summary ? ` [${summary}]` : ''}`;
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}

/** The origins this request was addressed to, as the browser names them (http or https on the Host header). */
function ownOrigins(request: Request): string[] {
  const host = request.headers.get('host');
  return host ? [`http://${host}`, `https://${host}`] : [];
}

export function authOptionsFromEnvironment(): { secret: string; baseURL?: string } {
  const environment = readEnvironment();
  const secret = authSecret({
    configured: environment.BETTER_AUTH_SECRET,
    sharedDatabase: Boolean(environment.DATABASE_URL),
    dataDir: path.resolve(environment.RTC_DOCTOR_DATA_DIR),
  });
  return { secret, baseURL: environment.BETTER_AUTH_URL };
}

/** The signed-in person behind these request headers, as the authorization rules see them. */
export async function viewerFrom(auth: Auth, headers: Headers): Promise<Viewer> {
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const user = session.user as typeof session.user & { role?: string; customerAccountId?: string | null };
  if (user.role === 'staff') return { userId: user.id, email: user.email, role: 'staff', accountId: null };
  if (user.role === 'owner' && user.customerAccountId)
    return { userId: user.id, email: user.email, role: 'owner', accountId: user.customerAccountId };
  return null;
}
