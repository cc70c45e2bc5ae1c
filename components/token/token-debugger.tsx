'use client';

import { useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeysBody } from '@/components/account/types';
import { requestJson } from '@/components/request-json';
import { Button } from '@/components/ui/button';
import type { ClaimChange, Fix, FixContext } from '@/lib/jwt/fixes';
import type { PrivateSigningKey } from '@/lib/jwt/private-key';
import { LabelWithShareLink } from '@/components/ui/label-with-share-link';
import { parseAlgorithmList, SERVICE_ALGORITHMS, type AlgorithmName } from '@/lib/algorithms';
import { AccountKeysPanel, type OwnAccount } from './account-keys-panel';
import { AlgorithmSetPicker, describeChosenSet, sameSet } from './algorithm-set-picker';
import { ClockCheck } from './clock-check';
import { ExampleButtons } from './example-buttons';
import { KeySourcePicker } from './key-source-picker';
import { KeysPanel } from './keys-panel';
import { fragmentFor, readFragment, writeFragment } from './shareable-state';
import { TokenInput } from './token-input';
import { useNowSeconds } from './use-now';
import { hasKeys, useTokenDiagnosis, type DebuggerKeys } from './use-token-diagnosis';

// The editor, the signer and jose load when the reader first asks to edit or fix, not with the page.
const TokenWorkbench = dynamic(() => import('./workbench/token-workbench'), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-600 dark:text-slate-300">Loading the editor…</p>,
});
// What is said about a token (verdicts, findings, fixes, the error catalog) loads with the first token.
const Result = dynamic(() => import('./token-result'), { ssr: false });
const CompactVerdict = dynamic(() => import('./verdict').then((module) => module.CompactVerdict), { ssr: false });
const CleanedInputNote = dynamic(() => import('./cleaned-input-note').then((module) => module.CleanedInputNote), {
  ssr: false,
});

/** The kid a "set kid" fix offers: the first pasted key's, or the first of the owner's own account. */
function firstKid(keysText: string): string | undefined {
  try {
    const parsed = JSON.parse(keysText) as { keys?: { kid?: unknown }[]; kid?: unknown };
    const kid = (parsed.keys ?? [parsed]).map((key) => key.kid).find((value) => typeof value === 'string' && value);
    return kid as string | undefined;
  } catch {
    return undefined;
  }
}

function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * After a paste or an example, the compact verdict scrolls into view if it is not already: on a phone the keyboard
 * or a long token can push it out. It is hidden (no layout box) where the result column sits beside the input, so a
 * wide screen never moves. Motion only when the reader has not asked for less.
 */
