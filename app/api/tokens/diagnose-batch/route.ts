import { storeKeySource } from '@/lib/accounts';
import { answerBatch, readBatch, refusedContentType } from '@/lib/api/diagnose-batch';
import { rateLimit, route } from '@/lib/api/route';

// The rate limit counts tokens (contract §7), so it runs once the lines are counted, not before the handler.
export const POST = route('POST /api/tokens/diagnose-batch', {}, async ({ request, store, viewer }) => {
  const refused = refusedContentType(request);
  if (refused) return refused;
  const lines = await readBatch(request);
  if (lines instanceof Response) return lines;
  const limited = await rateLimit(request, 'diagnoseBatch', Math.max(1, lines.length));
  if (limited) return limited;
  return answerBatch(lines, storeKeySource(store, viewer));
});
