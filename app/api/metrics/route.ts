import { metricsResponse } from '@/lib/api/ops';
import { route } from '@/lib/api/route';

export const GET = route('GET /api/metrics', {}, ({ request }) => metricsResponse(request));
export const dynamic = 'force-dynamic';
