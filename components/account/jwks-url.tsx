'use client';

import { CopyButton } from '@/components/ui/copy-button';
import { useBrowserValue } from '@/components/ui/use-browser-value';

/**
 * The account's JWK set URL as the service is configured with it: absolute, on the origin this page was
 * reached at (the server does not know which of its names the reader used).
 */
export function JwksUrl({ path }: { path: string }) {
  const url = useBrowserValue(() => new URL(path, window.location.href).href, path);
  return (
    <div className="flex min-w-0 flex-wrap items-baseline gap-2">
      <a className="min-w-0 break-all text-brand-700 underline dark:text-brand-300" href={path}>
        {url}
      </a>
      <CopyButton
        getText={() => new URL(path, window.location.href).href}
        label="Copy URL"
        ariaLabel="Copy the JWK set URL"
      />
    </div>
  );
}
