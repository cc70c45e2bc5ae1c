export const dynamic = 'force-dynamic';

/** The server's clock, for comparing with the browser's: clock drift causes the time errors. */
export function GET() {
  return Response.json({ now: Date.now() }, { headers: { 'Cache-Control': 'no-store' } });
}