/** Brings the compact verdict into view once it is there, if it is not on screen. */
function revealWhenOutOfView(element: HTMLElement) {
  requestAnimationFrame(() => {
    if (element.getClientRects().length === 0) return;
    const box = element.getBoundingClientRect();
    if (box.top >= 0 && box.bottom <= window.innerHeight) return;
    element.scrollIntoView({ block: 'nearest', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
  });
}

/** The modules a first token needs, fetched as soon as the reader heads for the field, so a paste finds them. */
function preloadReading() {
  void import('@/lib/jwt/decode');
  void import('./verdict');
  void import('./token-result');
}

/** A shared link's set, if it names a valid one; otherwise the page's default. */
function chosenAlgorithms(text: string, defaults: readonly AlgorithmName[]): AlgorithmName[] {
  const parsed = text ? parseAlgorithmList(text) : undefined;
  return parsed && 'algorithms' in parsed ? parsed.algorithms : [...defaults];
}

/**
 * `defaultAlgorithms` is the deployment's accepted set (the service's own unless RTC_DOCTOR_ALGORITHMS says
 * otherwise), read on the server; the user may change it for one check.
 */
export function TokenDebugger({
  ownAccount,
  defaultAlgorithms = SERVICE_ALGORITHMS,
}: {
  ownAccount?: OwnAccount;
  defaultAlgorithms?: readonly AlgorithmName[];
}) {
  const tokenId = useId();
  const keysId = useId();
  const [token, setToken] = useState('');
  const [keysText, setKeysText] = useState('');
  const [keySource, setKeySource] = useState<DebuggerKeys['kind']>('paste');
  const [apiKey, setApiKey] = useState('');
  const [algorithms, setAlgorithms] = useState<AlgorithmName[]>(() => [...defaultAlgorithms]);
  const [algorithmsOpen, setAlgorithmsOpen] = useState(false);
  const now = useNowSeconds();
  // A paste or an example asks for the verdict to be shown; the first token's verdict mounts only once its module
  // has loaded, so the request waits for it.
  const compactVerdict = useRef<HTMLDivElement>(null);
  const revealPending = useRef(false);
  const revealVerdict = () => {
    if (compactVerdict.current) revealWhenOutOfView(compactVerdict.current);
    else revealPending.current = true;
  };
  const compactVerdictRef = (node: HTMLDivElement | null) => {
    compactVerdict.current = node;
    if (node && revealPending.current) {
      revealPending.current = false;
      revealWhenOutOfView(node);
    }
  };
  const verdictRef = useRef<HTMLDivElement>(null);
  const keys: DebuggerKeys = keySource === 'paste' ? { kind: 'paste', text: keysText } : { kind: 'account', apiKey };
  const diagnosis = useTokenDiagnosis(token, keys, now, algorithms);
  const [signingKey, setSigningKey] = useState<PrivateSigningKey>();
  const [stale, setStale] = useState(false);
  const [lastFix, setLastFix] = useState<{ label: string; changes: ClaimChange[] }>();
  const [editing, setEditing] = useState(false);
  const ownKeys = useQuery({
    queryKey: ['account-keys', apiKey.trim()],
    queryFn: () => requestJson<KeysBody>(`/api/accounts/${encodeURIComponent(apiKey.trim())}/keys`),
    enabled: keySource === 'account' && ownAccount !== undefined && apiKey.trim() === ownAccount.apiKey,
  });
  const fixContext: FixContext = {
    now,
    kid: keySource === 'paste' ? firstKid(keysText) : ownKeys.data?.keys.find((key) => key.kid)?.kid,
  };
  /** A new token from outside the editor: the last fix's diff and the stale mark no longer describe it. */
  const replaceToken = (next: string) => {
    setToken(next);
    setStale(false);
    setLastFix(undefined);
  };
  const applyFix = async (fix: Fix) => {
    const decoded = diagnosis.decoded;
    if (!decoded?.header || !decoded.payload) return;
    const { applyFixToToken } = await import('./workbench/rebuild');
    const draft = { header: decoded.header, payload: decoded.payload };
    const result = await applyFixToToken(token, draft, fix.id, fixContext, signingKey, algorithms);
    if ('error' in result) return;
    setToken(result.token);
    setStale(result.stale);
    setLastFix({ label: fix.label, changes: result.changes ?? [] });
  };
  const shared = useMemo(
    () => ({
      token,
      keys: keySource === 'paste' ? keysText : '',
      apiKey: keySource === 'account' ? apiKey : '',
      // Only a set that differs from the page's default goes into the link.
      algorithms: sameSet(algorithms, defaultAlgorithms) ? '' : algorithms.join(','),
    }),
    [token, keySource, keysText, apiKey, algorithms, defaultAlgorithms],
  );

  const chooseKeySource = (kind: DebuggerKeys['kind']) => {
    setKeySource(kind);
    // A signed-in owner most often checks against their own account.
    if (kind === 'account' && !apiKey && ownAccount) setApiKey(ownAccount.apiKey);
  };

  // A shared link's fragment fills the form, on arrival and when another link is opened in this tab.
  useEffect(() => {
    const load = () => {
      const input = readFragment();
      replaceToken(input.token);
      setKeysText(input.keys);
      setApiKey(input.apiKey);
      setKeySource(input.apiKey ? 'account' : 'paste');
      const chosen = chosenAlgorithms(input.algorithms, defaultAlgorithms);
      setAlgorithms(chosen);
      // A link with its own set opens the control, so the reader sees at once that it is not the usual one.
      if (!sameSet(chosen, defaultAlgorithms)) setAlgorithmsOpen(true);
    };
    load();
    window.addEventListener('hashchange', load);
    return () => window.removeEventListener('hashchange', load);
  }, [defaultAlgorithms]);

  useEffect(() => writeFragment(shared), [shared]);

  const showDetails = () => {
    const verdict = verdictRef.current;
    if (!verdict) return;
    verdict.scrollIntoView({ block: 'start', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    verdict.focus({ preventScroll: true });
  };

  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <div className="min-w-0 space-y-6">
        <div>
          <LabelWithShareLink
            htmlFor={tokenId}
            label="Identity token"
            shareState={token ? () => fragmentFor(shared) : undefined}
          />
          <TokenInput
            id={tokenId}
            value={token}
            onChange={replaceToken}
            onPaste={revealVerdict}
            onFocus={preloadReading}
          />
          <CleanedInputNote input={token} onKeepToken={replaceToken} />
          {diagnosis.decoded && (
            <CompactVerdict
              ref={compactVerdictRef}
              diagnosis={diagnosis}
              hasKeys={hasKeys(keys)}
              onShowDetails={showDetails}
            />
          )}
          <p className="mt-2 text-xs text-slate-600 dark:text-slate-300">
            Tokens are credentials: anyone holding a valid one can act as its user until it expires.{' '}
            {keySource === 'paste'
              ? 'With pasted keys this page checks it in your browser and never sends it anywhere'
              : 'Against an account’s keys it is sent to this portal’s server for the check, and never stored or logged'}
            ; share links keep it after the <code>#</code>, which browsers do not send to servers.
          </p>
        </div>
        <div className="space-y-3">
          <Button size="sm" variant="outline" aria-expanded={editing} onClick={() => setEditing((open) => !open)}>
            {editing ? 'Close the editor' : 'Edit and re-sign'}
          </Button>
          {editing && (
            <TokenWorkbench
              token={token}
              header={diagnosis.decoded?.header ?? null}
              payload={diagnosis.decoded?.payload ?? null}
              now={now}
              accepted={algorithms}
              signingKey={signingKey}
              onSigningKey={setSigningKey}
              onEdit={(next, isStale) => {
                setToken(next);
                setStale(isStale);
                setLastFix(undefined);
              }}
              ownAccount={ownAccount}
              onRegistered={() => {
                if (!ownAccount) return;
                setKeySource('account');
                setApiKey(ownAccount.apiKey);
              }}
            />
          )}
        </div>
        <ExampleButtons
          onPick={(example, jwks) => {
            replaceToken(example);
            setKeysText(jwks);
            setKeySource('paste');
            revealVerdict();
          }}
        />
        <div className="space-y-3">
          <KeySourcePicker value={keySource} onChange={chooseKeySource} />
          <label htmlFor={keysId} className="sr-only">
            {keySource === 'paste' ? 'Public keys (JWK set, JWK or PEM)' : 'Account API key'}
          </label>
          {keySource === 'paste' ? (
            <KeysPanel
              id={keysId}
              value={keysText}
              onChange={setKeysText}
              attempts={diagnosis.verified?.keys ?? []}
              problem={diagnosis.keyProblem}
            />
          ) : (
            <AccountKeysPanel
              id={keysId}
              apiKey={apiKey}
              onChange={setApiKey}
              ownAccount={ownAccount}
              keySource={diagnosis.keySource}
              attempts={diagnosis.verified?.keys ?? []}
              problem={diagnosis.keyProblem}
            />
          )}
        </div>
      </div>
      <section aria-labelledby="result-heading" className="min-w-0 space-y-6">
        <h2 id="result-heading" className="sr-only">
          Result
        </h2>
        <AlgorithmSetPicker
          value={algorithms}
          defaults={defaultAlgorithms}
          onChange={setAlgorithms}
          open={algorithmsOpen}
          onOpenChange={setAlgorithmsOpen}
        />
        {diagnosis.decoded ? (
          <Result
            stale={stale}
            lastFix={lastFix}
            fixContext={fixContext}
            onFix={(fix) => void applyFix(fix)}
            diagnosis={diagnosis}
            hasKeys={hasKeys(keys)}
            now={now}
            setName={describeChosenSet(algorithms, defaultAlgorithms)}
            verdictRef={verdictRef}
          />
        ) : diagnosis.reading ? (
          <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
            Reading the token…
          </p>
        ) : (
          <EmptyState />
        )}
        <ClockCheck />
      </section>
    </div>
  );
}

function EmptyState() {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 p-6 dark:border-slate-600">
      <h3 className="font-semibold">Paste a token to see everything that is wrong with it</h3>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        An RTC identity token is a signed JWT: three base64url parts joined by dots, starting with <code>eyJ</code>.
        Your server makes one for each user, and the editor fetches it through <code>rtc_token_provider</code>.
      </p>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        To find one, open the browser’s developer tools on the page with the editor, look in the Network tab for the
        request to your token endpoint, and copy the token from its response: the whole JSON body will do, as will an{' '}
        <code>Authorization</code> or <code>Cookie</code> header line or a URL carrying the token. Or try one of the
        examples.
      </p>
      <p className="mt-2 text-sm">
        <Link href="/docs/jwt-identity-tokens" className="text-brand-700 underline dark:text-brand-300">
          What a token must contain
        </Link>
      </p>
    </div>
  );
}
