import { guardRoute } from '@/lib/http/route-failure';
import { addAccountKeys, listAccountKeys } from '@/lib/api/account-keys';
import { getViewer } from '@/lib/auth';
import { getStore } from '@/lib/db';

type Context = { params: Promise<{ apiKey: string }> };

export const GET = guardRoute('GET /api/accounts/[apiKey]/keys', async (request: Request, { params }: Context) => {
  return listAccountKeys(request, (await params).apiKey, await getViewer(request.headers), await getStore());
});

export const POST = guardRoute('POST /api/accounts/[apiKey]/keys', async (request: Request, { params }: Context) => {
  return addAccountKeys(request, (await params).apiKey, await getViewer(request.headers), await getStore());
});
