import Link from 'next/link';
import { LocalTime } from '@/components/account/local-time';
import { EmptyState } from '@/components/ui/query-states';
import { Table } from '@/components/ui/table';
import type { AccountMatch } from '@/lib/api/console-accounts';

export function accountHref(query: string, id: string): string {
  return `/console/accounts?${new URLSearchParams({ q: query, account: id }).toString()}`;
}

/** The accounts a lookup found, each opening its account view; the one open is marked. */
export function AccountMatches({ query, matches, open }: { query: string; matches: AccountMatch[]; open?: string }) {
  if (matches.length === 0)
    return <EmptyState>No account has the API key “{query}”, or a name or owner email containing it.</EmptyState>;
  return (
    <Table
      caption={`Accounts matching “${query}”`}
      rows={matches}
      rowKey={(match) => match.id}
      columns={[
        {
          header: 'Account',
          className: 'w-1/4',
          cell: (match) => (
            <Link
              href={accountHref(query, match.id)}
              aria-current={match.id === open ? 'true' : undefined}
              className="font-medium break-words text-brand-700 underline aria-[current=true]:no-underline dark:text-brand-300"
            >
              {match.name}
            </Link>
          ),
        },
        { header: 'API key', className: 'w-1/4', cell: (match) => <code className="break-all">{match.apiKey}</code> },
        {
          header: 'Owners',
          className: 'w-1/3',
          cell: (match) =>
            match.owners.length ? (
              <span className="break-words">{match.owners.map((owner) => owner.email).join(', ')}</span>
            ) : (
              'None signed up'
            ),
        },
        { header: 'Created', cell: (match) => <LocalTime iso={match.createdAt} /> },
      ]}
    />
  );
}
