import { addAccountKeys, listAccountKeys } from '@/lib/api/account-keys';
import { getViewer } from '@/lib/auth';
import { getStore } from '@/lib/db';

type Context = { params: Promise<{ apiKey: string }> };

export async function GET(request: Request, { params }: Context) {
  return listAccountKeys(request, (await params).apiKey, await getViewer(request.headers), await getStore());
}

export async function POST(request: Request, { params }: Context) {
  return addAccountKeys(request, (await params).apiKey, await getViewer(request.headers), await getStore());
}
