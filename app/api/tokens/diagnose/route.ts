import { storeKeySource } from '@/lib/accounts';
import { handleDiagnoseRequest } from '@/lib/api/diagnose-token';
import { route } from '@/lib/api/route';

export const POST = route('POST /api/tokens/diagnose', { limit: 'diagnose' }, ({ request, store, viewer }) =>
  handleDiagnoseRequest(request, storeKeySource(store, viewer)),
);
