import { guardRoute } from '@/lib/http/route-failure';
import { rateLimit } from '@/lib/api/rate-limits';
import { createSessionRequest } from '@/lib/api/sessions';
import { readEnvironment } from '@/lib/config/env';
import { getSessionService } from '@/lib/sessions';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

type Context = { params: Promise<{ documentId: string }> };

export const POST = guardRoute('POST /api/sessions/[documentId]', async (request: Request, { params }: Context) => {
  const trust = readEnvironment().RTC_DOCTOR_TRUSTED_PROXIES;
  return (
    (await rateLimit(request, 'sessionCreate')) ??
    createSessionRequest(request, (await params).documentId, getSessionService, { trust })
  );
});
