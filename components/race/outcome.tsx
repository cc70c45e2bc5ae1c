import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { clientName, PROVIDERS, SAFE_PROVIDER_DOCS, type ProviderBehaviour, type RaceOutcome } from '@/lib/race';

function list(clients: number[]): string {
  const names = clients.map(clientName);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The verdict for the whole race, with the page that explains the fix when something broke. */
export function Outcome({
  outcome,
  provider,
  onShowBreak,
}: {
  outcome: RaceOutcome;
  provider: ProviderBehaviour;
  onShowBreak?: () => void;
}) {
  const description = PROVIDERS[provider];
  if (!outcome.dataLost) {
    return (
      <div
        role="status"
        data-testid="race-outcome"
        data-lost="false"
        className="rounded-lg border border-emerald-300 bg-emerald-50 p-4 dark:border-emerald-800 dark:bg-emerald-950/40"
      >
        <p className="font-semibold text-emerald-900 dark:text-emerald-100">
          {clientName(outcome.winner)} wins with key hint {outcome.winnerHint}; everyone decrypts and nothing is lost.
        </p>
        <p className="mt-1 text-sm text-emerald-900 dark:text-emerald-200">
          {description.safe
            ? `${description.label}: this provider keeps both rules, so no ordering loses data.`
            : `${description.label}: this ordering happens to survive, but others lose data. Try "All orderings".`}
        </p>
        {!description.safe && <DocsLink href={description.docs} provider={provider} />}
      </div>
    );
  }
  return (
    <div
      role="status"
      data-testid="race-outcome"
      data-lost="true"
      className="rounded-lg border border-red-300 bg-red-50 p-4 dark:border-red-800 dark:bg-red-950/40"
    >
      <p className="font-semibold text-red-900 dark:text-red-100">
        {clientName(outcome.winner)} wins with key hint {outcome.winnerHint}
        {outcome.cannotDecrypt.length > 0 && `, but ${list(outcome.cannotDecrypt)} cannot decrypt the document`}
        {outcome.contentLost &&
          `; the content encrypted with ${outcome.winnerKey} is lost once ${clientName(outcome.winner)} closes the editor`}
        .
      </p>
      <p className="mt-1 text-sm text-red-900 dark:text-red-200">
        {provider === 'discarding'
          ? `The provider threw away ${outcome.winnerKey} when another client made its key, before anyone knew ${outcome.winnerKey} would win.`
          : `Asked for hint ${outcome.winnerHint}, the provider hands out a new key instead of ${outcome.winnerKey}.`}
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2">
        {onShowBreak && outcome.firstBreak !== null && (
          <Button variant="danger" size="sm" onClick={onShowBreak}>
            Show where it breaks
          </Button>
        )}
        <DocsLink href={description.docs} provider={provider} />
      </div>
    </div>
  );
}

function DocsLink({ href, provider }: { href: string; provider: ProviderBehaviour }) {
  return (
    <p className="text-sm">
      <Link href={href} className="font-medium text-red-900 underline dark:text-red-100" data-provider={provider}>
        Why this provider loses keys
      </Link>
      {' · '}
      <Link href={SAFE_PROVIDER_DOCS} className="font-medium text-red-900 underline dark:text-red-100">
        The corrected provider, in code
      </Link>
    </p>
  );
}
