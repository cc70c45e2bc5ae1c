import { guardRoute } from '@/lib/http/route-failure';
import { storeKeySource } from '@/lib/api/account-key-set';
import { handleDiagnoseRequest } from '@/lib/api/diagnose-token';
import { rateLimit } from '@/lib/api/rate-limits';
import { getViewer } from '@/lib/auth';
import { getStore } from '@/lib/db';

export const POST = guardRoute('POST /api/tokens/diagnose', async (request: Request) => {
  return (
    (await rateLimit(request, 'diagnose')) ??
    handleDiagnoseRequest(
      request,
      storeKeySource(getStore, () => getViewer(request.headers)),
    )
  );
});
