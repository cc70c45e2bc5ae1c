import { and, desc, eq, gt, lte, sql, type SQL } from 'drizzle-orm';
import { SUPPORT_BUNDLE_RETENTION_DAYS, type BundleSummary, type EvidenceBundle } from '@/lib/evidence/bundle';
import type { Database } from './connect';
import { supportBundles, users } from './schema';

const DAY_MS = 86_400_000;

/** A bundle as lists show it: everything but the findings themselves. */
export interface SupportBundleListing {
  id: string;
  accountId: string;
  senderId: string;
  senderEmail: string;
  message: string | null;
  summary: BundleSummary;
  source: EvidenceBundle['source'];
  sizeBytes: number;
  createdAt: Date;
  expiresAt: Date;
}

export interface StoredSupportBundle extends SupportBundleListing {
  bundle: EvidenceBundle;
}

export interface NewSupportBundle {
  accountId: string;
  senderId: string;
  message?: string;
  bundle: EvidenceBundle;
  summary: BundleSummary;
}

// What lists read: the bundle's source from inside its JSON, not the findings.
const listing = {
  id: supportBundles.id,
  accountId: supportBundles.accountId,
  senderId: supportBundles.senderId,
  senderEmail: users.email,
  message: supportBundles.message,
  summary: sql<BundleSummary>`${supportBundles.summary}`,
  source: sql<EvidenceBundle['source']>`${supportBundles.bundle} -> 'source'`,
  sizeBytes: supportBundles.sizeBytes,
  createdAt: supportBundles.createdAt,
  expiresAt: supportBundles.expiresAt,
};

/**
 * Evidence sent to support. A bundle past its `expiresAt` is never answered, even before `purgeExpired` has
 * deleted it, so a reader never sees one a day older than promised.
 */
export class BundleStore {
  constructor(private readonly db: Database) {}

  /** Stores a bundle, kept for SUPPORT_BUNDLE_RETENTION_DAYS from `now`, and deletes the ones already past theirs. */
  async insert(input: NewSupportBundle, now: Date = new Date()): Promise<SupportBundleListing> {
    await this.purgeExpired(now);
    const [row] = await this.db
      .insert(supportBundles)
      .values({
        id: crypto.randomUUID(),
        accountId: input.accountId,
        senderId: input.senderId,
        message: input.message ?? null,
        summary: input.summary as unknown as Record<string, unknown>,
        bundle: input.bundle as unknown as Record<string, unknown>,
        sizeBytes: new TextEncoder().encode(JSON.stringify(input.bundle)).byteLength,
        createdAt: now,
        expiresAt: new Date(now.getTime() + SUPPORT_BUNDLE_RETENTION_DAYS * DAY_MS),
      })
      .returning({ id: supportBundles.id });
    return (await this.find(row!.id, now))!;
  }

  /** One bundle with its findings; undefined when there is none, or it has expired. */
  async find(id: string, now: Date = new Date()): Promise<StoredSupportBundle | undefined> {
    const [row] = await this.db
      .select({ ...listing, bundle: sql<EvidenceBundle>`${supportBundles.bundle}` })
      .from(supportBundles)
      .innerJoin(users, eq(users.id, supportBundles.senderId))
      .where(and(eq(supportBundles.id, id), gt(supportBundles.expiresAt, now)));
    return row;
  }

  /** An account's bundles, newest first. */
  async listForAccount(accountId: string, now: Date = new Date()): Promise<SupportBundleListing[]> {
    return this.list(eq(supportBundles.accountId, accountId), now);
  }

  /** What one user sent, newest first. */
  async listForSender(senderId: string, now: Date = new Date()): Promise<SupportBundleListing[]> {
    return this.list(eq(supportBundles.senderId, senderId), now);
  }

  private async list(which: SQL, now: Date): Promise<SupportBundleListing[]> {
    const rows = await this.db
      .select(listing)
      .from(supportBundles)
      .innerJoin(users, eq(users.id, supportBundles.senderId))
      .where(and(which, gt(supportBundles.expiresAt, now)))
      .orderBy(desc(supportBundles.createdAt), desc(supportBundles.id))
      .limit(SUPPORT_BUNDLE_LIST_LIMIT);
    return rows;
  }

  /** Deletes one bundle if `senderId` sent it; true when it did. */
  async deleteBySender(id: string, senderId: string): Promise<boolean> {
    const deleted = await this.db
      .delete(supportBundles)
      .where(and(eq(supportBundles.id, id), eq(supportBundles.senderId, senderId)))
      .returning({ id: supportBundles.id });
    return deleted.length > 0;
  }

  /** Deletes every bundle whose time is up; returns how many. */
  async purgeExpired(now: Date = new Date()): Promise<number> {
    const deleted = await this.db
      .delete(supportBundles)
      .where(lte(supportBundles.expiresAt, now))
      .returning({ id: supportBundles.id });
    return deleted.length;
  }
}

/** The most bundles one list answers (an account sends a handful a month). */
export const SUPPORT_BUNDLE_LIST_LIMIT = 100;
