'use client';

import { useSyncExternalStore } from 'react';

interface Probe {
  origin: string;
  isSecureContext: boolean;
  subtle: boolean;
  framed: boolean;
}

let probe: Probe | undefined;
function readProbe(): Probe {
  probe ??= {
    origin: window.location.origin,
    isSecureContext: window.isSecureContext,
    subtle: typeof crypto !== 'undefined' && typeof crypto.subtle === 'object',
    framed: window !== window.top,
  };
  return probe;
}

const subscribe = () => () => {};

function Check({ ok, label, detail }: { ok: boolean; label: string; detail: string }) {
  return (
    <li className="flex gap-3" data-ok={ok}>
      <span
        aria-hidden="true"
        className={`mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold text-white ${ok ? 'bg-emerald-700' : 'bg-red-700'}`}
      >
        {ok ? '✓' : '✗'}
      </span>
      <span>
        <span className="font-medium">{label}</span>
        <span className="sr-only">{ok ? ': yes' : ': no'}</span>
        <span className="block text-sm text-slate-700 dark:text-slate-300">{detail}</span>
      </span>
    </li>
  );
}

/**
 * The portal's own page, in this browser: what RTC would find here. It says nothing about the address under test,
 * and says so, so a green panel beside a red verdict does not read as a contradiction.
 */
export function BrowserProbe() {
  const seen = useSyncExternalStore(subscribe, readProbe, () => undefined);
  return (
    <section
      aria-labelledby="probe-heading"
      className="rounded-lg border border-slate-200 p-4 dark:border-slate-700"
      data-testid="probe"
    >
      <h2 id="probe-heading" className="font-semibold">
        RTC Doctor itself, in this browser
      </h2>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300" data-testid="probe-scope">
        A live check of the page you are reading now, not of the address you typed.
      </p>
      {seen ? (
        <ul className="mt-3 space-y-3" aria-label="Checks on this page">
          <Check
            ok={seen.isSecureContext}
            label="window.isSecureContext is true"
            detail={
              seen.isSecureContext
                ? `${seen.origin} is a secure context here.`
                : `${seen.origin} is not a secure context here.`
            }
          />
          <Check
            ok={seen.subtle}
            label="crypto.subtle exists"
            detail={
              seen.subtle
                ? 'Web Crypto is available, as RTC needs to encrypt in the browser.'
                : 'Web Crypto is missing, so RTC could not encrypt here.'
            }
          />
          <Check
            ok={!seen.framed}
            label="Top-level page"
            detail={
              seen.framed ? 'This page is inside a frame: every frame above it counts too.' : 'Not inside a frame.'
            }
          />
        </ul>
      ) : (
        <p className="mt-3 text-sm text-slate-600 dark:text-slate-300">Checking this browser…</p>
      )}
    </section>
  );
}
