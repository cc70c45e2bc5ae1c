import { and, asc, desc, eq, ilike, inArray, or } from 'drizzle-orm';
import { likePattern } from './like-pattern';
import type { Database } from './connect';
import { BundleStore } from './bundle-store';
import { DiagnosisStore } from './diagnosis-store';
import { FeedbackStore } from './feedback-store';
import { accounts, auditEvents, publicKeys, users } from './schema';

export type Role = 'owner' | 'staff' | 'system';

export interface Actor {
  id: string;
  role: Role;
}

export type Account = typeof accounts.$inferSelect;
export type User = typeof users.$inferSelect;

/**
 * What a staff role change did: `changed` or `unchanged` (the user already had the role), or `no-user` when no
 * user has the email. `createdAccount` is the account a former staff member who had none was given.
 */
export type RoleChange =
  { outcome: 'no-user' } | { outcome: 'changed' | 'unchanged'; user: User; createdAccount?: Account };
export type StoredKey = typeof publicKeys.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;

export interface NewKey {
  kid: string;
  kty: string;
  alg?: string | null;
  jwk: Record<string, unknown>;
  thumbprint: string;
}

/** Adding keys is all or nothing: a kid or key already on the account stops the whole batch. */
export class KeyConflictError extends Error {
  constructor(readonly conflict: 'kid' | 'thumbprint') {
    super(conflict === 'kid' ? 'The account already has a key with this kid.' : 'The account already has this key.');
  }
}

/** The constraint a unique violation (SQLSTATE 23505) broke; drivers and drizzle nest the error differently. */
function uniqueViolation(error: unknown): string | undefined {
  let current = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown };
    if (candidate.code === '23505') return String(candidate.constraint ?? candidate.message ?? '');
    current = candidate.cause;
  }
  return undefined;
}

function randomId(): string {
  return crypto.randomUUID();
}

/** A public API key: what a customer's editor is loaded with. Not a secret, but not guessable either. */
export function generateApiKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return `rtc_${Buffer.from(bytes).toString('base64url')}`;
}

/** The name of the account a user is given when they have none: "{user's name}’s account". */
export function ownAccountName(userName: string): string {
  return `${userName}’s account`;
}

/** The one storage interface, the same over the embedded database and PostgreSQL. */
export class Store {
  private readonly keysChangedListeners = new Set<(accountId: string) => void>();
  /** Readers' feedback, its audit log and missed searches (lib/db/feedback-store.ts). */
  readonly feedback: FeedbackStore;
  /** What account-mode checks found, as per-day counts of error codes (lib/db/diagnosis-store.ts). */
  readonly diagnoses: DiagnosisStore;
  /** Evidence bundles owners sent to support (lib/db/bundle-store.ts). */
  readonly bundles: BundleStore;

  constructor(private readonly db: Database) {
    this.feedback = new FeedbackStore(db);
    this.diagnoses = new DiagnosisStore(db);
    this.bundles = new BundleStore(db);
  }

  /** Calls `listener` after keys of an account were added or deleted (to drop cached key sets); returns how to stop. */
  onKeysChanged(listener: (accountId: string) => void): () => void {
    this.keysChangedListeners.add(listener);
    return () => this.keysChangedListeners.delete(listener);
  }

  private keysChanged(accountId: string): void {
    for (const listener of this.keysChangedListeners) listener(accountId);
  }

  async createAccount(input: { name: string; apiKey?: string }): Promise<Account> {
    const [account] = await this.db
      .insert(accounts)
      .values({ id: randomId(), name: input.name, apiKey: input.apiKey ?? generateApiKey() })
      .returning();
    return account!;
  }

  async findAccount(id: string): Promise<Account | undefined> {
    const [account] = await this.db.select().from(accounts).where(eq(accounts.id, id));
    return account;
  }

  async findAccountByApiKey(apiKey: string): Promise<Account | undefined> {
    const [account] = await this.db.select().from(accounts).where(eq(accounts.apiKey, apiKey));
    return account;
  }

  /**
   * Support's account lookup: the account whose API key is `query` exactly, accounts whose name contains it, and
   * accounts whose owner's email is it or contains it; by name, at most `limit`.
   */
  async searchAccounts(query: string, limit = 20): Promise<Account[]> {
    const text = query.trim();
    if (text === '') return [];
    const pattern = likePattern(text);
    const owned = this.db
      .select({ id: users.customerAccountId })
      .from(users)
      .where(and(eq(users.role, 'owner'), ilike(users.email, pattern)));
    return this.db
      .select()
      .from(accounts)
      .where(or(eq(accounts.apiKey, text), ilike(accounts.name, pattern), inArray(accounts.id, owned)))
      .orderBy(asc(accounts.name), asc(accounts.id))
      .limit(limit);
  }

  async listAccounts(): Promise<Account[]> {
    return this.db.select().from(accounts).orderBy(accounts.name);
  }

