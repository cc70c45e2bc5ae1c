'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';

/**
 * A long identifier (a kid, a thumbprint) cut to one line so a table row fits its box, with the whole value a
 * click away and a copy button. The whole value is always in the page, so screen readers and search read it all.
 */
export function ExpandableValue({
  value,
  what,
  collapsible = true,
  id: givenId,
}: {
  value: string;
  what: string;
  collapsible?: boolean;
  id?: string;
}) {
  const ownId = useId();
  const id = givenId ?? ownId;
  const [expanded, setExpanded] = useState(false);
  const cut = collapsible && !expanded;
  return (
    <div className="min-w-0">
      <code
        id={id}
        className={`block font-mono text-xs ${cut ? 'truncate' : 'break-all'}`}
        title={cut ? value : undefined}
      >
        {value}
      </code>
      <div className="mt-1 flex flex-wrap gap-1">
        {collapsible && (
          <Button
            variant="ghost"
            size="xs"
            aria-expanded={expanded}
            aria-controls={id}
            aria-label={`${expanded ? 'Show less of' : 'Show all of'} the ${what}`}
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? 'Show less' : 'Show all'}
          </Button>
        )}
        <CopyButton text={value} ariaLabel={`Copy the ${what}`} />
      </div>
    </div>
  );
}
