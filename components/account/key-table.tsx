'use client';

import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Table, type TableColumn } from '@/components/ui/table';
import { isServiceSet, listAlgorithms, type AlgorithmName } from '@/lib/algorithms';
import { errorDocsPath } from '@/lib/errors/paths';
import { ExpandableValue } from './expandable-value';
import { describeKeyType } from './format';
import { LocalTime } from './local-time';
import type { StoredKey } from './types';

/** About as many characters of a monospaced kid as one line of its column holds, on a phone and on a desktop. */
const KID_LINE = 28;

/** "the service accepts only RS256, …", or this deployment's own set when it has one. */
function acceptedSetInWords(algorithms: readonly AlgorithmName[]): string {
  return `${isServiceSet(algorithms) ? 'the service' : 'this deployment'} accepts only ${listAlgorithms(algorithms)}`;
}

function isRefused(key: StoredKey): boolean {
  return key.acceptedAlgorithms?.length === 0;
}

/** The kid's element: the row's buttons are described by it, so "Delete" says which key without repeating the kid in every cell's name. */
function kidId(key: StoredKey): string {
  return `key-${key.id}-kid`;
}

function refusedNoteId(key: StoredKey): string {
  return `key-${key.id}-refused`;
}

function columns(canEdit: boolean, onDelete: (key: StoredKey) => void): TableColumn<StoredKey>[] {
  const all: TableColumn<StoredKey>[] = [
    {
      header: 'Key ID (kid)',
      className: 'w-[27%]',
      cell: (key) => (
        <ExpandableValue id={kidId(key)} value={key.kid} what="kid" collapsible={key.kid.length > KID_LINE} />
      ),
    },
    { header: 'Type', className: 'w-[13%]', cell: (key) => describeKeyType(key) },
    {
      header: 'Algorithm',
      className: 'w-[13%]',
      cell: (key) =>
        isRefused(key) ? (
          <a
            href={`#${refusedNoteId(key)}`}
            data-testid="key-refused-badge"
            className="rounded bg-amber-700 px-1.5 py-0.5 text-xs font-semibold text-white"
          >
            Refused
          </a>
        ) : (
          (key.alg ?? (
            <>
              Any that fits{' '}
              <span className="block text-xs text-slate-600 dark:text-slate-400">
                {listAlgorithms(key.acceptedAlgorithms ?? [])}
              </span>
            </>
          ))
        ),
    },
    {
      header: 'Thumbprint',
      className: 'w-[17%]',
      cell: (key) => <ExpandableValue value={key.thumbprint} what="thumbprint" />,
    },
    { header: 'Added', className: 'w-[11%]', cell: (key) => <LocalTime iso={key.createdAt} /> },
    {
      header: 'Last used',
      className: 'w-[11%]',
      cell: (key) => (key.lastUsedAt ? <LocalTime iso={key.lastUsedAt} /> : 'Never'),
    },
  ];
  if (!canEdit) return all;
  return [
    ...all,
    {
      header: 'Actions',
      hideHeader: true,
      className: 'w-[8%]',
      cell: (key) => (
        <Button variant="danger" size="xs" aria-describedby={kidId(key)} onClick={() => onDelete(key)}>
          Delete
        </Button>
      ),
    },
  ];
}

/**
 * The account's stored keys. A key the deployment's accepted set does not cover (stored before the set excluded
 * it, such as an EC key) stays listed, flagged, with a note under the table: deleting it is the owner's decision.
 */
export function KeyTable({
  keys,
  canEdit,
  algorithms,
  onDelete,
}: {
  keys: StoredKey[];
  canEdit: boolean;
  algorithms: readonly AlgorithmName[];
  onDelete: (key: StoredKey) => void;
}) {
  const refused = keys.filter(isRefused);
  return (
    <>
      <Table
        caption="Public keys of this account"
        columns={columns(canEdit, onDelete)}
        rows={keys}
        rowKey={(key) => key.id}
      />
      {refused.length > 0 && (
        <ul className="mt-3 space-y-2">
          {refused.map((key) => (
            <li
              key={key.id}
              id={refusedNoteId(key)}
              data-testid="key-refused"
              className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
            >
              Tokens signed with the key <code className="break-all">{key.kid}</code> will be refused:{' '}
              {acceptedSetInWords(algorithms)}. It stays stored until {canEdit ? 'you delete' : 'the owner deletes'} it.{' '}
              <Link href={errorDocsPath('KEY_UNSUPPORTED_TYPE')} className="font-medium underline">
                Which keys work
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