  /** Who owns the account, for support staff to tell whose keys they are reading. */
  async listAccountOwners(accountId: string): Promise<{ name: string; email: string }[]> {
    return this.db
      .select({ name: users.name, email: users.email })
      .from(users)
      .where(and(eq(users.customerAccountId, accountId), eq(users.role, 'owner')))
      .orderBy(users.email);
  }

  /** Emails are stored lower-cased (the sign-in library does so); so is the one looked up. */
  async findUserByEmail(email: string): Promise<User | undefined> {
    const [user] = await this.db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
    return user;
  }

  /** Makes a user support staff. Their customer account, if any, stays theirs, for when the role is taken away. */
  async makeStaff(email: string): Promise<RoleChange> {
    const user = await this.findUserByEmail(email);
    if (!user) return { outcome: 'no-user' };
    if (user.role === 'staff') return { outcome: 'unchanged', user };
    const [updated] = await this.db
      .update(users)
      .set({ role: 'staff', updatedAt: new Date() })
      .where(eq(users.id, user.id))
      .returning();
    return { outcome: 'changed', user: updated! };
  }

  /**
   * Makes a staff user an account owner again, of the customer account they had. One who never had one (or whose
   * account was deleted) gets a new, empty account, as sign-up gives every new user: an owner without an account
   * could not sign in to anything.
   */
  async removeStaff(email: string): Promise<RoleChange> {
    const user = await this.findUserByEmail(email);
    if (!user) return { outcome: 'no-user' };
    if (user.role !== 'staff') return { outcome: 'unchanged', user };
    return this.db.transaction(async (tx) => {
      const [existing] = user.customerAccountId
        ? await tx.select().from(accounts).where(eq(accounts.id, user.customerAccountId))
        : [];
      let createdAccount: Account | undefined;
      if (!existing) {
        [createdAccount] = await tx
          .insert(accounts)
          .values({ id: randomId(), name: ownAccountName(user.name), apiKey: generateApiKey() })
          .returning();
      }
      const [updated] = await tx
        .update(users)
        .set({ role: 'owner', customerAccountId: existing?.id ?? createdAccount!.id, updatedAt: new Date() })
        .where(eq(users.id, user.id))
        .returning();
      return { outcome: 'changed' as const, user: updated!, createdAccount };
    });
  }

  async listKeys(accountId: string): Promise<StoredKey[]> {
    return this.db
      .select()
      .from(publicKeys)
      .where(eq(publicKeys.accountId, accountId))
      .orderBy(publicKeys.createdAt, publicKeys.kid);
  }

  async addKeys(accountId: string, keys: readonly NewKey[], actor: Actor): Promise<StoredKey[]> {
    if (keys.length === 0) return [];
    try {
      const added = await this.db.transaction(async (tx) => {
        const stored = await tx
          .insert(publicKeys)
          .values(
            keys.map((key) => ({
              id: randomId(),
              accountId,
              kid: key.kid,
              kty: key.kty,
              alg: key.alg ?? null,
              jwk: key.jwk,
              thumbprint: key.thumbprint,
            })),
          )
          .returning();
        await tx.insert(auditEvents).values(
          stored.map((key) => ({
            accountId,
            actorId: actor.id,
            actorRole: actor.role,
            action: 'key.added',
            keyKid: key.kid,
            keyThumbprint: key.thumbprint,
          })),
        );
        return stored;
      });
      this.keysChanged(accountId);
      return added;
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint !== undefined)
        throw new KeyConflictError(constraint.includes('thumbprint') ? 'thumbprint' : 'kid');
      throw error;
    }
  }

  async deleteKey(accountId: string, keyId: string, actor: Actor): Promise<boolean> {
    const deleted = await this.db.transaction(async (tx) => {
      const [deleted] = await tx
        .delete(publicKeys)
        .where(and(eq(publicKeys.accountId, accountId), eq(publicKeys.id, keyId)))
        .returning();
      if (!deleted) return false;
      await tx.insert(auditEvents).values({
        accountId,
        actorId: actor.id,
        actorRole: actor.role,
        action: 'key.deleted',
        keyKid: deleted.kid,
        keyThumbprint: deleted.thumbprint,
      });
      return true;
    });
    if (deleted) this.keysChanged(accountId);
    return deleted;
  }

  async markKeysUsed(accountId: string, keyIds: readonly string[], at: Date = new Date()): Promise<void> {
    if (keyIds.length === 0) return;
    await this.db
      .update(publicKeys)
      .set({ lastUsedAt: at })
      .where(and(eq(publicKeys.accountId, accountId), inArray(publicKeys.id, [...keyIds])));
  }

  async listAudit(accountId: string, limit = 100): Promise<AuditEvent[]> {
    return this.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.accountId, accountId))
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(limit);
  }
}
