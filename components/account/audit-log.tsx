'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import { LocalTime } from './local-time';
import type { AuditBody } from './types';
import { LoadError } from '@/components/ui/query-states';

export function AuditLog({ audit }: { audit: UseQueryResult<AuditBody> }) {
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading" className="text-xl font-semibold">
        Audit log
      </h2>
      {audit.isPending && (
        <p role="status" className="mt-3 text-slate-600 dark:text-slate-300">
          Loading the audit log…
        </p>
      )}
      {audit.isError && <LoadError what="The audit log" query={audit} className="mt-3" />}
      {audit.data && audit.data.events.length === 0 && (
        <p className="mt-3 text-slate-600 dark:text-slate-300">No changes yet.</p>
      )}
      {audit.data && audit.data.events.length > 0 && (
        <ol className="mt-3 space-y-1 text-sm">
          {audit.data.events.map((event) => (
            <li key={event.id} className="break-words">
              <LocalTime iso={event.at} />: {event.action === 'key.added' ? 'added' : 'deleted'} key{' '}
              <code className="break-all">{event.keyKid}</code> ({event.actorRole})
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
