'use client';

import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/fields';
import { hasFilters, NO_FILTERS, type InboxFilters } from './inbox-query';
import { STATUS_LABELS } from './labels';
import { FIELD_LIMITS } from '@/lib/db/field-limits';
import { FEEDBACK_STATUSES } from '@/lib/feedback/values';

/** The inbox's filters as typed: the inbox debounces the text fields before it asks the API. */
export function InboxFilterForm({
  filters,
  onChange,
}: {
  filters: InboxFilters;
  onChange: (filters: InboxFilters) => void;
}) {
  const id = useId();
  const set = (change: Partial<InboxFilters>) => onChange({ ...filters, ...change });
  return (
    <form
      role="search"
      aria-label="Filter feedback"
      // Every field applies as it changes; Enter in a text field must not reload the page.
      onSubmit={(event) => event.preventDefault()}
      className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,1fr)_auto_auto_minmax(0,1.4fr)_auto] lg:items-end"
    >
      <div>
        <label htmlFor={`${id}-page`} className="block text-sm font-medium">
          Page
        </label>
        <Input
          id={`${id}-page`}
          value={filters.page}
          onChange={(event) => set({ page: event.target.value })}
          placeholder="/docs/errors/…"
          maxLength={FIELD_LIMITS.feedbackPage}
          autoComplete="off"
          spellCheck={false}
          className="mt-1"
        />
      </div>
      <div>
        <label htmlFor={`${id}-helpful`} className="block text-sm font-medium">
          Vote
        </label>
        <Select
          id={`${id}-helpful`}
          value={filters.helpful === undefined ? '' : String(filters.helpful)}
          onChange={(event) => set({ helpful: event.target.value === '' ? undefined : event.target.value === 'true' })}
          className="mt-1"
        >
          <option value="">All votes</option>
          <option value="true">Helpful</option>
          <option value="false">Not helpful</option>
        </Select>
      </div>
      <div>
        <label htmlFor={`${id}-status`} className="block text-sm font-medium">
          Status
        </label>
        <Select
          id={`${id}-status`}
          value={filters.status ?? ''}
          onChange={(event) => set({ status: FEEDBACK_STATUSES.find((status) => status === event.target.value) })}
          className="mt-1"
        >
          <option value="">All statuses</option>
          {FEEDBACK_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <label htmlFor={`${id}-q`} className="block text-sm font-medium">
          Text
        </label>
        <Input
          id={`${id}-q`}
          type="search"
          value={filters.q}
          onChange={(event) => set({ q: event.target.value })}
          placeholder="In comments, notes, pages and emails"
          maxLength={FIELD_LIMITS.searchQuery}
          autoComplete="off"
          className="mt-1"
        />
      </div>
      <Button
        size="lg"
        disabled={!hasFilters(filters)}
        onClick={() => {
          onChange(NO_FILTERS);
          // The button is disabled once nothing is filtered: give focus to the first field rather than to nowhere.
          document.getElementById(`${id}-page`)?.focus();
        }}
      >
        Clear filters
      </Button>
    </form>
  );
}
