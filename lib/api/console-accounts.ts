import { z } from 'zod';
import type { Viewer } from '@/lib/auth/permissions';
import { daysOf } from '@/lib/db/days';
import type { Account, Store } from '@/lib/db/store';
import { ERROR_SUMMARIES, type ErrorCode } from '@/lib/errors/summary';
import { parseFields } from '@/lib/feedback';
import { FIELD_LIMITS } from '@/lib/db/field-limits';
import { apiError, badRequest, NO_STORE } from '@/lib/http/json';
import { consoleAccess, queryOf } from './console-access';
import { bundleListingBody, type BundleListingBody } from './support-bundles';

/** How many UTC days an account's chart of diagnosis codes covers, today included. */
export const ACCOUNT_CHART_DAYS = 30;
/** The most accounts one lookup answers. */
export const ACCOUNT_LOOKUP_LIMIT = 20;

export const accountLookupSchema = z.object({
  q: z
    .string({ error: 'must be an API key, an account name or an owner email' })
    .trim()
    .min(1, 'must be an API key, an account name or an owner email')
    .max(FIELD_LIMITS.searchQuery, `at most ${FIELD_LIMITS.searchQuery} characters`),
});

export interface AccountMatch {
  id: string;
  name: string;
  apiKey: string;
  owners: { name: string; email: string }[];
  createdAt: string;
}

/** The accounts whose API key is `query`, or whose name or an owner's email contains it. */
export async function accountMatches(store: Store, query: string): Promise<AccountMatch[]> {
  const accounts = await store.searchAccounts(query, ACCOUNT_LOOKUP_LIMIT);
  return Promise.all(accounts.map(async (account) => accountMatch(account, await store.listAccountOwners(account.id))));
}

function accountMatch(account: Account, owners: AccountMatch['owners']): AccountMatch {
  return {
    id: account.id,
    name: account.name,
    apiKey: account.apiKey,
    owners,
    createdAt: account.createdAt.toISOString(),
  };
}

/** One error code's part of the chart: its title and docs page from the error catalog, and its 30-day total. */
export interface DiagnosisCode {
  code: string;
  title: string;
  docs: string | null;
  total: number;
}

export interface AccountDiagnoses {
  /** Every day of the window, oldest first, with the count of each code checked that day (absent: none). */
  days: { day: string; counts: Record<string, number> }[];
  /** The codes counted in the window, most often first. */
  codes: DiagnosisCode[];
}

export interface AccountView {
  account: AccountMatch;
  diagnoses: AccountDiagnoses;
  /** Evidence the account's owners sent to support and support still keeps, newest first. */
  bundles: BundleListingBody[];
}

/** What an account's users hit over the last 30 days, per day and error code (codes and counts only). */
export async function accountDiagnoses(store: Store, accountId: string, now = new Date()): Promise<AccountDiagnoses> {
  const rows = await store.diagnoses.daily(accountId, ACCOUNT_CHART_DAYS, now);
  const byDay = new Map(daysOf(ACCOUNT_CHART_DAYS, now).map((day) => [day, {} as Record<string, number>]));
  const totals = new Map<string, number>();
  for (const row of rows) {
    const counts = byDay.get(row.day);
    if (!counts) continue;
    counts[row.code] = row.count;
    totals.set(row.code, (totals.get(row.code) ?? 0) + row.count);
  }
  const codes = [...totals]
    .map(([code, total]) => {
      const summary = ERROR_SUMMARIES[code as ErrorCode] as (typeof ERROR_SUMMARIES)[ErrorCode] | undefined;
      return { code, title: summary?.title ?? code, docs: summary?.docs ?? null, total };
    })
    .sort((a, b) => b.total - a.total || a.code.localeCompare(b.code));
  return { days: [...byDay].map(([day, counts]) => ({ day, counts })), codes };
}

/**
 * The account view support reads: the account, its owners, its chart and the evidence its owners sent; undefined
 * for no such account.
 */
export async function accountView(store: Store, id: string, now = new Date()): Promise<AccountView | undefined> {
  const account = id.length <= 100 ? await store.findAccount(id) : undefined;
  if (!account) return undefined;
  const [owners, diagnoses, bundles] = await Promise.all([
    store.listAccountOwners(account.id),
    accountDiagnoses(store, account.id, now),
    store.bundles.listForAccount(account.id, now),
  ]);
  return { account: accountMatch(account, owners), diagnoses, bundles: bundles.map(bundleListingBody) };
}

/** GET /api/console/accounts?q= : accounts by exact API key, or by a part of their name or an owner's email. */
export async function listConsoleAccounts(request: Request, viewer: Viewer, store: Store): Promise<Response> {
  const access = consoleAccess(request, viewer);
  if ('response' in access) return access.response;
  const lookup = parseFields(accountLookupSchema, queryOf(request));
  if (!lookup.ok) return badRequest(lookup.message);
  return Response.json({ items: await accountMatches(store, lookup.value.q) }, { headers: NO_STORE });
}

/**
 * GET /api/console/accounts/{id}: the account, its owners, the diagnosis codes its users hit per day for the
 * last 30 days, and the evidence bundles its owners sent. Its keys and audit log are at /api/accounts/{apiKey}/keys and /audit, for staff as for owners.
 */
export async function getConsoleAccount(request: Request, id: string, viewer: Viewer, store: Store): Promise<Response> {
  const access = consoleAccess(request, viewer);
  if ('response' in access) return access.response;
  const view = await accountView(store, id);
  if (!view) return apiError('NOT_FOUND', 'There is no account with this id.');
  return Response.json(view, { headers: NO_STORE });
}
