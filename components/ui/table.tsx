import type { ReactNode } from 'react';

export interface TableColumn<Row> {
  /** The column heading; below the `md` breakpoint it labels the value in each row's card. */
  header: string;
  cell: (row: Row) => ReactNode;
  /** Visually hidden heading (an actions column); the cell still says what it does. */
  hideHeader?: boolean;
  className?: string;
}

/**
 * A table that fits its box: a table from the `md` breakpoint up, and below it each row becomes a card
 * of label–value lines, so a phone never scrolls sideways. One DOM for both, so screen readers and tests
 * see one set of cells.
 */
export function Table<Row>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  columns: TableColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
}) {
  return (
    <table className="w-full table-fixed border-collapse text-left text-sm max-md:block">
      <caption className="sr-only">{caption}</caption>
      <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600 max-md:sr-only dark:border-slate-700 dark:text-slate-400">
        <tr>
          {columns.map((column) => (
            <th key={column.header} scope="col" className={`px-2 py-2 font-medium ${column.className ?? ''}`}>
              <span className={column.hideHeader ? 'sr-only' : undefined}>{column.header}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="max-md:block max-md:space-y-3">
        {rows.map((row) => (
          <tr
            key={rowKey(row)}
            className="border-b border-slate-100 align-top md:last:border-0 max-md:block max-md:rounded-lg max-md:border max-md:border-slate-200 max-md:p-3 dark:border-slate-800 max-md:dark:border-slate-700"
          >
            {columns.map((column) => (
              <td
                key={column.header}
                data-label={column.hideHeader ? '' : column.header}
                className="px-2 py-2 break-words max-md:flex max-md:gap-3 max-md:px-0 max-md:py-1 max-md:before:w-24 max-md:before:shrink-0 max-md:before:text-xs max-md:before:font-medium max-md:before:text-slate-600 max-md:before:content-[attr(data-label)] max-md:dark:before:text-slate-400"
              >
                <div className="min-w-0">{column.cell(row)}</div>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
