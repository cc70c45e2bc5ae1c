import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { errorDocsPath } from '@/lib/errors/paths';
import type { PrivateMaterial } from '@/lib/jwk/private';
import type { AccountMessages } from './messages';

function describe(found: PrivateMaterial): string {
  if (found.form === 'pem') return `a PEM block labelled “${found.label}”`;
  const name = found.kid === null ? `key ${found.index + 1}` : `key ${found.index + 1} (kid “${found.kid}”)`;
  if (found.kty === 'oct') return `${name} is a shared secret (“kty”: “oct”) and holds the secret itself (“k”)`;
  return `${name} has the private member${found.members.length > 1 ? 's' : ''} ${found.members.map((member) => `“${member}”`).join(', ')}`;
}

/**
 * Said in place of sending a private key: nothing left the browser, but the key was copied somewhere it should
 * not be, so it is replaced the way any exposed key is.
 */
export function PrivateKeyRefusal({
  found,
  entry,
  onDismiss,
}: {
  found: PrivateMaterial;
  entry: AccountMessages['privateKey'];
  onDismiss: () => void;
}) {
  const secret = found.form === 'jwk' && found.kty === 'oct';
  return (
    <div
      role="alert"
      data-code={entry.code}
      className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-950 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100"
    >
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-semibold">{entry.title}</span>
        <code className="text-xs text-red-900 dark:text-red-200">{entry.code}</code>
      </p>
      <p className="mt-2 break-words">
        {entry.message}: {describe(found)}. Nothing was sent, and the field is cleared. Only the public key of an
        asymmetric key pair belongs here.
      </p>
      <p className="mt-2 font-medium">A private key that was pasted anywhere is exposed. Replace it:</p>
      <ol className="mt-1 list-decimal space-y-1 pl-5">
        <li>Generate a new key pair (with the generator above, or your own tools).</li>
        <li>Add the new public key here.</li>
        <li>Switch your token endpoint to sign with the new private key and its kid.</li>
        <li>Delete the old key from this account, so that nothing signed with the exposed key verifies.</li>
      </ol>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Link href={errorDocsPath(entry.code)} className="font-medium text-red-800 underline dark:text-red-200">
          How to fix it →
        </Link>
        {secret && (
          <Link href={errorDocsPath('KEY_SYMMETRIC')} className="font-medium text-red-800 underline dark:text-red-200">
            Why a shared secret does not work →
          </Link>
        )}
        <Button variant="secondary" size="xs" onClick={onDismiss}>
          Dismiss
        </Button>
      </div>
    </div>
  );
}
