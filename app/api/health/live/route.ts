import { liveness } from '@/lib/api/ops';
import { route } from '@/lib/api/route';

// Probes are not rate-limited: an orchestrator asks every few seconds, from one address.
export const GET = route('GET /api/health/live', {}, () => liveness());
export const dynamic = 'force-dynamic';
