import { readinessResponse } from '@/lib/api/ops';
import { route } from '@/lib/api/route';

// Probes are not rate-limited: an orchestrator asks every few seconds, from one address.
export const GET = route('GET /api/health/ready', {}, () => readinessResponse());
export const dynamic = 'force-dynamic';
