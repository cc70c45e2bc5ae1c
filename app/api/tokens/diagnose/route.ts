import { handleDiagnoseRequest } from '@/lib/api/diagnose-token';

export function POST(request: Request) {
  return handleDiagnoseRequest(request);
}
