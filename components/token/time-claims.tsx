import { describeRelative, formatEpoch } from '@/lib/jwt/duration';

const LABELS: Record<string, string> = { iat: 'Issued (iat)', nbf: 'Valid from (nbf)', exp: 'Expires (exp)' };

/** The token's times as dates and as distances from now; the expiry counts down live. */
export function TimeClaims({ payload, now }: { payload: Record<string, unknown>; now: number }) {
  const rows = (['iat', 'nbf', 'exp'] as const).filter(
    (claim) => typeof payload[claim] === 'number' && Number.isFinite(payload[claim]),
  );
  if (rows.length === 0) return null;
  const exp = payload.exp as number | undefined;
  return (
    <section aria-labelledby="times-heading" className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
      <h3 id="times-heading" className="text-sm font-semibold">
        Times
      </h3>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {rows.map((claim) => {
          const value = payload[claim] as number;
          return (
            <div key={claim} className="contents">
              <dt className="text-slate-600 dark:text-slate-300">{LABELS[claim]}</dt>
              <dd>
                <time dateTime={new Date(value * 1000).toISOString()}>{formatEpoch(value)}</time>{' '}
                <span className="text-slate-600 dark:text-slate-300">({describeRelative(value - now)})</span>
              </dd>
            </div>
          );
        })}
      </dl>
      {exp !== undefined && Number.isFinite(exp) && (
        <p className="mt-3 text-sm" aria-live="off">
          {exp > now ? (
            <>
              Expires in <strong className="font-mono">{countdown(exp - now)}</strong>
            </>
          ) : (
            <strong className="text-red-700 dark:text-red-300">Expired {describeRelative(exp - now)}</strong>
          )}
        </p>
      )}
    </section>
  );
}

function countdown(seconds: number): string {
  const days = Math.floor(seconds / 86400);
  const clock = new Date((seconds % 86400) * 1000).toISOString().slice(11, 19);
  return days > 0 ? `${days}d ${clock}` : clock;
}
