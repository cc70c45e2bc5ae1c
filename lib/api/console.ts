import type { Viewer } from '@/lib/auth/permissions';
import { listDocPages } from '@/lib/docs/pages';
import { closestPage } from '@/lib/search/closest-page';
import { siteSearchIndex } from '@/lib/search/site';
import type { Feedback, FeedbackEvent } from '@/lib/db/feedback-store';
import type { Store } from '@/lib/db/store';
import {
  CONSOLE_FEEDBACK_LIMIT,
  CONSOLE_SEARCH_MISS_LIMIT,
  feedbackChangeSchema,
  feedbackFilterSchema,
  parseFields,
  searchMissWindowSchema,
} from '@/lib/feedback';
import { apiError, badRequest, NO_STORE, readJsonBody } from '@/lib/http/json';
import { consoleAccess, queryOf } from './console-access';
import { z } from 'zod';

/** A change to one piece of feedback is a status and a note of at most 2 000 characters. */
export const FEEDBACK_CHANGE_BODY_LIMIT = 16 * 1024;
/** Feedback ids are UUIDs; a longer one is no id of ours and is not looked up. */
const MAX_ID_LENGTH = 64;

/** One piece of feedback as the console API answers it (dates in ISO 8601). */
export function feedbackItem(row: Feedback) {
  return {
    id: row.id,
    page: row.page,
    helpful: row.helpful,
    comment: row.comment,
    createdAt: row.createdAt.toISOString(),
    status: row.status,
    email: row.email,
    note: row.note,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type FeedbackItem = ReturnType<typeof feedbackItem>;

function feedbackEventItem(event: FeedbackEvent) {
  return {
    action: event.action,
    from: event.fromValue,
    to: event.toValue,
    actorEmail: event.actorEmail,
    actorRole: event.actorRole,
    at: event.at.toISOString(),
  };
}

function notFound(): Response {
  return apiError('NOT_FOUND', 'There is no feedback with this id.');
}

/** GET /api/console/feedback?page=&helpful=&status=&q= : the inbox, newest first. */
export async function listConsoleFeedback(request: Request, viewer: Viewer, store: Store): Promise<Response> {
  const access = consoleAccess(request, viewer);
  if ('response' in access) return access.response;
  const filter = parseFields(feedbackFilterSchema, queryOf(request));
  if (!filter.ok) return badRequest(filter.message);
  const rows = await store.feedback.list(filter.value, CONSOLE_FEEDBACK_LIMIT);
  return Response.json({ items: rows.map(feedbackItem) }, { headers: NO_STORE });
}

/** GET /api/console/feedback/{id}: one piece of feedback and its audit log, oldest change first. */
export async function getConsoleFeedback(
  request: Request,
  id: string,
  viewer: Viewer,
  store: Store,
): Promise<Response> {
  const access = consoleAccess(request, viewer);
  if ('response' in access) return access.response;
  const row = id.length <= MAX_ID_LENGTH ? await store.feedback.find(id) : undefined;
  if (!row) return notFound();
  const events = await store.feedback.listEvents(id);
  return Response.json({ item: feedbackItem(row), events: events.map(feedbackEventItem) }, { headers: NO_STORE });
}

/** PATCH /api/console/feedback/{id} `{ status?, note? }`: one audit event per field that changes. */
export async function changeConsoleFeedback(
  request: Request,
  id: string,
  viewer: Viewer,
  store: Store,
): Promise<Response> {
  const access = consoleAccess(request, viewer, true);
  if ('response' in access) return access.response;
  const body = await readJsonBody(request, z.unknown(), FEEDBACK_CHANGE_BODY_LIMIT);
  if (!body.ok) return body.response;
  const change = parseFields(feedbackChangeSchema, body.value);
  if (!change.ok) return badRequest(change.message);
  const { staff } = access;
  const updated =
    id.length <= MAX_ID_LENGTH
      ? await store.feedback.update(id, change.value, { id: staff.userId, email: staff.email, role: staff.role })
      : undefined;
  if (!updated) return notFound();
  return Response.json({ item: feedbackItem(updated) }, { headers: NO_STORE });
}

/**
 * GET /api/console/search-misses?days=30: missed searches summed over the last `days` days, most frequent first,
 * each with the page its answer would go on (the "write it" hint).
 */
export async function listConsoleSearchMisses(request: Request, viewer: Viewer, store: Store): Promise<Response> {
  const access = consoleAccess(request, viewer);
  if ('response' in access) return access.response;
  const window = parseFields(searchMissWindowSchema, queryOf(request));
  if (!window.ok) return badRequest(window.message);
  const totals = await store.feedback.searchMissTotals(window.value.days, CONSOLE_SEARCH_MISS_LIMIT);
  const index = siteSearchIndex().loaded;
  const pages = listDocPages();
  const items = totals.map((total) => ({
    ...total,
    lastAt: total.lastAt.toISOString(),
    closest: closestPage(index, pages, total.query) ?? null,
  }));
  return Response.json({ items }, { headers: NO_STORE });
}
