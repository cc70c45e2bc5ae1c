'use client';

import Link from 'next/link';
import type { KeyboardEvent } from 'react';
import { LocalTime } from '@/components/account/local-time';
import { Button } from '@/components/ui/button';
import { Table, type TableColumn } from '@/components/ui/table';
import { HelpfulBadge, StatusBadge } from './badges';
import type { FeedbackItem } from './types';

const MUTED = 'text-slate-600 dark:text-slate-400';

/** The elements that name a row for its Open button: the page and the time, not the whole comment. */
const pageId = (item: FeedbackItem) => `feedback-${item.id}-page`;
const timeId = (item: FeedbackItem) => `feedback-${item.id}-time`;

function columns(onOpen: (item: FeedbackItem) => void): TableColumn<FeedbackItem>[] {
  return [
    {
      header: 'Received',
      className: 'w-[13%]',
      cell: (item) => (
        <span id={timeId(item)}>
          <LocalTime iso={item.createdAt} />
        </span>
      ),
    },
    {
      header: 'Page',
      className: 'w-[18%]',
      cell: (item) => (
        <Link
          id={pageId(item)}
          href={item.page}
          prefetch={false}
          className="break-all text-brand-700 underline dark:text-brand-300"
        >
          {item.page}
        </Link>
      ),
    },
    { header: 'Vote', className: 'w-[11%]', cell: (item) => <HelpfulBadge helpful={item.helpful} /> },
    {
      header: 'Comment',
      cell: (item) =>
        item.comment ? (
          <p className="line-clamp-3 whitespace-pre-wrap break-words">{item.comment}</p>
        ) : (
          <span className={MUTED}>No comment</span>
        ),
    },
    {
      header: 'Email',
      className: 'w-[15%]',
      cell: (item) =>
        item.email ? (
          <a href={`mailto:${item.email}`} className="break-all text-brand-700 underline dark:text-brand-300">
            {item.email}
          </a>
        ) : (
          <span className={MUTED}>None</span>
        ),
    },
    { header: 'Status', className: 'w-[11%]', cell: (item) => <StatusBadge status={item.status} /> },
    {
      header: 'Details',
      hideHeader: true,
      className: 'w-[8%]',
      cell: (item) => (
        <Button
          size="xs"
          variant="outline"
          data-inbox-open=""
          aria-describedby={`${pageId(item)} ${timeId(item)}`}
          onClick={() => onOpen(item)}
        >
          Open
        </Button>
      ),
    },
  ];
}

/** Up and down arrows move between the rows' Open buttons, so a long inbox is not a long walk with Tab. */
function moveBetweenRows(event: KeyboardEvent<HTMLDivElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const target = event.target as HTMLElement;
  if (!target.matches('[data-inbox-open]')) return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-inbox-open]')];
  const next = buttons[buttons.indexOf(target) + (event.key === 'ArrowDown' ? 1 : -1)];
  if (!next) return;
  event.preventDefault();
  next.focus();
}

export function FeedbackTable({ items, onOpen }: { items: FeedbackItem[]; onOpen: (item: FeedbackItem) => void }) {
  return (
    <div onKeyDown={moveBetweenRows}>
      <Table caption="Feedback, newest first" columns={columns(onOpen)} rows={items} rowKey={(item) => item.id} />
    </div>
  );
}
